using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Allocation;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Allocation.Accept;

/// <summary>
/// The allocated worker reads the case summary (the child, the referral, the risks and the agreed actions) and confirms
/// it: the case is accepted. Anyone else is answered as if there were no such case.
/// </summary>
public sealed class IndexModel(Allocations allocations, NeedToKnow needToKnow) : PageModel
{
    public CaseSummary Summary { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    /// <summary>Just accepted (the confirmation after the post).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Accepted { get; set; }

    public bool ChangedElsewhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await needToKnow.RecordViewedAsync(Summary.PersonId, Summary.ChildName);
        Version = Summary.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        switch (await allocations.AcceptAsync(id, Version))
        {
            case AllocationOutcome.Done:
                return Redirect($"/allocation/cases/{id}/accept?accepted=true");
            case AllocationOutcome.ChangedElsewhere:
                await LoadAsync(id);
                Version = Summary.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var summary = await allocations.SummaryAsync(id);
        if (summary is null || summary.WorkerId != User.UserId()) return false;
        if (!await needToKnow.CheckAsync(summary.PersonId, "accepting the child's case")) return false;
        Summary = summary;
        return true;
    }
}
