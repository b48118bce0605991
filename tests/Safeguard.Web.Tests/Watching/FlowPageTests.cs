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
        var fromTable = rows.SelectMany(r => r.QuerySelectorAll("td").Select((td, i) =>
                $"{series[i]}, {r.QuerySelector("th")!.TextContent.Trim()}: {td.TextContent.Trim()}"))
            .Where(t => !t.EndsWith(": –"))
            .ToList();
        var fromSvg = figure.QuerySelectorAll("svg circle title").Select(t => t.TextContent).ToList();
        fromSvg.ShouldBe(fromTable, ignoreOrder: true);
        figure.QuerySelectorAll("svg path[stroke-dasharray]").Length.ShouldBe(1, "the usual level is the dashed line");
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
