using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>The staff record pages (registration, employment, leaving date, training, absences), through real requests.</summary>
public sealed class StaffRecordTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Manager = "martin.hughes@northbridge.example";
    private const string ServiceManager = "helen.price@northbridge.example";

    /// <summary>Everything the staff record form posts, valid, with <paramref name="changes"/> on top.</summary>
    private static Dictionary<string, string> Form(params (string Field, string Value)[] changes)
    {
        var form = new Dictionary<string, string>
        {
            ["RegistrationNumber"] = "SW204816",
            ["RegistrationRenewsOn.Day"] = "30", ["RegistrationRenewsOn.Month"] = "11", ["RegistrationRenewsOn.Year"] = "2027",
            ["Qualified"] = "yes",
            ["PracticeStartedOn.Day"] = "1", ["PracticeStartedOn.Month"] = "9", ["PracticeStartedOn.Year"] = "2019",
            ["Employment"] = "Permanent",
            ["EmploymentStartsOn.Day"] = "1", ["EmploymentStartsOn.Month"] = "9", ["EmploymentStartsOn.Year"] = "2019",
            ["EmploymentEndsOn.Day"] = "", ["EmploymentEndsOn.Month"] = "", ["EmploymentEndsOn.Year"] = "",
            ["FullTimeEquivalent"] = "1.0", ["ManagerId"] = "", ["Reason"] = "",
        };
        foreach (var (field, value) in changes) form[field] = value;
        return form;
    }

    [Fact]
    public async Task StaffList_ShowsCouncilStaff_NotPartnerReferrers_AndLinksToTheirRecords()
    {
        var client = await App.SignInAsync(Manager);
        var sam = await App.UserIdAsync("sam.okafor@northbridge.example");

        var page = await Html.ParseAsync(await client.GetAsync("/admin/staff"));

        page.QuerySelector($"a[href='/admin/staff/{sam}']")!.TextContent.ShouldBe("Sam Okafor");
        page.QuerySelector("table")!.TextContent.ShouldNotContain("PC Rhys Jones");
        (await client.GetAsync($"/admin/staff/{await App.UserIdAsync("pc.jones@police.example")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Save_WithWrongValues_ShowsEachErrorAgainstItsField_AndKeepsWhatWasTyped()
    {
        var client = await App.SignInAsync(Manager);
        var grace = await App.UserIdAsync("grace.lee@northbridge.example");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/admin/staff/{grace}", Form(
            ("RegistrationNumber", "12345"), ("RegistrationRenewsOn.Day", "31"), ("RegistrationRenewsOn.Month", "2"),
            ("EmploymentEndsOn.Day", "1"), ("EmploymentEndsOn.Month", "9"), ("EmploymentEndsOn.Year", "2018"),
            ("FullTimeEquivalent", "1.5")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        summary.ShouldContain("Enter a Social Work England registration number in the right format, like SW123456");
        summary.ShouldContain("Registration renewal date must be a real date");
        summary.ShouldContain("The leaving date must be the same as or after the start date");
        summary.ShouldContain("Enter a full-time equivalent between 0.1 and 1.0, like 0.8");
        page.QuerySelector("#RegistrationNumber-error")!.TextContent.ShouldContain("like SW123456");
        page.QuerySelector("#RegistrationNumber")!.GetAttribute("value").ShouldBe("12345");
        page.QuerySelector("#FullTimeEquivalent")!.GetAttribute("value").ShouldBe("1.5");
        page.QuerySelector("input[name='RegistrationRenewsOn.Day']")!.GetAttribute("value").ShouldBe("31");
        await using var db = App.CreateDbContext();
        (await db.Users.SingleAsync(u => u.Id == grace)).SocialWorkEnglandNumber.ShouldNotBe("12345");
    }

    [Fact]
    public async Task Save_Valid_IsRecordedAsATypedEvent_WithTheManagerChosenFromTheList()
    {
        var client = await App.SignInAsync(Manager);
        var sam = await App.UserIdAsync("sam.okafor@northbridge.example");
        // Sam's line manager in the demo is Martin Hughes: the service manager is a change of line manager.
        var martin = await App.UserIdAsync("helen.price@northbridge.example");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/admin/staff/{sam}", Form(
            ("RegistrationNumber", "sw 204816"), ("FullTimeEquivalent", "0.8"), ("ManagerId", martin.ToString()), ("Reason", "Annual check")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == sam);
        user.SocialWorkEnglandNumber.ShouldBe("SW204816");
        user.FullTimeEquivalent.ShouldBe(0.8);
        user.ManagerId.ShouldBe(martin);
        var recorded = await db.Events.Where(e => e.Type == StaffRecordChanged.Name && e.SubjectId == sam).OrderBy(e => e.Id).LastAsync();
        recorded.Reason.ShouldBe("Annual check");
        recorded.Summary.ShouldContain("line manager");
    }

    [Fact]
    public async Task ManagerNotInTheList_IsRefused()
    {
        var client = await App.SignInAsync(Manager);
        var grace = await App.UserIdAsync("grace.lee@northbridge.example");
        var aWorker = await App.UserIdAsync("sam.okafor@northbridge.example");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/admin/staff/{grace}", Form(("ManagerId", aWorker.ToString())));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector("#ManagerId-error")!.TextContent.ShouldContain("Select a line manager from the list");
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.PartnerReferrer)]
    [InlineData(Roles.FrontDoorWorker)]
    public async Task StaffRecordPages_RefuseRolesWithoutThePermission_EvenToPost(string role)
    {
        var client = await App.SignInAsRoleAsync(role);
        var sam = await App.UserIdAsync("sam.okafor@northbridge.example");

        (await client.GetAsync($"/admin/staff/{sam}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var post = await client.PostAsync($"/admin/staff/{sam}/training", new FormUrlEncodedContent(new Dictionary<string, string> { ["Kind"] = "CourtSkills" }));
        post.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        await using var db = App.CreateDbContext();
        (await db.TrainingRecords.CountAsync(t => t.UserId == sam && t.Kind == TrainingKind.CourtSkills && t.CompletedOn == new DateOnly(2020, 1, 1))).ShouldBe(0);
    }

    [Fact]
    public async Task TwoManagersSavingTheSameRecordAtOnce_OneIsSaved_TheOtherIsToldWhatChanged_AndKeepsWhatTheyTyped()
    {
        var martin = await App.SignInAsync(Manager);
        var helen = await App.SignInAsync(ServiceManager);
        var omar = await App.UserIdAsync("omar.farouk@northbridge.example");
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var url = $"/admin/staff/{omar}";
            // Values new in every round, so that each save is a change.
            var (martinTyped, helenTyped) = ($"0.{round + 1}", $"0.{round + 1}5");
            var (a, b) = await AtOnce.PostAsync(martin, helen, url,
                Form(("FullTimeEquivalent", martinTyped), ("Reason", $"Round {round} by Martin")),
                Form(("FullTimeEquivalent", helenTyped), ("Reason", $"Round {round} by Helen")));

            var statuses = new[] { a.StatusCode, b.StatusCode };
            statuses.Count(s => s == HttpStatusCode.Redirect).ShouldBe(1, $"round {round}: {string.Join(", ", statuses)}");
            var refused = statuses[0] == HttpStatusCode.Redirect ? b : a;
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            var page = await Html.ParseAsync(refused);
            page.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("Someone else changed this while you were working on it");
            page.QuerySelector("[data-changed-elsewhere]")!.TextContent.ShouldContain("full-time equivalent");
            page.QuerySelector("#FullTimeEquivalent")!.GetAttribute("value").ShouldBe(refused == a ? martinTyped : helenTyped);
        }
    }

    [Fact]
    public async Task Training_WithoutAKindOrExpiringBeforeItWasDone_IsRefused_ThenAddedAndShownAsCurrent()
    {
        var client = await App.SignInAsync(Manager);
        var grace = await App.UserIdAsync("grace.lee@northbridge.example");
        var url = $"/admin/staff/{grace}/training";

        var refused = await SafeguardAppFactory.PostFormAsync(client, url, new()
        {
            ["Kind"] = "", ["CompletedOn.Day"] = "10", ["CompletedOn.Month"] = "1", ["CompletedOn.Year"] = "2026",
            ["ExpiresOn.Day"] = "9", ["ExpiresOn.Month"] = "1", ["ExpiresOn.Year"] = "2026",
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Html.ParseAsync(refused)).QuerySelector(".govuk-error-summary")!.TextContent;
        errors.ShouldContain("Select the training");
        errors.ShouldContain("The expiry date must be after the date completed");

        var added = await SafeguardAppFactory.PostFormAsync(client, url, new()
        {
            ["Kind"] = "CourtSkills", ["CompletedOn.Day"] = "10", ["CompletedOn.Month"] = "1", ["CompletedOn.Year"] = "2026",
            ["ExpiresOn.Day"] = "10", ["ExpiresOn.Month"] = "1", ["ExpiresOn.Year"] = "2029",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = (await Html.ParseAsync(await client.GetAsync(url))).QuerySelectorAll("tr").First(r => r.TextContent.Contains("Court skills")).TextContent;
        row.ShouldContain("Current");
        row.ShouldContain("until 10 January 2029");
    }

    [Fact]
    public async Task Absence_EndingBeforeItStarts_IsRefused_KeepingWhatWasTyped()
    {
        var client = await App.SignInAsync(Manager);
        var grace = await App.UserIdAsync("grace.lee@northbridge.example");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/admin/staff/{grace}/absences", new()
        {
            ["Kind"] = "AnnualLeave", ["From.Day"] = "10", ["From.Month"] = "4", ["From.Year"] = "2026",
            ["To.Day"] = "6", ["To.Month"] = "4", ["To.Year"] = "2026",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#To-error")!.TextContent.ShouldContain("The last day away must be the same as or after the first day away");
        page.QuerySelector("input[name='To.Day']")!.GetAttribute("value").ShouldBe("6");
        page.QuerySelector("input[name=Kind][value=AnnualLeave]")!.HasAttribute("checked").ShouldBeTrue();
    }
}
