using System.Net;
using Safeguard.Core.Oversight.Flow;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Watching;

public sealed class FlowPageTests(SafeguardAppFactory app) : AppTests(app)
{
    [Fact]
    public async Task FlowPage_ListsEveryWatchedStage_WithItsChart()
    {
        var client = await App.SignInAsync(AllocationArrange.Omar);

        var page = await Html.ParseAsync(await client.GetAsync("/oversight/flow"));

        foreach (var stage in FlowStages.Watched)
        {
            page.QuerySelector($"[data-testid=flow-stage-{stage}]").ShouldNotBeNull(stage.ToString());
            page.QuerySelector($"[data-testid=chart-flow-{stage}] svg").ShouldNotBeNull(stage.ToString());
        }
    }

    [Fact]
    public async Task AlertPage_SaysWhatFellInWords_AndItsChartAndTableShowTheSameNumbers()
    {
        var alertId = await FlowArrange.RaiseAsync(App);
        var client = await App.SignInAsync(AllocationArrange.Omar);

        var response = await client.GetAsync($"/oversight/flow/alerts/{alertId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("[data-testid=flow-alert-message]")!.TextContent.ShouldContain("Assessments started fell to 1");
        var figure = page.QuerySelector("[data-testid=chart-flow-alert]")!;
        var series = figure.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent.Trim()).ToList();
        series.ShouldBe(["Count", "Usual level"]);
        var rows = figure.QuerySelectorAll("tbody tr").ToList();
        rows.Count.ShouldBe(40, "8 weeks of working days with no bank holiday in them");
        // The counts are points with their figure as a title; the usual level is a dashed line through its figures.
        var counts = rows.Select(r => $"Count, {r.QuerySelector("th")!.TextContent.Trim()}: {r.QuerySelectorAll("td")[0].TextContent.Trim()}").ToList();
        figure.QuerySelectorAll("svg circle title").Select(t => t.TextContent).ShouldBe(counts);
        var usualFigures = rows.Count(r => r.QuerySelectorAll("td")[1].TextContent.Trim() != "–");
        var dashed = figure.QuerySelectorAll("svg path[stroke-dasharray]").ShouldHaveSingleItem();
        dashed.GetAttribute("d")!.Count(c => c is 'M' or 'L').ShouldBe(usualFigures);
    }

    [Fact]
    public async Task AlertPage_ForNoSuchAlert_IsNotFound()
    {
        var client = await App.SignInAsync(AllocationArrange.Omar);

        (await client.GetAsync($"/oversight/flow/alerts/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HeadOfService_SeesTheFlowAlertOnTheHomePage_WithALinkToItsChart()
    {
        var alertId = await FlowArrange.RaiseAsync(App, FlowStage.Referrals);
        var client = await App.SignInAsync(AllocationArrange.Omar);

        var page = await Html.ParseAsync(await client.GetAsync("/"));

        page.QuerySelector($"[data-testid=manager-alerts] a[href='/oversight/flow/alerts/{alertId}']").ShouldNotBeNull();
    }
}
