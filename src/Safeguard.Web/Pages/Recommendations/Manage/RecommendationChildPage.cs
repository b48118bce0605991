using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Recommendations;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Recommendations.Manage;

/// <summary>
/// A form that adds something to one recommendation (an action, evidence): made from the version shown, so of two people
/// adding at once one is saved and the other is shown the recommendation as it is now with what they typed (409).
/// </summary>
public abstract class RecommendationChildPage(RecommendationViews views) : PageModel
{
    public RecommendationDetail Recommendation { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    public bool ChangedElsewhere { get; private set; }

    protected async Task<bool> LoadAsync(Guid id)
    {
        var found = await views.DetailAsync(id);
        if (found is null) return false;
        Recommendation = found;
        return true;
    }

    protected async Task<IActionResult> AnswerAsync(Guid id, RecommendationResult result, string saved)
    {
        switch (result.Outcome)
        {
            case RecommendationOutcome.Saved:
                TempData["Success"] = saved;
                return Redirect($"/recommendations/{id}");
            case RecommendationOutcome.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    if (ModelState[field]?.Errors.Count is not > 0) ModelState.AddModelError(field, message);
                }
                return this.PageWithErrors();
            case RecommendationOutcome.ChangedElsewhere:
                await LoadAsync(id);
                Version = Recommendation.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }
}
