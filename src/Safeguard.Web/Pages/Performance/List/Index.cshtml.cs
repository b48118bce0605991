using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Performance;
using Safeguard.Core.Timescales;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Performance.List;

/// <summary>
/// The children or work behind one figure of the dashboard, a page at a time: every item the figure counts, with the
/// dates the measure uses and whether it met the measure. A restricted child the reader may not see reads
/// "Restricted record" without a link; the children shown are recorded as listed to the reader.
/// </summary>
public sealed class IndexModel(PerformanceMeasures measures, PerformanceLists lists, Core.Allocation.Caseloads caseloads, TimeProvider time) : PageModel
{
    public Measure Measure { get; private set; } = default!;

    public PerformancePeriod Period { get; private set; } = default!;

    public PerformanceBucket Point { get; private set; } = default!;

    public Guid? TeamId { get; private set; }

    public string? TeamName { get; private set; }

    public MeasureList List { get; private set; } = default!;

    public PaginationModel Pagination => new(List.Page, Math.Max(1, (List.Total + List.PageSize - 1) / List.PageSize),
        p => PerformanceCharts.ListLink(Measure, Period, TeamId, Point.Index) + $"&pageNumber={p}");

    public async Task<IActionResult> OnGetAsync(string measure, string? from, string? to, string? team, int? point, int pageNumber = 1,
        CancellationToken ct = default)
    {
        if (measures.Find(measure) is not { } found) return NotFound();
        Measure = found;
        var today = TimeLimits.UkDay(time.GetUtcNow());
        if (!TryDay(from, out var f) || !TryDay(to, out var t) || PerformancePeriodRule.Check(f, t, today).Count > 0) return BadRequest();
        Period = new PerformancePeriod(f, t);
        var buckets = Period.Buckets();
        if (point is not { } index || index < 0 || index >= buckets.Count) return BadRequest();
        Point = buckets[index];
        if (!string.IsNullOrWhiteSpace(team))
        {
            var chosen = (await caseloads.TeamsAsync(ct)).FirstOrDefault(x => Guid.TryParse(team, out var id) && x.Id == id);
            if (chosen is null) return BadRequest();
            (TeamId, TeamName) = (chosen.Id, chosen.Name);
        }
        List = await lists.ListAsync(Measure, Period, Point, TeamId, pageNumber, ct);
        return Page();
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public string When(DateTimeOffset? at) => at is not { } value ? "–"
        : Measure.DatesHaveTimes ? Infrastructure.DueTime.Local(value) : PerformanceCharts.Day(TimeLimits.UkDay(value));
}
