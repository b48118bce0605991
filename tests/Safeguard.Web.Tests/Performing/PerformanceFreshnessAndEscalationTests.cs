using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Performance;
using Safeguard.Core.Performance.Daily;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Performing;

/// <summary>The dashboard's "Figures as at", its escalation figures and who may follow them, and the lists about workers and cases.</summary>
public sealed class PerformanceFreshnessAndEscalationTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string David = "david.clarke@northbridge.example";
    private const string Helen = "helen.price@northbridge.example";
    private const string Nina = "nina.patel@northbridge.example";

    private static string Dashboard(DateOnly from, DateOnly to) =>
        $"/performance?From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}";

    [Fact]
    public async Task WithNoDailyFigures_ThePageSaysTheyWereComputedNow()
    {
        var client = await App.SignInAsync(David);

        var page = Html.Parse(await client.GetStringAsync("/performance"));

        page.QuerySelector("[data-testid='figures-as-at']")!.TextContent.ShouldContain("computed now");
    }

    [Fact]
    public async Task AfterARefresh_ThePageShowsWhenTheFiguresWereComputed_AndTheSameFigures()
    {
        // A week of its own in the demo's history, so other tests' periods are not covered by the table.
        var from = new DateOnly(2025, 11, 3);
        var to = new DateOnly(2025, 11, 9);
        var client = await App.SignInAsync(David);
        var before = Html.Parse(await client.GetStringAsync(Dashboard(from, to)));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DailyFigures>().RefreshAsync(from, to);
        }
        var computedAt = App.Time.GetUtcNow();
        App.Time.Advance(TimeSpan.FromMinutes(3));

        var after = Html.Parse(await client.GetStringAsync(Dashboard(from, to)));

        var asAt = after.QuerySelector("[data-testid='figures-as-at']")!.TextContent;
        asAt.ShouldNotContain("computed now");
        asAt.ShouldContain(Safeguard.Web.Infrastructure.DueTime.Local(computedAt));
        await using var scope2 = App.Services.CreateAsyncScope();
        foreach (var measure in scope2.ServiceProvider.GetRequiredService<PerformanceMeasures>().All)
        {
            var cells = $"[data-testid='chart-{measure.Slug}'] tbody td";
            after.QuerySelectorAll(cells).Select(c => c.TextContent.Trim())
                .ShouldBe(before.QuerySelectorAll(cells).Select(c => c.TextContent.Trim()), measure.Slug);
        }
    }

    [Fact]
    public async Task EscalationFigures_AreShownToEveryViewer_ButLinkToTheEscalations_OnlyForTheDirector()
    {
        var director = Html.Parse(await (await App.SignInAsync(David)).GetStringAsync("/performance"));
        var manager = Html.Parse(await (await App.SignInAsync(Helen)).GetStringAsync("/performance"));
        var analyst = Html.Parse(await (await App.SignInAsync(Nina)).GetStringAsync("/performance"));

        foreach (var page in new[] { director, manager, analyst })
        {
            page.QuerySelectorAll("[data-testid='escalations-open-by-age'] tbody tr").Length.ShouldBe(4);
            page.QuerySelectorAll("[data-testid='escalations-by-outcome'] tbody tr").Length.ShouldBeGreaterThan(0);
        }
        director.QuerySelectorAll("[data-testid='measure-escalations'] a[href^='/escalations?']").Length.ShouldBeGreaterThan(4);
        manager.QuerySelectorAll("[data-testid='measure-escalations'] a").Length.ShouldBe(0);
        analyst.QuerySelectorAll("[data-testid='measure-escalations'] a").Length.ShouldBe(0);
        analyst.QuerySelector("[data-testid='escalations-raised']")!.TextContent.ShouldContain("confidential");
    }

    [Fact]
    public async Task AnEscalationFiguresLink_ListsThoseEscalations_ForTheDirector_AndIsNotFound_ForAnAnalyst()
    {
        var david = await App.SignInAsync(David);
        var dashboard = Html.Parse(await david.GetStringAsync("/performance"));
        var link = WebUtility.HtmlDecode(dashboard.QuerySelector("[data-testid='escalations-by-outcome'] a")!.GetAttribute("href")!);

        var list = await david.GetAsync(link);
        var refused = await (await App.SignInAsync(Nina)).GetAsync(link);
        var bad = await david.GetAsync("/escalations?from=2026-01-01&to=2026-02-01&band=9");

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        Html.Parse(await list.Content.ReadAsStringAsync()).QuerySelector("[data-testid='escalation-filter']")!.TextContent.ShouldContain("answered");
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheCaseloadsList_NamesTheWorkers_AndCountsWhatTheDashboardCounts()
    {
        var today = TimeLimits.UkDay(App.Time.GetUtcNow());
        var client = await App.SignInAsync(David);

        var page = Html.Parse(await client.GetStringAsync($"/performance/caseloads/list?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&point=0"));
        var dashboard = Html.Parse(await client.GetStringAsync(Dashboard(today, today)));

        page.QuerySelectorAll("[data-testid='listed-worker']").Length.ShouldBeGreaterThan(0);
        page.QuerySelectorAll("[data-testid='listed-child']").Length.ShouldBeGreaterThan(0);
        var cases = page.QuerySelector("[data-testid='list-figure']")!.TextContent.Trim();
        dashboard.QuerySelector("[data-testid='chart-caseloads'] tbody td")!.TextContent.ShouldContain($"({cases} cases,");
        page.QuerySelector("[data-testid='list-live']").ShouldNotBeNull();
    }

    [Fact]
    public async Task TheAgencyShareList_NamesWorkers_AndNoChildren()
    {
        var today = TimeLimits.UkDay(App.Time.GetUtcNow());
        var client = await App.SignInAsync(Nina);

        var page = Html.Parse(await client.GetStringAsync($"/performance/agency-share/list?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&point=0"));

        page.QuerySelectorAll("[data-testid='listed-worker']").Length.ShouldBeGreaterThan(0);
        page.QuerySelectorAll("[data-testid='listed-child']").Length.ShouldBe(0);
        page.QuerySelector("[data-testid='list-figure']")!.TextContent.ShouldContain(" of ");
    }
}
