using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Escalations;
using Safeguard.Core.Text;
using Safeguard.Core.Timescales;
using Safeguard.Web.Pages.Escalations.Shared;

namespace Safeguard.Web.Pages.Escalations.List;

/// <summary>
/// The escalations the director (every one) or a delegate (those raised with them) answers: open first, soonest due,
/// with their age in working days; then the answered. Above them, the counts for the last 12 months by age and outcome.
/// Anyone else is answered as if the page did not exist.
/// </summary>
public sealed class IndexModel(EscalationRecords escalations, EscalationCounts counts, TimeProvider time) : PageModel
{
    public EscalationTable Table { get; private set; } = default!;
    public EscalationCountsResult Counts { get; private set; } = default!;

    /// <summary>What the list is narrowed to, from a dashboard figure ("Still open, 6 to 10 working days, raised ..."), or null.</summary>
    public string? Filter { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? from, string? to, int? band, EscalationOutcome? outcome)
    {
        var lines = await escalations.ToAnswerAsync();
        if (lines is null) return NotFound();
        var now = time.GetUtcNow();
        if (band is not null || outcome is not null || from is not null || to is not null)
        {
            if (!TryDay(from, out var first) || !TryDay(to, out var last) || last < first || (band is null) == (outcome is null)
                || band is < 0 || band >= EscalationCounts.Bands.Count)
            {
                return BadRequest();
            }
            bool Within(DateTimeOffset at) => TimeLimits.UkDay(at) >= first && TimeLimits.UkDay(at) <= last;
            var period = $"{first:d MMMM yyyy} to {last:d MMMM yyyy}";
            if (band is { } b)
            {
                var (label, min, max) = EscalationCounts.Bands[b];
                lines = lines.Where(e => e.IsOpen && Within(e.RaisedAt)
                    && escalations.AgeInWorkingDays(e.RaisedAt, now) is var age && age >= min && (max is null || age <= max)).ToList();
                Filter = $"raised {period}, still open, {label.ToLowerInvariant()} old";
            }
            else
            {
                lines = lines.Where(e => e.Outcome == outcome && e.RespondedAt is { } answered && Within(answered)).ToList();
                Filter = $"answered {period}: {outcome!.Value.Words().ToLowerInvariant()}";
            }
        }
        Table = new(lines, now, "Escalations raised with you", "escalations", ShowRaisedBy: true,
            e => $"{Plural.Count(escalations.AgeInWorkingDays(e.RaisedAt, now), "working day")} old");
        var today = TimeLimits.UkDay(now);
        Counts = await counts.ForPeriodAsync(today.AddYears(-1).AddDays(1), today);
        return Page();
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day);
}
