using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Arrangements;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Arrangements.New;

/// <summary>
/// Proposing that a child stays with a relative or family friend under a safety plan, from their record: the checks on
/// the carer go on the worker's tray. For <c>arrangements.record</c> who may see the child; no open case or restricted: 404.
/// </summary>
public sealed class IndexModel(CarerArrangements arrangements, Core.CaseNotes.CaseNotes notes, NeedToKnow needToKnow) : PageModel
{
    public string ChildName { get; private set; } = "";

    public Guid PersonId { get; private set; }

    [BindProperty]
    [Display(Name = "Carer's name")]
    public string? CarerName { get; set; }

    [BindProperty]
    [Display(Name = "How are they connected to the child?", Description = "For example, maternal grandmother or family friend.")]
    public string? Relationship { get; set; }

    [BindProperty]
    [Display(Name = "Where would the child stay?")]
    public string? Address { get; set; }

    [BindProperty]
    [Display(Name = "From", Description = "For example, 27 3 2027")]
    public GovUkDate From { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid personId)
    {
        if (!await LoadAsync(personId)) return NotFound();
        await needToKnow.RecordViewedAsync(personId, ChildName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId)
    {
        if (!await LoadAsync(personId)) return NotFound();
        ModelState.Clear();
        DateOnly? from = null;
        if (From.TryGetDate(out var day)) from = day;
        else if (!From.IsEmpty) ModelState.AddModelError(nameof(From), "The date the child would stay from must be a real date");
        var result = await arrangements.ProposeAsync(personId, new ArrangementInput(CarerName, Relationship, Address, from));
        if (result.Outcome == ArrangementOutcome.NotFound) return NotFound();
        if (result.Outcome == ArrangementOutcome.Invalid || !ModelState.IsValid)
        {
            foreach (var (field, message) in result.Errors)
            {
                if (ModelState[field]?.Errors.Count is not > 0) ModelState.AddModelError(field, message);
            }
            return this.PageWithErrors();
        }
        TempData["Success"] = $"Stay with {CarerName!.Trim()} proposed: the checks are on the tray";
        return Redirect($"/arrangements/{result.Id}");
    }

    private async Task<bool> LoadAsync(Guid personId)
    {
        if (!await needToKnow.CheckAsync(personId, "proposing a stay with a connected person")) return false;
        if (!await arrangements.HasOpenCaseAsync(personId) || await notes.ChildNameAsync(personId) is not { } name) return false;
        (PersonId, ChildName) = (personId, name);
        return true;
    }
}
