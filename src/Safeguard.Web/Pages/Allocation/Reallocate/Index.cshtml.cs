using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Allocation;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Allocation.Shared;

namespace Safeguard.Web.Pages.Allocation.Reallocate;

/// <summary>
/// Move a case to another worker (sickness, leaving, a conflict): the same discussion and rules as allocating, with a
/// reason. The old worker's open work about the child moves with it.
/// </summary>
public sealed class IndexModel(Allocations allocations, NeedToKnow needToKnow, TimeProvider time) : DiscussionPageModel
{
    public CaseSummary Current { get; private set; } = default!;

    public static readonly IReadOnlyList<SelectListItem> Reasons =
        Enum.GetValues<ReallocationReasonKind>().Select(r => new SelectListItem(r.Words(), r.ToString())).ToList();

    protected override int LoadedVersion => Current.Version;

    public Task<IActionResult> OnGetAsync(Guid id) => FreshAsync(id, time.GetUtcNow());

    public Task<IActionResult> OnPostAddActionAsync(Guid id) => AddActionAsync(id);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        Form.PadRows();
        if (Current.EndedAt is not null) return Conflicted();
        var (discussion, kind) = DiscussionFields.Parse(Form, ModelState, User.UserIdOrEmpty(), out var rows);
        ReallocationReasonKind? reason = Enum.TryParse<ReallocationReasonKind>(Form.ReallocationReason, out var r) && Enum.IsDefined(r) ? r : null;
        if (reason is null) ModelState.AddModelError("Form.ReallocationReason", "Select why the case is moving to another worker");
        if (discussion is null || reason is null) return this.PageWithErrors();

        var result = await allocations.ReallocateAsync(id, reason, Form.ReallocationDetail, discussion, kind!.Value, Form.OverrideReason,
            Form.CapacityReason, Version);
        return await AnswerAsync(result, id, () => $"/allocation/referrals/{View.ReferralId}", rows);
    }

    protected override async Task<bool> LoadAsync(Guid id)
    {
        var found = await allocations.ReallocationViewAsync(id);
        if (found is not { } f || !await needToKnow.CheckAsync(f.Summary.PersonId, "reallocating the child's case")) return false;
        (Current, View) = (f.Summary, f.View with { Candidates = f.View.Candidates.Where(c => c.WorkerId != f.Summary.WorkerId).ToList() });
        return true;
    }
}
