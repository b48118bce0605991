using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Arrangements;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Shared;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Arrangements.View;

/// <summary>
/// A stay with a connected person: its checks (each recorded here when done) and agreeing it, by the worker once every
/// check is done or by a manager, with a reason, while some are missing. Restricted: 404; a stale agreement: 409.
/// </summary>
public sealed class IndexModel(CarerArrangements arrangements, NeedToKnow needToKnow) : PageModel
{
    public ArrangementView Arrangement { get; private set; } = default!;

    public bool IsManager => User.Can(Permissions.AgreeArrangementsWithChecksMissing);

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public GovUkDate CompletedOn { get; set; } = new();

    [BindProperty]
    public string? Findings { get; set; }

    [BindProperty]
    public string? MissingChecksReason { get; set; }

    public bool ChangedElsewhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await needToKnow.RecordViewedAsync(Arrangement.PersonId, Arrangement.ChildName);
        Version = Arrangement.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (HeldForms.ReadEnum<CarerCheckKind>(Kind, ModelState, "", "Choose a check") is not { } kind) return this.PageWithErrors();
        DateOnly? on = CompletedOn.TryGetDate(out var day) ? day : null;
        var result = await arrangements.RecordCheckAsync(id, kind, on, Findings);
        return await AnswerAsync(id, result, $"{kind.Words()} recorded");
    }

    public async Task<IActionResult> OnPostAgreeAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await arrangements.AgreeAsync(id, Version, IsManager, MissingChecksReason);
        return await AnswerAsync(id, result, $"Stay with {Arrangement.CarerName} agreed");
    }

    private async Task<IActionResult> AnswerAsync(Guid id, ArrangementResult result, string success)
    {
        switch (result.Outcome)
        {
            case ArrangementOutcome.Done:
                TempData["Success"] = success;
                return Redirect($"/arrangements/{id}");
            case ArrangementOutcome.Invalid:
                foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
                return this.PageWithErrors();
            case ArrangementOutcome.ChangedElsewhere:
                await LoadAsync(id);
                Version = Arrangement.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var found = await arrangements.FindAsync(id);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the connected person checks page")) return false;
        Arrangement = found;
        return true;
    }
}
