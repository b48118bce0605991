using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.People.Access;
using Safeguard.Core.Timescales;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.ChildInNeedPlans.Review;

/// <summary>
/// Recording a review of an open child in need plan: it continues (the next review goes on the clock) or ends with a
/// reason. For those who may review child in need plans and may see the child (restricted: 404); a plan reviewed or
/// ended by someone else meanwhile is not overwritten, and what was typed is kept.
/// </summary>
public sealed class IndexModel(Core.ChildInNeed.ChildInNeedPlans plans, ChildInNeedPlanViews views, NeedToKnow needToKnow, TimeProvider time) : PageModel
{
    public ChildInNeedPlanView Plan { get; private set; } = default!;

    [BindProperty]
    [Display(Name = "Date of the review", Description = "For example, 27 3 2027")]
    public GovUkDate HeldOn { get; set; } = new();

    [BindProperty]
    [Display(Name = "Who took part", Description = "Names and roles, and the family members present.")]
    public string? Participants { get; set; }

    [BindProperty]
    [Display(Name = "Progress against the plan", Description = "What has changed for the child since the plan began or was last reviewed.")]
    public string? Progress { get; set; }

    /// <summary>"yes" or "no".</summary>
    [BindProperty]
    [Display(Name = "Does the child in need plan continue?")]
    public string? PlanContinues { get; set; }

    [BindProperty]
    [Display(Name = "Why does the plan end?", Description = "Only if the plan ends")]
    public string? EndReason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public bool ChangedElsewhere { get; private set; }

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "yes"), new("No", "no")];

    public async Task<IActionResult> OnGetAsync(Guid planId)
    {
        if (!await LoadAsync(planId)) return NotFound();
        if (!Plan.IsOpen) return Redirect($"/child-in-need-plans/{planId}");
        await needToKnow.RecordViewedAsync(Plan.PersonId, Plan.ChildName);
        HeldOn = GovUkDate.From(TimeLimits.UkDay(time.GetUtcNow()));
        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId)
    {
        if (!await LoadAsync(planId)) return NotFound();
        ModelState.Clear();
        DateOnly? heldOn = null;
        if (HeldOn.TryGetDate(out var day)) heldOn = day;
        else if (!HeldOn.IsEmpty) ModelState.AddModelError(nameof(HeldOn), "The date of the review must be a real date");
        bool? continues = PlanContinues switch { "yes" => true, "no" => false, _ => null };
        var input = new ChildInNeedReviewInput(heldOn, Participants, Progress, continues, continues == false ? EndReason : null);
        var result = await plans.ReviewAsync(planId, Version, input);
        switch (result.Outcome)
        {
            case ChildInNeedReviewOutcome.Recorded when ModelState.IsValid:
                TempData["Success"] = $"Review of {Plan.ChildName}'s child in need plan recorded";
                return Redirect($"/child-in-need-plans/{planId}");
            case ChildInNeedReviewOutcome.Recorded:
            case ChildInNeedReviewOutcome.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    if (ModelState[field]?.Errors.Count is not > 0) ModelState.AddModelError(field, message);
                }
                return this.PageWithErrors();
            case ChildInNeedReviewOutcome.ChangedElsewhere:
                await LoadAsync(planId);
                Version = Plan.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid planId)
    {
        var found = await views.FindAsync(planId);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the child in need plan review page")) return false;
        Plan = found;
        return true;
    }
}
