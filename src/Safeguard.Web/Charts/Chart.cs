namespace Safeguard.Web.Charts;

/// <summary>How a chart draws its series: lines for rates and levels over time, bars for counts.</summary>
public enum ChartKind { Line, Bar }

/// <summary>One point of a series: its label on the time axis, its value (null: no figure for it), and the page behind it.</summary>
public sealed record ChartPoint(string Label, double? Value, string? Href = null, string? Words = null);

/// <summary>One line (or set of bars) of a chart; <paramref name="Dashed"/> for a reference level such as the usual one.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, bool Dashed = false);

/// <summary>
/// A chart over time, drawn on the server as SVG beside a table of the same numbers (partial _Chart): the table is the
/// chart for anyone who cannot see it, and its cells link to what is behind each figure. Every series has the same labels.
/// </summary>
/// <param name="Id">Unique on the page: the SVG's title and the table's caption are found by it.</param>
/// <param name="Unit">"%" for a rate (the axis runs to 100), otherwise empty.</param>
public sealed record Chart(string Id, string Title, ChartKind Kind, IReadOnlyList<ChartSeries> Series, string Unit = "")
{
    public bool IsRate => Unit == "%";

    public IReadOnlyList<string> Labels => Series.Count == 0 ? [] : Series[0].Points.Select(p => p.Label).ToList();

    /// <summary>A value as the table and the chart's tooltips write it.</summary>
    public string Format(double? value) => value switch
    {
        null => "–",
        { } v when IsRate => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v:0.#}%"),
        { } v when v == Math.Floor(v) => v.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
        { } v => v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture),
    };
}
