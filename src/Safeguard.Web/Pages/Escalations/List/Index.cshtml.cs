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

    public async Task<IActionResult> OnGetAsync()
    {
        var lines = await escalations.ToAnswerAsync();
        if (lines is null) return NotFound();
        var now = time.GetUtcNow();
        Table = new(lines, now, "Escalations raised with you", "escalations", ShowRaisedBy: true,
            e => $"{Plural.Count(escalations.AgeInWorkingDays(e.RaisedAt, now), "working day")} old");
        var today = TimeLimits.UkDay(now);
        Counts = await counts.ForPeriodAsync(today.AddYears(-1).AddDays(1), today);
        return Page();
    }
}
