using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Allocation;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Allocation.Shared;

namespace Safeguard.Web.Pages.Allocation.Allocate;

/// <summary>
/// Allocate a referral: the candidate workers with their caseloads, the child's history, and the discussion that the
/// allocation is made in (docs/allocation.md). One referral, one worker, one recorded discussion.
/// </summary>
public sealed class IndexModel(Allocations allocations, NeedToKnow needToKnow, TimeProvider time) : PageModel, IDiscussionPage
{
    public AllocationView View { get; private set; } = default!;

    [BindProperty]
    public DiscussionForm Form { get; set; } = new();

    /// <summary>The referral's version the form was made from: someone else allocating it meanwhile moves it on.</summary>
    [BindProperty]
    public int Version { get; set; }

    public bool CanOverride => User.Can(Permissions.OverrideCompetence);

    /// <summary>Set when someone else allocated or changed the referral first: what it is now.</summary>
    public bool ChangedElsewhere { get; private set; }

    /// <summary>Who holds the case now, when it is allocated.</summary>
    public ChildWorker? Holder => View.Workers.FirstOrDefault(w => w.IsCurrent);

    public async Task<IActionResult> OnGetAsync(Guid referralId)
    {
        if (!await LoadAsync(referralId)) return NotFound();
        Version = View.ReferralVersion;
        Form = DiscussionForm.Fresh(time.GetUtcNow(), View.KindNow);
        return Page();
    }

    /// <summary>One more row for an agreed action, keeping everything typed (the form works without JavaScript).</summary>
    public async Task<IActionResult> OnPostAddActionAsync(Guid referralId)
    {
        if (!await LoadAsync(referralId)) return NotFound();
        ModelState.Clear();
        Form.PadRows(extra: 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid referralId)
    {
        if (!await LoadAsync(referralId)) return NotFound();
        ModelState.Clear();
        Form.PadRows();
        if (!View.IsAwaitingAllocation) return Conflicted();
        var (discussion, kind) = DiscussionFields.Parse(Form, ModelState, User.UserIdOrEmpty(), out var rows);
        if (discussion is null) return this.PageWithErrors();

        var result = await allocations.AllocateAsync(referralId, discussion, kind!.Value, Form.OverrideReason, Form.CapacityReason, Version);
        switch (result.Outcome)
        {
            case AllocationOutcome.Done:
                return Redirect($"/allocation/referrals/{referralId}");
            case AllocationOutcome.NotFound:
                return NotFound();
            case AllocationOutcome.ChangedElsewhere:
                await LoadAsync(referralId);
                return Conflicted();
            default:
                DiscussionFields.AddErrors(ModelState, result.Errors, rows);
                return this.PageWithErrors();
        }
    }

    /// <summary>Someone else allocated or changed it first: the page as it is now, with what was typed, and the new version.</summary>
    private PageResult Conflicted()
    {
        ChangedElsewhere = true;
        Version = View.ReferralVersion;
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    private async Task<bool> LoadAsync(Guid referralId)
    {
        var view = await allocations.ViewForReferralAsync(referralId);
        if (view is null || !await needToKnow.CheckAsync(view.PersonId, "allocating the child's case")) return false;
        View = view;
        return true;
    }
}
