using System.Globalization;
using Safeguard.Core.Oversight.Flow;
using Safeguard.Web.Charts;

namespace Safeguard.Web.Pages.Oversight.Flow;

/// <summary>A stage's daily counts against its usual level (dashed), as a line chart with its table.</summary>
public static class FlowCharts
{
    public static Chart For(string id, string title, IReadOnlyList<FlowDay> days) => new(id, title, ChartKind.Line,
    [
        new ChartSeries("Count", days.Select(d => new ChartPoint(Label(d.Day), d.Count)).ToList()),
        new ChartSeries("Usual level", days.Select(d => new ChartPoint(Label(d.Day), d.Expected is { } e ? Math.Round(e, 1) : null)).ToList(),
            Dashed: true),
    ]);

    public static string Label(DateOnly day) => day.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    public static string StatusWords(FlowStatus? status) => status switch
    {
        FlowStatus.Dropped => "Fell far below usual",
        FlowStatus.Stopped => "Stopped",
        FlowStatus.Normal => "Usual",
        FlowStatus.NotJudged => "Not judged",
        _ => "Not checked yet",
    };

    public static string StatusColour(FlowStatus? status) => status switch
    {
        FlowStatus.Dropped or FlowStatus.Stopped => "govuk-tag--red",
        FlowStatus.Normal => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };
}
