using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Closure;
using Safeguard.Core.People.Access;
using Safeguard.Core.Timescales;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Closure.Close;

/// <summary>
/// Closing a child's case with a CIN reason for closure: for managers (<c>cases.close</c>) who may see the child
/// (restricted: 404). What stops it closing is said before anything is saved; a case closed or changed by someone else
/// meanwhile is not overwritten (409).
/// </summary>
public sealed class IndexModel(CaseClosures closures, NeedToKnow needToKnow, TimeProvider time) : PageModel
{
    public ClosureContext Case { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [Display(Name = "Reason for closure")]
    public string? Reason { get; set; }

    [BindProperty]
    [Display(Name = "Date the case closed", Description = "For example, 27 3 2027")]
    public GovUkDate ClosedOn { get; set; } = new();

    [BindProperty]
    [Display(Name = "Summary", Description = "Why the case is closing, and what support continues, if any.")]
    public string? Summary { get; set; }

    public bool ChangedElsewhere { get; private set; }

    public static IReadOnlyList<SelectListItem> ReasonItems { get; } =
        ClosureReasons.All.Select(r => new SelectListItem($"{r.Code} {r.Words}", r.Code)).ToList();

    public async Task<IActionResult> OnGetAsync(Guid referralId)
    {
        if (!await LoadAsync(referralId)) return NotFound();
        await needToKnow.RecordViewedAsync(Case.PersonId, Case.ChildName);
        Version = Case.Version;
        ClosedOn = GovUkDate.From(TimeLimits.UkDay(time.GetUtcNow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid referralId)
    {
        if (!await LoadAsync(referralId)) return NotFound();
        ModelState.Clear();
        DateOnly? closedOn = null;
        if (ClosedOn.TryGetDate(out var day)) closedOn = day;
        else if (!ClosedOn.IsEmpty) ModelState.AddModelError(nameof(ClosedOn), "The date the case closed must be a real date");
        var result = await closures.CloseAsync(referralId, Version, Reason, closedOn, Summary);
        switch (result.Outcome)
        {
            case ClosureOutcome.Closed:
                TempData["Success"] = $"{Case.ChildName}'s case closed";
                return Redirect($"/children/{Case.PersonId}");
            case ClosureOutcome.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    if (ModelState[field]?.Errors.Count is not > 0) ModelState.AddModelError(field, message);
                }
                return this.PageWithErrors();
            case ClosureOutcome.ChangedElsewhere:
                await LoadAsync(referralId);
                Version = Case.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid referralId)
    {
        var found = await closures.ContextAsync(referralId);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the case closure page")) return false;
        Case = found;
        return true;
    }
}
