using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Conferences;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Plans.View;

/// <summary>A child protection plan: which plan it is, its categories, what is due, its conferences and core groups. Audited; restricted: 404.</summary>
public sealed class IndexModel(ChildProtectionPlans plans, NeedToKnow needToKnow) : PageModel
{
    public PlanView Plan { get; private set; } = default!;

    public bool CanReview => User.Can(Permissions.RecordConferences);

    public bool CanRecordCoreGroup => User.Can(Permissions.RecordCoreGroups);

    public async Task<IActionResult> OnGetAsync(Guid planId)
    {
        var found = await plans.FindAsync(planId);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the child protection plan page")) return NotFound();
        Plan = found;
        await needToKnow.RecordViewedAsync(found.PersonId, found.ChildName);
        return Page();
    }
}
