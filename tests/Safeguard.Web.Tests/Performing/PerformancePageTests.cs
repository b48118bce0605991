using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.People.Access;
using Safeguard.Core.Performance;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Performing;

/// <summary>The leaders' dashboard and the lists behind its figures: who may see them, what they show, restricted children, audit.</summary>
public sealed class PerformancePageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string David = "david.clarke@northbridge.example";
    private const string Helen = "helen.price@northbridge.example";
    private const string Nina = "nina.patel@northbridge.example";

    [Fact]
    public async Task TheDirector_SeesEveryMeasure_AsAChartBesideATable_WithHowItIsCounted()
    {
        var client = await App.SignInAsync(David);

        var response = await client.GetAsync("/performance");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = App.Services.CreateAsyncScope();
        var measures = scope.ServiceProvider.GetRequiredService<PerformanceMeasures>().All;
        measures.Count.ShouldBeGreaterThanOrEqualTo(11);
        var page = Html.Parse(html);
        foreach (var measure in measures)
        {
            var figure = page.QuerySelector($"[data-testid='chart-{measure.Slug}']");
            figure.ShouldNotBeNull(measure.Slug);
            figure.QuerySelector("svg").ShouldNotBeNull(measure.Slug);
            figure.QuerySelectorAll("tbody tr").Length.ShouldBe(13, $"{measure.Slug}: 12 months to 2 March 2026 are 13 monthly points");
            page.QuerySelector($"[data-testid='how-counted-{measure.Slug}']")!.TextContent.ShouldContain(measure.Numerator);
        }
        html.ShouldContain("whole service");
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.PartnerReferrer)]
    [InlineData(Roles.TeamManager)]
    public async Task TheDashboardAndItsLists_AreRefused_ToRolesThatDoNotViewPerformance(string role)
    {
        var client = await App.SignInAsRoleAsync(role);

        (await client.GetAsync("/performance")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/performance/contacts/list?from=2026-03-01&to=2026-03-02&point=0")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task APeriodOverFiveYears_Is400_WithTheGovUkError_AndKeepsWhatWasTyped()
    {
        var client = await App.SignInAsync(David);

        var response = await client.GetAsync("/performance?From.Day=1&From.Month=1&From.Year=2015&To.Day=2&To.Month=3&To.Year=2026");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("5 years or shorter");
        page.QuerySelector("input[name='From.Year']")!.GetAttribute("value").ShouldBe("2015");
        page.QuerySelector("input[name='To.Day']")!.GetAttribute("value").ShouldBe("2");
        page.QuerySelector("[data-testid='chart-contacts']").ShouldBeNull();
    }

    [Fact]
    public async Task AnImpossibleDate_Is400_WithTheGovUkError()
    {
        var client = await App.SignInAsync(David);

        var response = await client.GetAsync("/performance?From.Day=31&From.Month=2&From.Year=2026");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The &#x27;from&#x27; date must be a real date");
    }

    [Fact]
    public async Task ATeam_And_APeriod_AreShown_AndWeeklyForAShortPeriod()
    {
        var client = await App.SignInAsync(David);
        await using var db = App.CreateDbContext();
        var team = await db.Teams.FirstAsync(t => t.Name == Core.Seeding.DemoAccounts.FrontDoorTeam);

        var page = Html.Parse(await client.GetStringAsync($"/performance?From.Day=2&From.Month=2&From.Year=2026&To.Day=1&To.Month=3&To.Year=2026&Team={team.Id}"));

        page.QuerySelector("[data-testid='showing']")!.TextContent.ShouldContain(team.Name);
        page.QuerySelectorAll("[data-testid='chart-contacts'] tbody tr").Length.ShouldBe(4);
    }

    /// <summary>The week of the restricted demo child's (Rosie's) contact, for the list of contacts received.</summary>
    private async Task<string> RosiesContactListAsync()
    {
        await using var db = App.CreateDbContext();
        var rosie = await db.People.SingleAsync(p => p.GivenName == "Rosie" && p.FamilyName == "Bennett");
        var received = await db.ContactChildren.Where(c => c.PersonId == rosie.Id)
            .Join(db.Contacts, c => c.ContactId, c => c.Id, (_, c) => c.ReceivedAt).FirstAsync();
        var day = TimeLimits.UkDay(received);
        return $"/performance/contacts/list?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&point=0";
    }

    [Fact]
    public async Task TheListBehindAFigure_ShowsARestrictedChild_AsRestrictedRecord_ToTheDirector_AndNamesHerToTheHolder_AndIsAudited()
    {
        var path = await RosiesContactListAsync();
        await using var db = App.CreateDbContext();
        var rosie = await db.People.Where(p => p.GivenName == "Rosie" && p.FamilyName == "Bennett").Select(p => p.Id).SingleAsync();
        var david = await App.SignInAsync(David);
        var helen = await App.SignInAsync(Helen);

        var toDavid = await david.GetStringAsync(path);
        var toHelen = await helen.GetStringAsync(path);

        toDavid.ShouldContain(NeedToKnow.RestrictedTitle);
        toDavid.ShouldNotContain("Rosie Bennett");
        toDavid.ShouldNotContain(rosie.ToString());
        toHelen.ShouldContain($"href=\"/children/{rosie}\"");
        var helenId = await App.UserIdAsync(Helen);
        var davidId = await App.UserIdAsync(David);
        var listed = await db.Events.Where(e => e.Type == PeopleListed.Name && (e.ActorUserId == helenId || e.ActorUserId == davidId))
            .Select(e => new { e.ActorUserId, e.Data }).ToListAsync();
        listed.ShouldContain(e => e.ActorUserId == helenId && e.Data!.Contains(rosie.ToString()) && e.Data.Contains("performance"));
        listed.ShouldNotContain(e => e.ActorUserId == davidId && e.Data!.Contains(rosie.ToString()));
    }

    [Fact]
    public async Task TheListsFigure_IsTheDashboardsFigure()
    {
        var client = await App.SignInAsync(David);
        var dashboard = Html.Parse(await client.GetStringAsync("/performance?From.Day=1&From.Month=12&From.Year=2025&To.Day=2&To.Month=3&To.Year=2026"));
        var link = dashboard.QuerySelectorAll("[data-testid='chart-contacts'] tbody a").First(a => a.TextContent.Trim() != "0");

        var list = Html.Parse(await client.GetStringAsync(WebUtility.HtmlDecode(link.GetAttribute("href")!)));

        list.QuerySelector("[data-testid='list-figure']")!.TextContent.Trim().ShouldBe(link.TextContent.Trim());
    }

    [Fact]
    public async Task APerformanceAnalyst_SeesTheNames_ButNoLinksToRecords()
    {
        var client = await App.SignInAsync(Nina);

        var html = await client.GetStringAsync(await RosiesContactListAsync());

        html.ShouldContain("your role does not let you open children");
        html.ShouldNotContain("href=\"/children/");
        Html.Parse(html).QuerySelectorAll("[data-testid='listed-child']").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TheHomePage_LinksToPerformance_ForTheDirector_NotForASocialWorker()
    {
        (await (await App.SignInAsync(David)).GetStringAsync("/")).ShouldContain("href=\"/performance\"");
        (await (await App.SignInAsRoleAsync(Roles.SocialWorker)).GetStringAsync("/")).ShouldNotContain("href=\"/performance\"");
    }
}
