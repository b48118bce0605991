using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Returns.AnnexA;

namespace Safeguard.Web.Pages.Returns.AnnexA;

/// <summary>
/// One Annex A export: how far it has got, then its download. Only its requester sees it (anyone else: not found).
/// Without JavaScript, "Check progress" reloads the page; with it, annex-a-progress.js asks <c>?handler=Progress</c>
/// every few seconds and shows the download when it is ready.
/// </summary>
public sealed class ExportModel(AnnexAJobs jobs) : PageModel
{
    public AnnexAJobView Job { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await jobs.FindAsync(id, HttpContext.RequestAborted) is not { } job) return NotFound();
        Job = job;
        return Page();
    }

    public async Task<IActionResult> OnGetProgressAsync(Guid id)
    {
        if (await jobs.FindAsync(id, HttpContext.RequestAborted) is not { } job) return NotFound();
        return new JsonResult(new { progress = job.Progress, finished = job.IsFinished });
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id)
    {
        if (await jobs.DownloadAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        var (job, workbook) = found;
        return File(workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"annex-a-{job.From:yyyy-MM-dd}-to-{job.To:yyyy-MM-dd}.xlsx");
    }
}
