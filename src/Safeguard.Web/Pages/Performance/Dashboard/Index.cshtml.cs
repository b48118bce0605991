using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Escalations;
using Safeguard.Core.Performance;
using Safeguard.Core.Performance.Daily;
using Safeguard.Core.Timescales;
using Safeguard.Web.Charts;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Performance.Dashboard;

/// <summary>
/// The leaders' dashboard: every measure for a period (by default the last 12 months) for the whole service or one
/// team, each a chart beside a table of the same figures, each figure linking to the children or work behind it.
/// </summary>
public sealed class IndexModel(DailyFigures figures, EscalationCounts escalations, Core.Allocation.Caseloads caseloads, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true), Display(Name = "From", Description = "For example, 1 4 2026")]
    public GovUkDate From { get; set; } = new();

    [BindProperty(SupportsGet = true), Display(Name = "To")]
    public GovUkDate To { get; set; } = new();

    /// <summary>A team's id as typed in the address (kept as text so a bad one is shown back, not lost).</summary>
    [BindProperty(SupportsGet = true), Display(Name = "Team")]
    public string? Team { get; set; }

    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];

    public PerformancePeriod? Period { get; private set; }

    public string? TeamName { get; private set; }

    public IReadOnlyList<(Measure Measure, Chart Chart)> Charts { get; private set; } = [];

    /// <summary>When the figures shown were computed (the daily table's, or now).</summary>
    public DashboardFigures? Figures { get; private set; }

    /// <summary>Escalations in the period, by age and outcome: whole service, whatever team is chosen.</summary>
    public EscalationCountsResult? Escalations { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var teams = await caseloads.TeamsAsync(ct);
        TeamItems = [new SelectListItem("Whole service", ""), .. teams.Select(t => new SelectListItem(t.Retired ? $"{t.Name} (retired)" : t.Name, t.Id.ToString()))];
        var today = TimeLimits.UkDay(time.GetUtcNow());
        var fallback = PerformancePeriod.Default(today);
        var from = TypedFields.PeriodEnd(ModelState, From, nameof(From), fallback.From);
        var to = TypedFields.PeriodEnd(ModelState, To, nameof(To), fallback.To);
        if (from is { } f && to is { } t)
        {
            foreach (var (field, message) in PerformancePeriodRule.Check(f, t, today)) ModelState.AddModelError($"{field}.Day", message);
        }
        Guid? teamId = null;
        if (!string.IsNullOrWhiteSpace(Team))
        {
            var chosen = teams.FirstOrDefault(x => Guid.TryParse(Team.Trim(), out var id) && x.Id == id);
            if (chosen is null) ModelState.AddModelError(nameof(Team), "Select a team from the list");
            else (teamId, TeamName) = (chosen.Id, chosen.Name);
        }
        if (!ModelState.IsValid) return this.PageWithErrors();

        Period = new PerformancePeriod(from!.Value, to!.Value);
        if (From.IsEmpty) From = GovUkDate.From(Period.From);
        if (To.IsEmpty) To = GovUkDate.From(Period.To);
        Figures = await figures.SeriesAsync(Period, teamId, ct);
        Charts = Figures.Series.Select(s => (s.Measure, PerformanceCharts.ChartOf(s, Period, teamId))).ToList();
        Escalations = await escalations.ForPeriodAsync(Period.From, Period.To, ct);
        return Page();
    }
}
