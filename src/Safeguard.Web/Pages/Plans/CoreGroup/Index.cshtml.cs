using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Conferences;
using Safeguard.Core.People.Access;
using Safeguard.Core.Timescales;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Plans.CoreGroup;

/// <summary>
/// Recording a core group meeting of an open child protection plan (the first closes its 10-working-day work item): by
/// those who may record core groups and may see the child (restricted: 404).
/// </summary>
public sealed class IndexModel(ChildProtectionConferences conferences, ChildProtectionPlans plans, NeedToKnow needToKnow, TimeProvider time) : PageModel
{
    public PlanView Plan { get; private set; } = default!;

    [BindProperty]
    [Display(Name = "Date of the meeting", Description = "For example, 27 3 2027")]
    public GovUkDate HeldOn { get; set; } = new();

    [BindProperty]
    [Display(Name = "Who took part", Description = "Names, roles and agencies, and the family members present.")]
    public string? Attendees { get; set; }

    [BindProperty]
    [Display(Name = "What the core group agreed")]
    public string? Notes { get; set; }

    public bool ChangedElsewhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId)
    {
        if (!await LoadAsync(planId)) return NotFound();
        if (!Plan.IsOpen) return Redirect($"/plans/{planId}");
        await needToKnow.RecordViewedAsync(Plan.PersonId, Plan.ChildName);
        HeldOn = GovUkDate.From(TimeLimits.UkDay(time.GetUtcNow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId)
    {
        if (!await LoadAsync(planId)) return NotFound();
        ModelState.Clear();
        DateOnly? heldOn = null;
        if (HeldOn.TryGetDate(out var day)) heldOn = day;
        else if (!HeldOn.IsEmpty) ModelState.AddModelError(nameof(HeldOn), "The date of the meeting must be a real date");
        var result = await conferences.RecordCoreGroupAsync(planId, new CoreGroupInput(heldOn, Attendees, Notes));
        switch (result.Outcome)
        {
            case ConferenceOutcome.Recorded when ModelState.IsValid:
                TempData["Success"] = $"Core group meeting for {Plan.ChildName} recorded";
                return Redirect($"/plans/{planId}");
            case ConferenceOutcome.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    if (ModelState[field]?.Errors.Count is not > 0) ModelState.AddModelError(field, message);
                }
                return this.PageWithErrors();
            case ConferenceOutcome.ChangedElsewhere:
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid planId)
    {
        var found = await plans.FindAsync(planId);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the core group page")) return false;
        Plan = found;
        return true;
    }
}
