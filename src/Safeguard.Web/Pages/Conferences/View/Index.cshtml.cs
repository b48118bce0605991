using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Conferences;
using Safeguard.Core.People.Access;

namespace Safeguard.Web.Pages.Conferences.View;

/// <summary>A recorded conference, for anyone who may see the child (restricted from them: 404). Every view is audited.</summary>
public sealed class IndexModel(ChildProtectionPlans plans, NeedToKnow needToKnow) : PageModel
{
    public ConferenceView Conference { get; private set; } = default!;

    public PlanView? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var found = await plans.ConferenceAsync(id);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the conference page")) return NotFound();
        Conference = found;
        Plan = found.PlanId is { } planId ? await plans.FindAsync(planId) : null;
        await needToKnow.RecordViewedAsync(found.PersonId, found.ChildName);
        return Page();
    }
}
