using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Supervision;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Shared;
using Safeguard.Web.Pages.Supervision.Shared;

namespace Safeguard.Web.Pages.Supervision.RecordPersonal;

/// <summary>
/// Personal (one to one) supervision of a worker, recorded by their supervisor (their line manager or a manager of
/// their team; anyone else 403): when it was held, wellbeing, caseload, training and the actions agreed.
/// </summary>
[KeepsDrafts]
public sealed class IndexModel(SupervisionRecords supervision, TimeProvider time) : PageModel, IActionsFormPage
{
    [BindProperty]
    public SupervisionForm Form { get; set; } = new();

    IActionsForm IActionsFormPage.Form => Form;

    public SupervisedWorker Worker { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid userId)
    {
        if (await LoadAsync(userId) is { } refused) return refused;
        SupervisionFormRules.Defaults(Form, time.GetUtcNow(), Worker.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid userId)
    {
        if (await LoadAsync(userId) is { } refused) return refused;
        ModelState.Clear();
        var (heldAt, actions) = SupervisionFormRules.Read(Form, ModelState);
        var result = await supervision.RecordPersonalAsync(
            new PersonalSupervisionInput(Worker.Id, heldAt, Form.Wellbeing, Form.Caseload, Form.Training, actions));
        switch (result.Outcome)
        {
            case SupervisionOutcome.NotFound: return NotFound();
            case SupervisionOutcome.NotSupervisor: return Forbid();
            case SupervisionOutcome.Invalid:
                SupervisionFormRules.AddErrors(result, ModelState);
                SupervisionFormRules.PadRows(Form, Worker.Id);
                return this.PageWithErrors();
        }
        TempData["Success"] = $"Personal supervision of {Worker.Name} recorded";
        return Redirect($"/supervision/workers/{Worker.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid userId)
    {
        var found = await supervision.WorkerAsync(userId);
        if (found is null) return NotFound();
        if (!await supervision.MaySuperviseAsync(User.UserIdOrEmpty(), found.Id)) return Forbid();
        Worker = found;
        OwnerItems = SupervisionFormRules.Owners(await supervision.OwnerChoicesAsync(found.Id, User.UserIdOrEmpty()));
        return null;
    }
}
