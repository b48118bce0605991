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
public sealed class IndexModel(Allocations allocations, NeedToKnow needToKnow, TimeProvider time, Core.Chronology.HistoryAtDecision history)
    : DiscussionPageModel
{
    /// <summary>The child's history before the allocation is recorded.</summary>
    public Core.Chronology.DecisionHistory History { get; private set; } = default!;

    /// <summary>Who holds the case now, when it is allocated.</summary>
    public ChildWorker? Holder => View.Workers.FirstOrDefault(w => w.IsCurrent);

    protected override int LoadedVersion => View.ReferralVersion;

    public async Task<IActionResult> OnGetAsync(Guid referralId)
    {
        var page = await FreshAsync(referralId, time.GetUtcNow());
        if (page is PageResult && View.IsAwaitingAllocation) await history.RecordShownAsync(History, "an allocation");
        return page;
    }

    public Task<IActionResult> OnPostAddActionAsync(Guid referralId) => AddActionAsync(referralId);

    public async Task<IActionResult> OnPostAsync(Guid referralId)
    {
        if (!await LoadAsync(referralId)) return NotFound();
        ModelState.Clear();
        Form.PadRows();
        if (!View.IsAwaitingAllocation) return Conflicted();
        var (discussion, kind) = DiscussionFields.Parse(Form, ModelState, User.UserIdOrEmpty(), out var rows);
        if (discussion is null) return this.PageWithErrors();

        var result = await allocations.AllocateAsync(referralId, discussion, kind!.Value, Form.OverrideReason, Form.CapacityReason, Version);
        return await AnswerAsync(result, referralId, () => $"/allocation/referrals/{referralId}", rows);
    }

    protected override async Task<bool> LoadAsync(Guid referralId)
    {
        var view = await allocations.ViewForReferralAsync(referralId);
        if (view is null || !await needToKnow.CheckAsync(view.PersonId, "allocating the child's case")) return false;
        View = view;
        History = (await history.ForReferralAsync(referralId))!;
        return true;
    }
}
