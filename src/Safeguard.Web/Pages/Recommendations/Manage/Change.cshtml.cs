using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Recommendations;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Recommendations.Manage;

/// <summary>
/// Changing a recommendation's words, source, owner or due date. Made from the version shown: a recommendation changed by
/// someone else meanwhile is not overwritten (409, with what was typed kept).
/// </summary>
public sealed class ChangeModel(Core.Recommendations.Recommendations recommendations, RecommendationViews views) : RecommendationForm(recommendations)
{
    [BindProperty]
    public int Version { get; set; }

    public bool ChangedElsewhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var detail = await views.DetailAsync(id);
        if (detail is null) return NotFound();
        Fill(detail);
        Version = detail.Version;
        await LoadOwnersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var result = await Service.ChangeAsync(id, Version, Input());
        await LoadOwnersAsync();
        switch (result.Outcome)
        {
            case RecommendationOutcome.Saved:
                TempData["Success"] = "Recommendation changed";
                return Redirect($"/recommendations/{id}");
            case RecommendationOutcome.Invalid:
                AddErrors(result);
                return this.PageWithErrors();
            case RecommendationOutcome.ChangedElsewhere:
                Version = (await views.DetailAsync(id))!.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }
}
