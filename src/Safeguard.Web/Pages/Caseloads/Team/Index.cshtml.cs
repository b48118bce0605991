using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Allocation;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Caseloads.Team;

/// <summary>
/// A team's caseloads, worker by worker. Without a team in the address it shows the signed-in manager's own team, or
/// for someone with no team (a service manager) the list of teams to choose from.
/// </summary>
public sealed class IndexModel(Core.Allocation.Caseloads caseloads, TimeProvider time) : PageModel
{
    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    /// <summary>The team shown; null when the person has no team and chose none.</summary>
    public TeamChoice? Team { get; private set; }

    public IReadOnlyList<WorkerCaseload> Workers { get; private set; } = [];

    public CaseloadSummary? Totals { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? teamId)
    {
        Today = Core.Timescales.TimeLimits.UkDay(time.GetUtcNow());
        Teams = await caseloads.TeamsAsync();
        var id = teamId ?? (Guid.TryParse(User.FindFirst(SafeguardClaims.TeamId)?.Value, out var own) ? own : null);
        if (id is null) return Page();
        Team = Teams.FirstOrDefault(t => t.Id == id);
        if (Team is null) return NotFound();
        Workers = await caseloads.ForTeamAsync(Team.Id);
        Totals = CaseloadSummary.Of(Team.Id, Team.Name, Workers);
        return Page();
    }
}
