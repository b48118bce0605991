using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.People.Access;
using Safeguard.Core.Supervision;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Shared;
using Safeguard.Web.Pages.Supervision.Shared;

namespace Safeguard.Web.Pages.Supervision.RecordCase;

/// <summary>
/// Case supervision of one allocated case, recorded by the worker's supervisor (their line manager or a manager of
/// their team; anyone else 403): when it was held, reflection, analysis of risk, decisions and the actions agreed. A
/// child the supervisor may not see answers 404. A case since reallocated leads to the new worker's case.
/// </summary>
[KeepsDrafts]
public sealed class IndexModel(SupervisionRecords supervision, NeedToKnow needToKnow, TimeProvider time) : PageModel, IActionsFormPage
{
    [BindProperty]
    public SupervisionForm Form { get; set; } = new();

    IActionsForm IActionsFormPage.Form => Form;

    public SupervisedCase Case { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid allocationId)
    {
        if (await LoadAsync(allocationId) is { } refused) return refused;
        SupervisionFormRules.Defaults(Form, time.GetUtcNow(), Case.WorkerId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid allocationId)
    {
        if (await LoadAsync(allocationId) is { } refused) return refused;
        ModelState.Clear();
        var (heldAt, actions) = SupervisionFormRules.Read(Form, ModelState);
        var result = await supervision.RecordCaseAsync(
            new CaseSupervisionInput(Case.AllocationId, heldAt, Form.Reflection, Form.RiskAnalysis, Form.Decisions, actions));
        switch (result.Outcome)
        {
            case SupervisionOutcome.NotFound: return NotFound();
            case SupervisionOutcome.NotSupervisor: return Forbid();
            case SupervisionOutcome.Invalid:
                SupervisionFormRules.AddErrors(result, ModelState);
                SupervisionFormRules.PadRows(Form, Case.WorkerId);
                return this.PageWithErrors();
        }
        TempData["Success"] = $"Case supervision of {Case.WorkerName} about {Case.ChildName} recorded";
        return Redirect($"/supervision/workers/{Case.WorkerId}");
    }

    private async Task<IActionResult?> LoadAsync(Guid allocationId)
    {
        var found = await supervision.CaseAsync(allocationId);
        if (found is null)
        {
            return await supervision.SuccessorAsync(allocationId) is { } next ? Redirect($"/supervision/cases/{next}/new") : NotFound();
        }
        if (!await needToKnow.CheckAsync(found.PersonId, "the case supervision page")) return NotFound();
        if (!await supervision.MaySuperviseAsync(User.UserIdOrEmpty(), found.WorkerId)) return Forbid();
        Case = found;
        OwnerItems = SupervisionFormRules.Owners(await supervision.OwnerChoicesAsync(found.WorkerId, User.UserIdOrEmpty()));
        return null;
    }
}
