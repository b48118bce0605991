using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Allocation;
using Safeguard.Core.People.Access;

namespace Safeguard.Web.Pages.Caseloads.Worker;

/// <summary>One worker's caseload and the cases they hold; a child restricted from the reader is listed without their name.</summary>
public sealed class IndexModel(Core.Allocation.Caseloads caseloads, WorkerCases workerCases, NeedToKnow needToKnow, TimeProvider time) : PageModel
{
    public WorkerCaseload Worker { get; private set; } = default!;

    public TeamChoice? Team { get; private set; }

    public IReadOnlyList<WorkerCaseLine> Cases { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid userId)
    {
        var worker = (await caseloads.ForWorkersAsync([userId])).SingleOrDefault();
        if (worker is null) return NotFound();
        Worker = worker;
        Today = Core.Timescales.TimeLimits.UkDay(time.GetUtcNow());
        Team = worker.TeamId is { } teamId ? (await caseloads.TeamsAsync()).FirstOrDefault(t => t.Id == teamId) : null;
        Cases = await workerCases.ForWorkerAsync(userId);
        await needToKnow.RecordListedAsync("a worker's caseload", Cases.Where(c => !c.Restricted).Select(c => c.PersonId).ToList());
        return Page();
    }
}
