using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Conferences;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Conferences.Shared;

namespace Safeguard.Web.Pages.Conferences.Review;

/// <summary>
/// Recording a review conference of an open child protection plan: continue it (the category may change) or end it
/// with a reason. For those who may record conferences and may see the child (restricted: 404); a plan changed or ended
/// by someone else meanwhile is not overwritten.
/// </summary>
[KeepsDrafts]
public sealed class IndexModel(ChildProtectionConferences conferences, ChildProtectionPlans plans, NeedToKnow needToKnow, TimeProvider time)
    : PageModel, IConferenceFormPage
{
    [BindProperty]
    public ConferenceForm Form { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyList<SelectListItem> ChairItems { get; private set; } = [];

    public bool IsReview => true;

    public PlanView Plan { get; private set; } = default!;

    public bool ChangedElsewhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId)
    {
        if (!await LoadAsync(planId)) return NotFound();
        if (!Plan.IsOpen) return Redirect($"/plans/{planId}");
        await needToKnow.RecordViewedAsync(Plan.PersonId, Plan.ChildName);
        var me = User.UserIdOrEmpty();
        Form = ConferenceForm.Start(time.GetUtcNow(), ChairItems.Any(c => c.Value == me.ToString()) ? me : null, Plan.LatestCategory);
        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId)
    {
        if (!await LoadAsync(planId)) return NotFound();
        ModelState.Clear();
        var result = await conferences.HoldReviewAsync(planId, Version, Form.Read(ModelState), checkOnly: !ModelState.IsValid);
        switch (result.Outcome)
        {
            case ConferenceOutcome.Recorded:
                TempData["Success"] = $"Review conference about {Plan.ChildName} recorded";
                return Redirect($"/conferences/{result.Id}");
            case ConferenceOutcome.Invalid:
                ConferenceForm.AddErrors(result.Errors, ModelState);
                Form.Pad();
                return this.PageWithErrors();
            case ConferenceOutcome.ChangedElsewhere:
                await LoadAsync(planId);
                Version = Plan.Version;
                ChangedElsewhere = true;
                Form.Pad();
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid planId)
    {
        var found = await plans.FindAsync(planId);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the review conference page")) return false;
        Plan = found;
        ChairItems = ConferenceForm.Chairs(await conferences.ChairChoicesAsync());
        return true;
    }
}
