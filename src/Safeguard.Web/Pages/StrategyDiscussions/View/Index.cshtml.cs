using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Enquiries;
using Safeguard.Core.People.Access;

namespace Safeguard.Web.Pages.StrategyDiscussions.View;

/// <summary>A recorded strategy discussion, for anyone who may see the child (restricted from them: 404). Every view is audited.</summary>
public sealed class IndexModel(Core.Enquiries.StrategyDiscussions discussions, NeedToKnow needToKnow) : PageModel
{
    public StrategyDiscussionView Discussion { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var found = await discussions.FindAsync(id);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the strategy discussion page")) return NotFound();
        Discussion = found;
        await needToKnow.RecordViewedAsync(found.PersonId, found.ChildName);
        return Page();
    }
}
