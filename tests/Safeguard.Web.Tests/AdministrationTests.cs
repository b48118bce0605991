using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

public sealed class AdministrationTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Admin = "alex.admin@northbridge.example";
    /// <summary>Searches the audit trail by child (Permissions.AuditChildRecords), which an administrator cannot.</summary>
    private const string Director = "david.clarke@northbridge.example";

    [Fact]
    public async Task AddUser_WithMissingDetails_ShowsErrorsAndKeepsWhatWasTyped()
    {
        var client = await App.SignInAsync(Admin);

        var response = await SafeguardAppFactory.PostFormAsync(client, "/admin/users/add", new()
        {
            ["DisplayName"] = "Zara Khan", ["Email"] = "not-an-email", ["JobTitle"] = "Social worker", ["Password"] = "short",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        summary.ShouldContain("Enter an email address in the correct format");
        summary.ShouldContain("Select at least one role");
        summary.ShouldContain("Password must be 12 characters or more");
        page.QuerySelector("#DisplayName")!.GetAttribute("value").ShouldBe("Zara Khan");
        page.QuerySelector("#Email")!.GetAttribute("value").ShouldBe("not-an-email");
    }

    [Fact]
    public async Task AddUser_ThenTheNewUserCanSignInWithTheirRole()
    {
        var client = await App.SignInAsync(Admin);

        var response = await SafeguardAppFactory.PostFormAsync(client, "/admin/users/add", new()
        {
            ["DisplayName"] = "Zara Khan", ["Email"] = "zara.khan@northbridge.example", ["JobTitle"] = "Social worker",
            ["SelectedRoles"] = Roles.SocialWorker, ["Password"] = "a-long-temporary-password",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var zara = await App.SignInAsync("zara.khan@northbridge.example", "a-long-temporary-password");
        (await zara.GetAsync("/children")).Headers.Location!.ToString().ShouldBe("/account/password", "the administrator's password is changed first");
        (await SafeguardAppFactory.PostFormAsync(zara, "/account/password", new()
        {
            ["CurrentPassword"] = "a-long-temporary-password", ["NewPassword"] = "copper-meadow-violin-3", ["ConfirmPassword"] = "copper-meadow-violin-3",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await zara.GetAsync("/children")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await zara.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.Events.AnyAsync(e => e.Type == AccountCreated.Name && e.Summary.Contains("zara.khan@northbridge.example"))).ShouldBeTrue();
    }

    [Fact]
    public async Task DisablingAnAccount_StopsItSigningIn_AndRecordsWhy()
    {
        var client = await App.SignInAsync(Admin);
        var analyst = "nina.patel@northbridge.example";
        var id = await App.UserIdAsync(analyst);

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/admin/users/{id}", new()
        {
            ["SelectedRoles"] = Roles.PerformanceAnalyst, ["TeamId"] = "", ["OrganisationId"] = "", ["Status"] = "disabled",
            ["Reason"] = "Left the council",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var attempt = await SafeguardAppFactory.PostFormAsync(App.CreateBrowserlikeClient(), "/sign-in",
            new() { ["Email"] = analyst, ["Password"] = Core.Seeding.DemoAccounts.Password });
        attempt.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = App.CreateDbContext();
        (await db.Events.SingleAsync(e => e.Type == AccountChanged.Name && e.SubjectId == id)).Reason.ShouldBe("Left the council");
    }

    [Fact]
    public async Task ChangingAnAccount_WithoutAReason_IsRefusedWithAMessage()
    {
        var client = await App.SignInAsync(Admin);
        var id = await App.UserIdAsync("tom.evans@northbridge.example");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/admin/users/{id}", new()
        {
            ["SelectedRoles"] = Roles.FrontDoorWorker, ["Status"] = "active", ["Reason"] = "",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Enter the reason for the change");
    }

    [Fact]
    public async Task AuditSearch_ByPersonName_FindsWhoViewedTheRecord()
    {
        var childId = await App.DemoChildIdAsync("Amara");
        var worker = await App.SignInAsync("sam.okafor@northbridge.example");
        await worker.GetAsync($"/children/{childId}");
        var director = await App.SignInAsync(Director);

        var page = await Html.ParseAsync(await director.GetAsync("/admin/audit?Person=Amara+Okoye"));

        var results = page.QuerySelector("[data-testid=audit-results]").ShouldNotBeNull().TextContent;
        results.ShouldContain("Sam Okafor");
        results.ShouldContain("Viewed the record of Amara Okoye");
    }

    [Fact]
    public async Task AuditSearch_ByUserAndDate_ListsOnlyThatUsersEvents()
    {
        var admin = await App.SignInAsync(Admin);
        var userId = await App.UserIdAsync("tom.evans@northbridge.example");
        await App.SignInAsync("tom.evans@northbridge.example");
        var today = App.Time.GetUtcNow();

        var page = await Html.ParseAsync(await admin.GetAsync(
            $"/admin/audit?UserId={userId}&From.Day={today.Day}&From.Month={today.Month}&From.Year={today.Year}"));

        var rows = page.QuerySelectorAll("[data-testid=audit-results] tbody tr");
        rows.Length.ShouldBeGreaterThan(0);
        rows.ShouldAllBe(r => r.TextContent.Contains("Tom Evans"));
    }

    [Fact]
    public async Task AuditSearch_WithAnImpossibleDate_ExplainsTheProblem()
    {
        var admin = await App.SignInAsync(Admin);

        var response = await admin.GetAsync("/admin/audit?From.Day=31&From.Month=2&From.Year=2026");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("must be a real date");
    }
}
