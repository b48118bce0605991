using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Security;
using Safeguard.Core.Supervision;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Supervision.History;

/// <summary>
/// A worker's supervision: the sessions held (newest first) and what is due next. Seen by the worker themselves, and by
/// managers (who may record supervision); anyone else 403. A restricted child the reader may not see is not named.
/// </summary>
public sealed class IndexModel(SupervisionRecords supervision, SupervisionHistory history, TimeProvider time) : PageModel
{
    public SupervisedWorker Worker { get; private set; } = default!;

    public WorkerSupervision Supervision { get; private set; } = default!;

    public DateTimeOffset Now { get; private set; }

    /// <summary>The reader is the worker's supervisor: the page offers to record supervision.</summary>
    public bool MaySupervise { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid userId)
    {
        var reader = User.UserIdOrEmpty();
        if (reader != userId && !User.Can(Permissions.RecordSupervision)) return Forbid();
        var found = await supervision.WorkerAsync(userId);
        if (found is null) return NotFound();
        Worker = found;
        Supervision = await history.ForWorkerAsync(userId);
        MaySupervise = await supervision.MaySuperviseAsync(reader, userId);
        Now = time.GetUtcNow();
        return Page();
    }
}
