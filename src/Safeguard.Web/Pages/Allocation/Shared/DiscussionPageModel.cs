using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Allocation;
using Safeguard.Core.Security;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Allocation.Shared;

/// <summary>
/// What the allocate and reallocate pages share: the discussion form, the version it was made from, one more action row
/// without JavaScript, and what to do with the service's answer (done, not found, changed elsewhere, refused).
/// </summary>
public abstract class DiscussionPageModel : PageModel, IDiscussionPage
{
    public AllocationView View { get; protected set; } = default!;

    [BindProperty]
    public DiscussionForm Form { get; set; } = new();

    /// <summary>The version of the referral or allocation the form was made from: someone else's change moves it on.</summary>
    [BindProperty]
    public int Version { get; set; }

    public bool CanOverride => User.Can(Permissions.OverrideCompetence);

    /// <summary>Set when someone else allocated or changed it first: the page shows what it is now, with what was typed.</summary>
    public bool ChangedElsewhere { get; private set; }

    /// <summary>Loads what the page shows about <paramref name="id"/>; false when it is not there or the user may not see the child.</summary>
    protected abstract Task<bool> LoadAsync(Guid id);

    /// <summary>The version of what is shown, as loaded.</summary>
    protected abstract int LoadedVersion { get; }

    protected async Task<IActionResult> FreshAsync(Guid id, DateTimeOffset now)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = LoadedVersion;
        Form = DiscussionForm.Fresh(now, View.KindNow);
        return Page();
    }

    /// <summary>One more row for an agreed action, keeping everything typed (the form works without JavaScript).</summary>
    protected async Task<IActionResult> AddActionAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        Form.PadRows(extra: 1);
        return Page();
    }

    protected async Task<IActionResult> AnswerAsync(AllocationResult result, Guid id, Func<string> done, IReadOnlyList<int> rows)
    {
        switch (result.Outcome)
        {
            case AllocationOutcome.Done:
                return Redirect(done());
            case AllocationOutcome.NotFound:
                return NotFound();
            case AllocationOutcome.ChangedElsewhere:
                await LoadAsync(id);
                return Conflicted();
            default:
                DiscussionFields.AddErrors(ModelState, result.Errors, rows);
                return this.PageWithErrors();
        }
    }

    protected PageResult Conflicted()
    {
        ChangedElsewhere = true;
        Version = LoadedVersion;
        return this.PageChangedElsewhere();
    }
}
