using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.ChildInNeedPlans.View;

/// <summary>A child in need plan: when it began, its next review, and its reviews. Audited; restricted: 404.</summary>
public sealed class IndexModel(ChildInNeedPlanViews plans, NeedToKnow needToKnow) : PageModel
{
    public ChildInNeedPlanView Plan { get; private set; } = default!;

    public bool CanReview => User.Can(Permissions.ReviewChildInNeedPlans);

    public async Task<IActionResult> OnGetAsync(Guid planId)
    {
        var found = await plans.FindAsync(planId);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the child in need plan page")) return NotFound();
        Plan = found;
        await needToKnow.RecordViewedAsync(found.PersonId, found.ChildName);
        return Page();
    }
}
