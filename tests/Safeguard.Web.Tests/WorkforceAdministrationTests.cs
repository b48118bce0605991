using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Workforce;
using Safeguard.Web.Tests.Api;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>The admin pages for partner organisations and teams, through real requests against the demo council.</summary>
public sealed class WorkforceAdministrationTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Admin = "alex.admin@northbridge.example";

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<OrganisationLine?> OrganisationAsync(string name) =>
        InScopeAsync(s => s.GetRequiredService<OrganisationAdministration>().FindByNameAsync(name));

    [Fact]
    public async Task AddOrganisation_ThenItIsListed_WithItsCinCode_AndRecorded()
    {
        var client = await App.SignInAsync(Admin);

        var response = await SafeguardAppFactory.PostFormAsync(client, "/admin/organisations/add", new()
        {
            ["Name"] = "Hillcrest Academy", ["Kind"] = "Education", ["CinReferralSourceCode"] = "2B",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/admin/organisations");
        var list = await Html.ParseAsync(await client.GetAsync("/admin/organisations"));
        list.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("Hillcrest Academy added");
        var row = list.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Hillcrest Academy")).TextContent;
        row.ShouldContain("2B: Education services");
        row.ShouldContain("Active");
        await using var db = App.CreateDbContext();
        var recorded = await db.Events.SingleAsync(e => e.Type == OrganisationAdded.Name && e.Summary.Contains("Hillcrest Academy"));
        recorded.ActorName.ShouldBe(DemoAccounts.All.Single(a => a.Email == Admin).DisplayName);
    }

    [Fact]
    public async Task AddOrganisation_WithMissingDetails_ShowsErrorsAndKeepsWhatWasTyped()
    {
        var client = await App.SignInAsync(Admin);

        var response = await SafeguardAppFactory.PostFormAsync(client, "/admin/organisations/add", new()
        {
            ["Name"] = "  ", ["Kind"] = "", ["CinReferralSourceCode"] = "99",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        summary.ShouldContain("Enter the organisation's name");
        summary.ShouldContain("Select the kind of organisation");
        summary.ShouldContain("Enter a CIN census referral source code from the list");
        page.QuerySelector("#Name-error")!.TextContent.ShouldContain("Enter the organisation's name");
    }

    [Fact]
    public async Task AddOrganisation_WithTheNameOfAnActiveOneInAnotherCase_IsRefusedAndKeepsWhatWasTyped()
    {
        var client = await App.SignInAsync(Admin);

        var response = await SafeguardAppFactory.PostFormAsync(client, "/admin/organisations/add", new()
        {
            ["Name"] = DemoAccounts.Police.ToUpperInvariant(), ["Kind"] = "Police",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain($"There is already an organisation called {DemoAccounts.Police.ToUpperInvariant()}");
        page.QuerySelector("#Name")!.GetAttribute("value").ShouldBe(DemoAccounts.Police.ToUpperInvariant());
        page.QuerySelector("input[name=Kind][value=Police]")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task RenameOrganisation_AfterSomeoneElseChangedIt_SaysSo_ShowsWhatItIsNow_AndKeepsWhatWasTyped()
    {
        var added = await InScopeAsync(s => s.GetRequiredService<OrganisationAdministration>()
            .AddAsync(new OrganisationInput("Maple Surgery", "Health", "3A")));
        var id = added.Id!.Value;
        var client = await App.SignInAsync(Admin);
        var form = await client.GetStringAsync($"/admin/organisations/{id}");
        var seenVersion = (await OrganisationAsync("Maple Surgery"))!.Version;
        (await InScopeAsync(s => s.GetRequiredService<OrganisationAdministration>()
            .ChangeAsync(id, seenVersion, new OrganisationInput("Maple Medical Practice", "Health", "3A"), "New name"))).Succeeded.ShouldBeTrue();

        var response = await client.PostAsync($"/admin/organisations/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SafeguardAppFactory.AntiforgeryToken(form),
            ["Version"] = seenVersion.ToString(), ["Name"] = "Maple Health Centre", ["Kind"] = "Health", ["CinReferralSourceCode"] = "3A",
            ["Reason"] = "Typo in the name",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Someone else changed this while you were working on it");
        page.QuerySelector("[data-testid=changed-meanwhile]")!.TextContent.ShouldContain("Maple Medical Practice");
        page.QuerySelector("#Name")!.GetAttribute("value").ShouldBe("Maple Health Centre");
        page.QuerySelector("#Reason")!.TextContent.ShouldBe("Typo in the name");
        (await OrganisationAsync("Maple Medical Practice")).ShouldNotBeNull();

        // Saving again, from what is shown now, replaces the other change on purpose.
        var again = await client.PostAsync($"/admin/organisations/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SafeguardAppFactory.AntiforgeryToken(await response.Content.ReadAsStringAsync()),
            ["Version"] = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
            ["Name"] = "Maple Health Centre", ["Kind"] = "Health", ["CinReferralSourceCode"] = "3A", ["Reason"] = "Typo in the name",
        }));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await OrganisationAsync("Maple Health Centre")).ShouldNotBeNull();
    }

    [Fact]
    public async Task RetiringAnOrganisation_RefusesItsReferrersSignInWithAMessage_AndItsApiKeys()
    {
        var added = await InScopeAsync(s => s.GetRequiredService<OrganisationAdministration>()
            .AddAsync(new OrganisationInput("Southshire Police", "Police", null)));
        var id = added.Id!.Value;
        await InScopeAsync(s => s.GetRequiredService<UserAdministration>().AddAsync(new NewUser("Dee Constable", "dee@southshire.example",
            "a-long-temporary-password", [Roles.PartnerReferrer], null, id, "Police constable")));
        var key = await App.CreateKeyAsync("Southshire Police");
        var admin = await App.SignInAsync(Admin);

        var response = await SafeguardAppFactory.PostFormAsync(admin, $"/admin/organisations/{id}/retire", new()
        {
            ["Version"] = (await OrganisationAsync("Southshire Police"))!.Version.ToString(), ["Action"] = "retire",
            ["Reason"] = "Merged into Northbridge Police",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signIn = await SafeguardAppFactory.PostFormAsync(App.CreateBrowserlikeClient(), "/sign-in",
            new() { ["Email"] = "dee@southshire.example", ["Password"] = "a-long-temporary-password" });
        signIn.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(signIn)).QuerySelector(".govuk-error-summary")!.TextContent
            .ShouldContain("Southshire Police has been retired in Safeguard, so its accounts can no longer sign in or make referrals");
        var api = await App.ApiClient(key.Key).GetAsync("/api/v1/referrals");
        (await api.ProblemAsync(401)).GetProperty("detail").GetString()!.ShouldContain("retired");
        var list = await Html.ParseAsync(await admin.GetAsync("/admin/users/add"));
        list.QuerySelectorAll("#OrganisationId option").Select(o => o.TextContent).ShouldNotContain("Southshire Police");
        await using var db = App.CreateDbContext();
        (await db.Events.SingleAsync(e => e.Type == OrganisationRetired.Name && e.SubjectId == id)).Reason.ShouldBe("Merged into Northbridge Police");
    }

    [Fact]
    public async Task RetiringATeamThatOwnsOpenWork_IsRefusedSayingHowMany()
    {
        var client = await App.SignInAsync(Admin);
        await using var db = App.CreateDbContext();
        var frontDoor = await db.Teams.SingleAsync(t => t.Name == DemoAccounts.FrontDoorTeam);
        var open = await db.WorkItems.CountAsync(w => w.OwnerTeamId == frontDoor.Id && w.ClosedAt == null);
        open.ShouldBeGreaterThan(0, "the demo council's front door has work");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/admin/teams/{frontDoor.Id}/retire", new()
        {
            ["Version"] = frontDoor.Version.ToString(), ["Action"] = "retire", ["Reason"] = "Restructure",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain($"{DemoAccounts.FrontDoorTeam} still owns {open} open work item");
        page.QuerySelector("#Reason")!.TextContent.ShouldBe("Restructure");
    }

    [Fact]
    public async Task AddRenameAndRetireATeam_ThroughThePages()
    {
        var client = await App.SignInAsync(Admin);

        var added = await SafeguardAppFactory.PostFormAsync(client, "/admin/teams/add", new() { ["Name"] = "Disabled Children's Team", ["Kind"] = "ChildInNeed" });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var team = (await InScopeAsync(s => s.GetRequiredService<TeamAdministration>().FindByNameAsync("Disabled Children's Team")))!;
        var renamed = await SafeguardAppFactory.PostFormAsync(client, $"/admin/teams/{team.Id}", new()
        {
            ["Version"] = team.Version.ToString(), ["Name"] = "Children with Disabilities Team", ["Kind"] = "ChildInNeed", ["Reason"] = "New name",
        });
        renamed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var retired = await SafeguardAppFactory.PostFormAsync(client, $"/admin/teams/{team.Id}/retire", new()
        {
            ["Version"] = (team.Version + 1).ToString(), ["Action"] = "retire", ["Reason"] = "Moved to adult services",
        });
        retired.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var list = await Html.ParseAsync(await client.GetAsync("/admin/teams"));
        list.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Children with Disabilities Team")).TextContent.ShouldContain("Retired");
        var users = await Html.ParseAsync(await client.GetAsync("/admin/users/add"));
        users.QuerySelectorAll("#TeamId option").Select(o => o.TextContent).ShouldNotContain("Children with Disabilities Team");
    }

    [Fact]
    public async Task RenameTeam_FromAStaleForm_SaysSomeoneElseChangedIt()
    {
        var client = await App.SignInAsync(Admin);
        var team = (await InScopeAsync(s => s.GetRequiredService<TeamAdministration>().FindByNameAsync(DemoAccounts.EarlyHelpTeam)))!;

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/admin/teams/{team.Id}", new()
        {
            ["Version"] = (team.Version - 1).ToString(), ["Name"] = "Early Help Hub", ["Kind"] = "EarlyHelp", ["Reason"] = "New name",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Someone else changed this while you were working on it");
        page.QuerySelector("#Name")!.GetAttribute("value").ShouldBe("Early Help Hub");
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.PartnerReferrer)]
    [InlineData(Roles.TeamManager)]
    public async Task OrganisationAndTeamPages_AreRefused_ToPeopleWhoAreNotSystemAdministrators(string role)
    {
        var client = await App.SignInAsRoleAsync(role);
        var page = await client.GetStringAsync("/");

        (await client.GetAsync("/admin/organisations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/admin/teams/add")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var post = await client.PostAsync("/admin/teams/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SafeguardAppFactory.AntiforgeryToken(page), ["Name"] = "Sneaky Team", ["Kind"] = "Assessment",
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.Teams.AnyAsync(t => t.Name == "Sneaky Team")).ShouldBeFalse();
    }

    [Fact]
    public async Task PostWithoutTheAntiforgeryToken_IsRefused()
    {
        var client = await App.SignInAsync(Admin);

        var response = await client.PostAsync("/admin/organisations/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Forged Org", ["Kind"] = "Other",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await OrganisationAsync("Forged Org")).ShouldBeNull();
    }
}
