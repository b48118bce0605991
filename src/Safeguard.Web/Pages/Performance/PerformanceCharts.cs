using System.Globalization;
using Safeguard.Core.Performance;
using Safeguard.Web.Charts;

namespace Safeguard.Web.Pages.Performance;

/// <summary>A measure's series as a chart (partial _Chart), each figure of the first series linking to the list behind it.</summary>
public static class PerformanceCharts
{
    public static Chart ChartOf(MeasureSeries series, PerformancePeriod period, Guid? teamId)
    {
        var measure = series.Measure;
        var kind = measure.Kind == MeasureKind.Count ? ChartKind.Bar : ChartKind.Line;
        var lines = series.SeriesNames.Select((name, i) => new ChartSeries(name, series.Points.Select(p => new ChartPoint(
            p.Bucket.Label,
            p.Values[i],
            i == 0 ? ListLink(measure, period, teamId, p.Bucket.Index) : null,
            i == 0 ? measure.Words(p) : null)).ToList())).ToList();
        return new Chart(measure.Slug, measure.Title, kind, lines, measure.IsPercentage ? "%" : "");
    }

    /// <summary>The list behind one point: /performance/{measure}/list?from&amp;to&amp;team&amp;point.</summary>
    public static string ListLink(Measure measure, PerformancePeriod period, Guid? teamId, int point) =>
        $"/performance/{measure.Slug}/list?from={Iso(period.From)}&to={Iso(period.To)}{(teamId is { } t ? $"&team={t}" : "")}&point={point}";

    public static string DashboardLink(PerformancePeriod period, Guid? teamId) =>
        $"/performance?From.Day={period.From.Day}&From.Month={period.From.Month}&From.Year={period.From.Year}" +
        $"&To.Day={period.To.Day}&To.Month={period.To.Month}&To.Year={period.To.Year}{(teamId is { } t ? $"&Team={t}" : "")}";

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
