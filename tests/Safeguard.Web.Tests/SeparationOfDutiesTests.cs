using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>
/// Separation of duties: an administrator cannot change their own account, and an account with only the system
/// administrator role opens no child's page and reads no child's name anywhere it can go.
/// </summary>
public sealed class SeparationOfDutiesTests(PageAccessTests.Fixture fixture) : IClassFixture<PageAccessTests.Fixture>
{
    private const string Admin = "alex.admin@northbridge.example";

    private static async Task<HttpResponseMessage> PostAccountAsync(HttpClient client, Guid account, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var path = $"/admin/users/{account}";
        var token = SafeguardAppFactory.AntiforgeryToken(await client.GetStringAsync(path));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    [Fact]
    public async Task AnAdministrator_GivingTheirOwnAccountARole_IsRefused_TheFormKept_AndTheAttemptRecorded()
    {
        var client = await fixture.SignInAsync(Admin);
        var self = await fixture.UserIdAsync(Admin);

        var response = await PostAccountAsync(client, self,
        [
            new("SelectedRoles", Roles.SystemAdministrator), new("SelectedRoles", Roles.Director), new("Status", "active"),
            new("Reason", "Covering for the director"),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(SelfAdministrationRule.Refusal);
        page.QuerySelector($"input[name=SelectedRoles][value={Roles.Director}]")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("#Reason")!.TextContent.ShouldContain("Covering for the director");
        await using var db = fixture.CreateDbContext();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == self select r.Name).ToListAsync();
        roles.ShouldBe([Roles.SystemAdministrator]);
        var attempt = await db.Events.SingleAsync(e => e.Type == AccountSelfChangeRefused.Name && e.SubjectId == self);
        attempt.Reason.ShouldBe("Covering for the director");
        attempt.Summary.ShouldContain("Director of children's services");
        (await db.Events.AnyAsync(e => e.Type == AccountChanged.Name && e.SubjectId == self)).ShouldBeFalse();
    }

    [Fact]
    public async Task AnAdministrator_DisablingTheirOwnAccount_IsRefused_AndTheirPageSaysAnotherMustChangeIt()
    {
        var client = await fixture.SignInAsync(Admin);
        var self = await fixture.UserIdAsync(Admin);

        var own = await Html.ParseAsync(await client.GetAsync($"/admin/users/{self}"));
        var response = await PostAccountAsync(client, self,
            [new("SelectedRoles", Roles.SystemAdministrator), new("Status", "disabled"), new("Reason", "Leaving")]);

        own.QuerySelector("[data-testid=own-account]")!.TextContent.ShouldContain("Ask another administrator");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(SelfAdministrationRule.Refusal);
        (await (await fixture.SignInAsync(Admin)).GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheAuditTrail_ShowsAnAdministratorThatAChildsRecordWasViewed_AndTheDirectorWhoseItWas()
    {
        var child = await fixture.DemoChildIdAsync("Ellie");
        await (await fixture.SignInAsync("sam.okafor@northbridge.example")).GetAsync($"/children/{child}");
        var search = $"/admin/audit?Kind={Uri.EscapeDataString(Core.Audit.RecordViewed.Name)}";

        var admin = await Html.ParseAsync(await (await fixture.SignInAsync(Admin)).GetAsync(search));
        var director = await Html.ParseAsync(await (await fixture.SignInAsync("david.clarke@northbridge.example")).GetAsync(search));

        var adminRows = admin.QuerySelectorAll("[data-testid=audit-results] tbody tr").Select(r => r.TextContent).ToList();
        adminRows.ShouldContain(r => r.Contains("Sam Okafor") && r.Contains(Core.Oversight.AuditDetailRule.ChildRecord));
        adminRows.ShouldAllBe(r => !r.Contains("Ellie"));
        admin.QuerySelector("#Person").ShouldBeNull();
        admin.QuerySelector("[data-testid=audit-results] a[href^='/children/']").ShouldBeNull();
        director.QuerySelectorAll("[data-testid=audit-results] tbody tr").Select(r => r.TextContent)
            .ShouldContain(r => r.Contains("Sam Okafor") && r.Contains("Viewed the record of Ellie Watson"));
        director.QuerySelector("#Person").ShouldNotBeNull();
    }

    [Fact]
    public async Task AnAccountWithOnlyTheAdministratorRole_OpensNoChildsPage_AndReadsNoChildsNameOnAnyPageItReaches()
    {
        var client = await fixture.SignInAsync(Admin);
        var may = RolePermissions.For(Roles.SystemAdministrator);
        may.ShouldNotContain(Permissions.ViewChildRecords);
        var read = new Dictionary<string, string>();
        var queue = new Queue<string>();

        foreach (var (path, permission) in PageAccessTests.Pages)
        {
            var resolved = await fixture.ResolveAsync(path);
            var response = await client.GetAsync(resolved);
            var allowed = permission is null || permission.Split('|').Any(may.Contains);
            if (!allowed)
            {
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], path);
                continue;
            }
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            queue.Enqueue(resolved);
        }
        // The audit trail with results: every kind, and each kind of event recorded about a child.
        await using (var db = fixture.CreateDbContext())
        {
            queue.Enqueue("/admin/audit?Kind=");
            foreach (var kind in await db.Events.Where(e => e.PersonId != null).Select(e => e.Type).Distinct().ToListAsync())
                queue.Enqueue("/admin/audit?Kind=" + Uri.EscapeDataString(kind));
        }

        // Then every link on the pages reached, as far as they go (bounded).
        while (queue.Count > 0 && read.Count < 400)
        {
            var address = queue.Dequeue();
            if (read.ContainsKey(address)) continue;
            var response = await client.GetAsync(address);
            ((int)response.StatusCode).ShouldBeOneOf([200, 302, 403, 404], address);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                read[address] = "";
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            read[address] = html;
            foreach (var link in Html.Parse(html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (link.StartsWith('/') && !link.StartsWith("//") && !link.StartsWith("/sign-out") && !read.ContainsKey(link)) queue.Enqueue(link);
                else if (link.StartsWith('?')) queue.Enqueue(address.Split('?')[0] + link);
            }
        }

        await using var names = fixture.CreateDbContext();
        var people = await names.People.Select(p => p.GivenName + " " + p.FamilyName).Distinct().ToListAsync();
        people.Count.ShouldBeGreaterThan(10);
        read.Count(r => r.Value.Length > 0).ShouldBeGreaterThan(10);
        read.Keys.ShouldContain(k => k.StartsWith("/admin/audit?Kind="));
        var seen = (from page in read where page.Value.Length > 0
                    from name in people where page.Value.Contains(System.Net.WebUtility.HtmlEncode(name), StringComparison.OrdinalIgnoreCase)
                    select $"{name} on {page.Key}").Take(20).ToList();
        seen.ShouldBeEmpty();
    }
}
