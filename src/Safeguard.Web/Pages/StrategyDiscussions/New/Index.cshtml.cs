using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Enquiries;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.StrategyDiscussions.New;

/// <summary>
/// Recording a strategy discussion about a child with an open case, from their record: anyone who may record one
/// (<c>enquiries.strategy</c>) and may see the child. A child restricted from them, or with no open case, answers 404.
/// </summary>
[KeepsDrafts]
public sealed class IndexModel(Core.Enquiries.StrategyDiscussions discussions, NeedToKnow needToKnow, TimeProvider time,
    Core.Chronology.HistoryAtDecision history) : PageModel, IActionsFormPage
{
    /// <summary>The child's history before the discussion is recorded.</summary>
    public Core.Chronology.DecisionHistory History { get; private set; } = default!;

    [BindProperty]
    public StrategyForm Form { get; set; } = new();

    IActionsForm IActionsFormPage.Form => Form;

    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];

    public string ChildName { get; private set; } = "";

    public Guid PersonId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid personId)
    {
        if (!await LoadAsync(personId)) return NotFound();
        await history.RecordShownAsync(History, "a strategy discussion");
        Form = StrategyForm.Start(time.GetUtcNow(), User.DisplayName(), User.UserIdOrEmpty());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId)
    {
        if (!await LoadAsync(personId)) return NotFound();
        ModelState.Clear();
        var input = Form.Read(personId, ModelState);
        var result = await discussions.RecordAsync(input, checkOnly: !ModelState.IsValid);
        if (result.Outcome == StrategyOutcome.NotFound) return NotFound();
        if (result.Outcome == StrategyOutcome.Invalid)
        {
            HeldForms.AddErrors(result.Errors, ModelState, "Form.", StrategyFields.HeldAt);
            Form.Pad(User.UserIdOrEmpty());
            return this.PageWithErrors();
        }
        TempData["Success"] = $"Strategy discussion about {ChildName} recorded";
        return Redirect($"/strategy-discussions/{result.Id}");
    }

    private async Task<bool> LoadAsync(Guid personId)
    {
        if (!await needToKnow.CheckAsync(personId, "recording a strategy discussion")) return false;
        if (await discussions.CaseOfAsync(personId) is not { } found) return false;
        (PersonId, ChildName) = (personId, found.ChildName);
        OwnerItems = (await discussions.OwnerChoicesAsync()).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
        History = await history.ForChildAsync(personId);
        return true;
    }
}
