using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Oversight;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Allocation;

/// <summary>
/// The allocations outside the rules page (/caseloads/exceptions), from allocations made through the allocation service:
/// who may see it, what it lists, its filter's errors, restricted children, and the service page's link to it.
/// </summary>
public sealed class AllocationExceptionsPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Path = "/caseloads/exceptions";

    /// <summary>A new social worker in the assessment team: registered and qualified, trained for child protection or not.</summary>
    private async Task<Guid> WorkerAsync(string name, bool childProtectionTrained, double fullTimeEquivalent = 1.0)
    {
        await using var db = App.CreateDbContext();
        var team = await db.Teams.Where(t => t.Name == DemoAccounts.AssessmentTeam).Select(t => t.Id).SingleAsync();
        var worker = await AllocationTestData.StaffAsync(db, name, Roles.SocialWorker, team);
        await AllocationTestData.QualifyAsync(db, worker.Id, Today(App), childProtectionTrained, fullTimeEquivalent);
        return worker.Id;
    }

    /// <summary>Allocates the referral through the service as <paramref name="managerEmail"/>, as the kind of case it is now.</summary>
    private async Task<Guid> AllocateAsync(Referral referral, string managerEmail, Guid workerId, string? overrideReason, string? capacityReason)
    {
        var manager = await App.UserIdAsync(managerEmail);
        string name;
        await using (var users = App.CreateDbContext()) name = await users.Users.Where(u => u.Id == manager).Select(u => u.DisplayName).SingleAsync();
        await using var db = App.Database.CreateContext(App.Time, new Actor(manager, name));
        var calendar = WorkingDayCalendar.Default();
        var service = new Allocations(db, new Caseloads(db, Options.Create(new CaseloadSettings())), new ChildStatuses(db, new ChildAlerts(db)),
            calendar, new WorkClocks(calendar), AllocationTestData.AssessmentService(db, calendar));
        var kind = (await service.ViewForReferralAsync(referral.Id))!.KindNow;
        var discussion = new AllocationDiscussion(App.Time.GetUtcNow().AddMinutes(-30), manager, workerId,
            [new AgreedAction("Visit the child at home", Today(App).AddDays(3))], "Risks discussed in the test");
        var result = await service.AllocateAsync(referral.Id, discussion, kind, overrideReason, capacityReason, referral.Version);
        result.Outcome.ShouldBe(AllocationOutcome.Done, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.AllocationId!.Value;
    }

    /// <summary>A new child's child protection case given to an untrained worker by Helen Price, overriding the rules.</summary>
    private async Task<(Guid Child, string Name)> OverrideAsync(string tag)
    {
        var untrained = await WorkerAsync("Una Untrained " + tag, childProtectionTrained: false);
        var referral = await ReferralAsync(App, "Override" + tag, childProtection: true);
        await AllocateAsync(referral, Helen, untrained, $"No trained worker free this week ({tag})", null);
        return (referral.PersonId, $"Override{tag} Allocated");
    }

    /// <summary>A case given beyond the capacity of a worker on 0.04 of full time (capacity 0.8), by Martin Hughes.</summary>
    private async Task<(Guid Child, string Name)> BeyondCapacityAsync(string tag, Guid? personId = null)
    {
        var parttime = await WorkerAsync("Pat Parttime " + tag, childProtectionTrained: true, fullTimeEquivalent: 0.04);
        var referral = await ReferralAsync(App, "Beyond" + tag, personId: personId);
        await AllocateAsync(referral, Martin, parttime, null, $"Pat knows the family ({tag})");
        return (referral.PersonId, $"Beyond{tag} Allocated");
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task AServiceManager_SeesBothKinds_WithTheirReasons_EachChildLinked_AndTheViewIsAudited()
    {
        var tag = Tag();
        var (overridden, overriddenName) = await OverrideAsync(tag);
        var (beyond, beyondName) = await BeyondCapacityAsync(tag);

        var response = await (await App.SignInAsync(Helen)).GetAsync(Path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        var rows = page.QuerySelectorAll("[data-testid='exceptions'] tbody tr");
        var competence = rows.Single(r => r.TextContent.Contains(overriddenName));
        competence.TextContent.ShouldContain("Competence override");
        competence.TextContent.ShouldContain($"No trained worker free this week ({tag})");
        competence.TextContent.ShouldContain("Una Untrained " + tag);
        competence.TextContent.ShouldContain("overridden by Helen Price");
        competence.TextContent.ShouldContain("none is recorded");
        competence.QuerySelector($"a[href='/children/{overridden}']").ShouldNotBeNull();
        var capacity = rows.Single(r => r.TextContent.Contains(beyondName));
        capacity.TextContent.ShouldContain("Beyond capacity");
        capacity.TextContent.ShouldContain("of 0.8");
        capacity.TextContent.ShouldContain($"Pat knows the family ({tag})");
        capacity.TextContent.ShouldContain("Martin Hughes");
        capacity.QuerySelector($"a[href='/children/{beyond}']").ShouldNotBeNull();
        int.Parse(page.QuerySelector("[data-testid='competence-total']")!.TextContent).ShouldBeGreaterThanOrEqualTo(1);
        int.Parse(page.QuerySelector("[data-testid='capacity-total']")!.TextContent).ShouldBeGreaterThanOrEqualTo(1);

        var helen = await App.UserIdAsync(Helen);
        await using var check = App.CreateDbContext();
        var listed = await check.Events.Where(e => e.Type == PeopleListed.Name && e.ActorUserId == helen).Select(e => e.Data!).ToListAsync();
        listed.ShouldContain(d => d.Contains(overridden.ToString()) && d.Contains(beyond.ToString()));
    }

    [Fact]
    public async Task TheDemoCouncil_HasOneOfEachKind_ForTheReportToShow()
    {
        var page = await Html.ParseAsync(await (await App.SignInAsync(Helen)).GetAsync(Path));

        var rows = page.QuerySelectorAll("[data-testid='exceptions'] tbody tr");
        var poppy = rows.Single(r => r.TextContent.Contains("Poppy Walsh"));
        poppy.TextContent.ShouldContain("Competence override");
        poppy.TextContent.ShouldContain("section 47 refresher is booked");
        poppy.TextContent.ShouldContain("overridden by Helen Price");
        var harvey = rows.Single(r => r.TextContent.Contains("Harvey Collins"));
        harvey.TextContent.ShouldContain("Beyond capacity");
        harvey.TextContent.ShouldContain("two of her cases close this month");
    }

    [Fact]
    public async Task TheServicePage_LinksToTheReport_WithThisPeriodsCounts()
    {
        await OverrideAsync(Tag());
        await using var db = App.CreateDbContext();
        var counts = await new AllocationExceptions(db).CountAsync(ExceptionsPeriod.Default(Today(App)));

        var page = Html.Parse(await (await App.SignInAsync(Helen)).GetStringAsync("/caseloads/service"));

        var link = page.QuerySelector("[data-testid='exceptions-link']")!;
        counts.CompetenceOverrides.ShouldBeGreaterThanOrEqualTo(1);
        link.TextContent.ShouldContain($"{counts.CompetenceOverrides} competence override");
        link.TextContent.ShouldContain($"{counts.BeyondCapacity} allocation");
        link.TextContent.ShouldContain("in the last 3 months");
        link.QuerySelector($"a[href='{Path}']")!.TextContent.ShouldBe("see allocations outside the rules");
        var report = Html.Parse(await (await App.SignInAsync(Helen)).GetStringAsync(Path));
        report.QuerySelector("[data-testid='competence-total']")!.TextContent.ShouldBe(counts.CompetenceOverrides.ToString());
        var from = Today(App).AddMonths(-3);
        (report.QuerySelector("input[name='From.Day']")!.GetAttribute("value"), report.QuerySelector("input[name='From.Month']")!.GetAttribute("value"),
                report.QuerySelector("input[name='To.Year']")!.GetAttribute("value"))
            .ShouldBe((from.Day.ToString(), from.Month.ToString(), Today(App).Year.ToString()), "the default period, shown in the form");
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.PartnerReferrer)]
    [InlineData(Roles.FrontDoorWorker)]
    [InlineData(Roles.SystemAdministrator)]
    public async Task PeopleWhoDoNotManageCaseloads_AreRefused_ThePageAndItsFile(string role)
    {
        var client = await App.SignInAsRoleAsync(role);

        foreach (var path in new[] { Path, Path + "?format=csv" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await response.Content.ReadAsStringAsync()).ShouldContain("You do not have permission to see this page");
        }
    }

    [Theory]
    [InlineData("From.Day=31&From.Month=2&From.Year=2026", "From.Day", "31", "The 'from' date must be a real date")]
    [InlineData("From.Day=1&From.Year=2026", "From.Day", "1", "The 'from' date must include a month")]
    [InlineData("From.Day=10&From.Month=2&From.Year=2026&To.Day=9&To.Month=2&To.Year=2026", "To.Day", "9",
        "The 'to' date must be the same as or after the 'from' date")]
    [InlineData("From.Day=1&From.Month=1&From.Year=2023&To.Day=1&To.Month=3&To.Year=2026", "From.Year", "2023",
        "The period must be 2 years or shorter")]
    [InlineData("From.Day=xx&From.Month=1&From.Year=2026", "From.Day", "xx", "The 'from' date must be a real date")]
    public async Task BadDates_AreAnsweredWithTheErrorSummary_Status400_AndWhatWasTypedKept(string query, string field, string typed, string message)
    {
        var response = await (await App.SignInAsync(Helen)).GetAsync($"{Path}?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(message);
        page.QuerySelector(".govuk-error-message")!.TextContent.ShouldContain(message);
        page.QuerySelector($"input[name='{field}']")!.GetAttribute("value").ShouldBe(typed);
        page.QuerySelector("[data-testid='exceptions']").ShouldBeNull();
    }

    [Theory]
    [InlineData("pageNumber=2147483647")]
    [InlineData("pageNumber=-3")]
    [InlineData("pageNumber=lots")]
    public async Task AnyPageNumber_IsAPage_NeverAnError(string query)
    {
        var response = await (await App.SignInAsync(Helen)).GetAsync($"{Path}?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not-a-team")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public async Task AnUnknownTeam_IsAnsweredWithTheErrorSummary_AndStatus400(string team)
    {
        var response = await (await App.SignInAsync(Helen)).GetAsync($"{Path}?Team={team}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Select a team from the list");
    }

    [Fact]
    public async Task ATeamAndPeriod_FilterTheRows_AndTheFormShowsThemAgain()
    {
        var tag = Tag();
        var (_, name) = await OverrideAsync(tag);
        await using var db = App.CreateDbContext();
        var assessment = await db.Teams.Where(t => t.Name == DemoAccounts.AssessmentTeam).Select(t => t.Id).SingleAsync();
        var other = await db.Teams.Where(t => t.Id != assessment).Select(t => t.Id).FirstAsync();
        var today = Today(App);
        var client = await App.SignInAsync(Helen);

        var ours = Html.Parse(await client.GetStringAsync($"{Path}?Team={assessment}&From.Day={today.Day}&From.Month={today.Month}&From.Year={today.Year}"));
        var theirs = Html.Parse(await client.GetStringAsync($"{Path}?Team={other}"));
        var before = Html.Parse(await client.GetStringAsync(
            $"{Path}?To.Day={today.AddDays(-1).Day}&To.Month={today.AddDays(-1).Month}&To.Year={today.AddDays(-1).Year}&From.Day=1&From.Month=1&From.Year={today.Year - 1}"));

        ours.QuerySelector("[data-testid='exceptions']")!.TextContent.ShouldContain(name);
        ours.QuerySelector("select[name='Team'] option[selected]")!.GetAttribute("value").ShouldBe(assessment.ToString());
        ours.QuerySelector("input[name='From.Day']")!.GetAttribute("value").ShouldBe(today.Day.ToString());
        // The file link is built as the paging links are: this address, the filter kept.
        var file = ours.QuerySelector("[data-testid='exceptions-csv']")!.GetAttribute("href")!;
        file.ShouldContain($"Team={assessment}");
        file.ShouldContain($"From.Day={today.Day}");
        file.ShouldContain("format=csv");
        theirs.Body!.TextContent.ShouldNotContain(name);
        before.Body!.TextContent.ShouldNotContain(name);
    }

    [Fact]
    public async Task ARestrictedChild_IsLeftOutAndCounted_ForAManagerNotOnItsList_OnThePageAndInTheFile_ButListedForItsHolder()
    {
        var tag = Tag();
        var rosie = await App.DemoChildIdAsync("Rosie");
        await BeyondCapacityAsync(tag, rosie);
        var (open, openName) = await OverrideAsync(tag);

        var forMartin = Html.Parse(await (await App.SignInAsync(Martin)).GetStringAsync(Path));
        var martinsFile = await (await App.SignInAsync(Martin)).GetAsync(Path + "?format=csv");
        var forHelen = Html.Parse(await (await App.SignInAsync(Helen)).GetStringAsync(Path));

        forMartin.Body!.TextContent.ShouldNotContain("Rosie");
        forMartin.Body.InnerHtml.ShouldNotContain(rosie.ToString());
        forMartin.Body.TextContent.ShouldNotContain($"Pat knows the family ({tag})");
        forMartin.QuerySelector("[data-testid='exceptions-hidden']")!.TextContent.ShouldContain("not listed: the children's records are restricted");
        forMartin.QuerySelector("[data-testid='exceptions']")!.TextContent.ShouldContain(openName);
        martinsFile.StatusCode.ShouldBe(HttpStatusCode.OK);
        martinsFile.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = await martinsFile.Content.ReadAsStringAsync();
        csv.ShouldContain(open.ToString());
        csv.ShouldContain($"\"No trained worker free this week ({tag})\"");
        csv.ShouldNotContain(rosie.ToString());
        csv.ShouldNotContain("Rosie");
        var rosieRow = forHelen.QuerySelectorAll("[data-testid='exceptions'] tbody tr").Single(r => r.TextContent.Contains($"Pat knows the family ({tag})"));
        rosieRow.TextContent.ShouldContain("Rosie Bennett");
    }
}
