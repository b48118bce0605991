using System.Globalization;
using System.Net;
using System.Text;

namespace Safeguard.Web.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> as an SVG: no script, no library, the same on every browser and printable. Its numbers are
/// in the table beside it, so the SVG is an image with a title and a one-line description, not a second copy of the data.
/// </summary>
public static class SvgChart
{
    private const int Width = 640, Height = 240, Left = 48, Right = 12, Top = 12, Bottom = 40;

    /// <summary>GOV.UK colours with enough contrast on white: blue, orange, green, purple, red.</summary>
    private static readonly string[] Colours = ["#1d70b8", "#b58840", "#00703c", "#4c2c92", "#d4351c"];

    public static string Render(Chart chart)
    {
        var labels = chart.Labels;
        var max = Scale(chart);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var step = labels.Count == 0 ? 0 : (double)plotWidth / labels.Count;
        double X(int i) => Left + step * (i + 0.5);
        double Y(double v) => Top + plotHeight - plotHeight * Math.Clamp(v / max, 0, 1);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg class="sg-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{chart.Id}-title {chart.Id}-desc" focusable="false">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{chart.Id}-title">{Encode(chart.Title)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<desc id="{chart.Id}-desc">{Encode(Description(chart))}</desc>""");
        Axes(svg, chart, max, plotHeight, labels, X);
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var colour = Colours[s % Colours.Length];
            if (chart.Kind == ChartKind.Bar && !series.Dashed) Bars(svg, chart, series, s, colour, step, X, Y, plotHeight);
            else Line(svg, chart, series, colour, X, Y);
        }
        Legend(svg, chart);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The top of the value axis: 100 for a rate, otherwise a round number at or above the largest value.</summary>
    public static double Scale(Chart chart)
    {
        if (chart.IsRate) return 100;
        var largest = chart.Series.SelectMany(s => s.Points).Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max();
        if (largest <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(largest)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (m * magnitude >= largest) return m * magnitude;
        }
        return 10 * magnitude;
    }

    private static string Description(Chart chart)
    {
        var labels = chart.Labels;
        if (labels.Count == 0) return "No figures for this period.";
        var names = string.Join(" and ", chart.Series.Select(s => s.Name));
        return $"{names}, {labels[0]} to {labels[^1]}. The same figures are in the table.";
    }

    private static void Axes(StringBuilder svg, Chart chart, double max, int plotHeight, IReadOnlyList<string> labels, Func<int, double> x)
    {
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = max * tick / 4;
            var y = Top + plotHeight - plotHeight * tick / 4.0;
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line x1="{Left}" x2="{Width - Right}" y1="{y:0.#}" y2="{y:0.#}" stroke="#b1b4b6" stroke-width="{(tick == 0 ? 1.5 : 0.5)}"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{Left - 6}" y="{y + 4:0.#}" text-anchor="end" font-size="11" fill="#0b0c0c">{Encode(chart.Format(value))}</text>""");
        }
        // At most about eight labels along the bottom, so they never overlap.
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 8.0));
        for (var i = 0; i < labels.Count; i += every)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{x(i):0.#}" y="{Height - Bottom + 16}" text-anchor="middle" font-size="11" fill="#0b0c0c">{Encode(labels[i])}</text>""");
        }
    }

    private static void Bars(StringBuilder svg, Chart chart, ChartSeries series, int index, string colour, double step,
        Func<int, double> x, Func<double, double> y, int plotHeight)
    {
        var bars = chart.Series.Count(s => !s.Dashed);
        var width = Math.Max(1, step * 0.8 / bars);
        for (var i = 0; i < series.Points.Count; i++)
        {
            if (series.Points[i].Value is not { } v) continue;
            var left = x(i) - step * 0.4 + width * index;
            var top = y(v);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect x="{left:0.#}" y="{top:0.#}" width="{width:0.#}" height="{Top + plotHeight - top:0.#}" fill="{colour}"><title>{Encode(Point(chart, series, i))}</title></rect>""");
        }
    }

    private static void Line(StringBuilder svg, Chart chart, ChartSeries series, string colour, Func<int, double> x, Func<double, double> y)
    {
        // A missing figure breaks the line rather than joining across it.
        var path = new StringBuilder();
        var pen = false;
        for (var i = 0; i < series.Points.Count; i++)
        {
            if (series.Points[i].Value is not { } v) { pen = false; continue; }
            path.Append(CultureInfo.InvariantCulture, $"{(pen ? "L" : "M")}{x(i):0.#},{y(v):0.#} ");
            pen = true;
        }
        var dash = series.Dashed ? " stroke-dasharray=\"6 4\"" : "";
        svg.Append(CultureInfo.InvariantCulture, $"""<path d="{path.ToString().TrimEnd()}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>""");
        if (series.Dashed) return;
        for (var i = 0; i < series.Points.Count; i++)
        {
            if (series.Points[i].Value is not { } v) continue;
            svg.Append(CultureInfo.InvariantCulture,
                $"""<circle cx="{x(i):0.#}" cy="{y(v):0.#}" r="3" fill="{colour}"><title>{Encode(Point(chart, series, i))}</title></circle>""");
        }
    }

    private static void Legend(StringBuilder svg, Chart chart)
    {
        if (chart.Series.Count < 2) return;
        var left = (double)Left;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var colour = Colours[s % Colours.Length];
            var dash = series.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line x1="{left:0.#}" x2="{left + 20:0.#}" y1="{Height - 8}" y2="{Height - 8}" stroke="{colour}" stroke-width="3"{dash}/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{left + 24:0.#}" y="{Height - 4}" font-size="11" fill="#0b0c0c">{Encode(series.Name)}</text>""");
            left += 34 + series.Name.Length * 6.5;
        }
    }

    private static string Point(Chart chart, ChartSeries series, int i) =>
        $"{series.Name}, {series.Points[i].Label}: {series.Points[i].Words ?? chart.Format(series.Points[i].Value)}";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
