using AngleSharp.Html.Parser;
using Safeguard.Web.Charts;

namespace Safeguard.Web.Tests.Charting;

/// <summary>Charts are drawn on the server as SVG, one mark per figure, with a title and a description for screen readers.</summary>
public class SvgChartTests
{
    private static Chart Weekly(ChartKind kind, params double?[] values) => new("contacts", "Contacts per week", kind,
        [new ChartSeries("Contacts", values.Select((v, i) => new ChartPoint($"W{i + 1}", v, $"/list?week={i + 1}")).ToList())]);

    [Fact]
    public void BarChart_DrawsOneBarPerFigure_AndLeavesOutMissingOnes()
    {
        var svg = Parse(SvgChart.Render(Weekly(ChartKind.Bar, 3, 7, null, 12)));

        var bars = svg.QuerySelectorAll("rect");
        bars.Length.ShouldBe(3);
        bars.Select(b => b.QuerySelector("title")!.TextContent).ShouldBe(["Contacts, W1: 3", "Contacts, W2: 7", "Contacts, W4: 12"]);
    }

    [Fact]
    public void TallerBars_AreTheLargerFigures_OnAnAxisThatRoundsUp()
    {
        var chart = Weekly(ChartKind.Bar, 3, 12);
        var heights = Parse(SvgChart.Render(chart)).QuerySelectorAll("rect").Select(r => double.Parse(r.GetAttribute("height")!)).ToList();

        SvgChart.Scale(chart).ShouldBe(20);
        heights[1].ShouldBeGreaterThan(heights[0]);
        (heights[1] / heights[0]).ShouldBe(4, 0.05);
    }

    [Fact]
    public void RateChart_RunsTo100_AndBreaksItsLineAtAMissingFigure()
    {
        var chart = new Chart("decided", "Decisions within 1 working day", ChartKind.Line,
            [new ChartSeries("Within time", [new("W1", 80), new("W2", 90), new("W3", null), new("W4", 85)])], "%");
        var svg = Parse(SvgChart.Render(chart));

        SvgChart.Scale(chart).ShouldBe(100);
        svg.QuerySelector("path")!.GetAttribute("d")!.Count(c => c == 'M').ShouldBe(2);
        svg.QuerySelectorAll("circle").Length.ShouldBe(3);
        svg.QuerySelectorAll("text").Select(t => t.TextContent).ShouldContain("100%");
    }

    [Fact]
    public void Chart_IsAnImageNamedByItsTitle_WithALegendForTwoSeries_AndEscapesWhatItIsGiven()
    {
        var chart = new Chart("flow", "Referrals <from> partners", ChartKind.Line,
        [
            new ChartSeries("This week", [new("Mon", 4), new("Tue", 5)]),
            new ChartSeries("Usual level", [new("Mon", 20), new("Tue", 21)], Dashed: true),
        ]);
        var html = SvgChart.Render(chart);
        var svg = Parse(html);

        html.ShouldNotContain("<from>");
        svg.GetAttribute("role").ShouldBe("img");
        svg.GetAttribute("aria-labelledby").ShouldBe("flow-title flow-desc");
        svg.QuerySelector("title")!.TextContent.ShouldBe("Referrals <from> partners");
        svg.QuerySelector("desc")!.TextContent.ShouldBe("This week and Usual level, Mon to Tue. The same figures are in the table.");
        svg.QuerySelectorAll("path").Single(p => p.HasAttribute("stroke-dasharray")).ShouldNotBeNull();
        svg.QuerySelectorAll("text").Select(t => t.TextContent).ShouldContain("Usual level");
    }

    private static AngleSharp.Dom.IElement Parse(string svg) =>
        new HtmlParser().ParseDocument($"<body>{svg}</body>").QuerySelector("svg")!;
}
