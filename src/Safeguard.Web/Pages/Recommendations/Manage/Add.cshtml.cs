using Microsoft.AspNetCore.Mvc;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Recommendations.Manage;

/// <summary>Adding a recommendation to the tracker, with its owner and due date (<c>recommendations.manage</c>).</summary>
public sealed class AddModel(Core.Recommendations.Recommendations recommendations) : RecommendationForm(recommendations)
{
    public async Task OnGetAsync() => await LoadOwnersAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Service.AddAsync(Input());
        if (result.Outcome == Core.Recommendations.RecommendationOutcome.Saved)
        {
            TempData["Success"] = "Recommendation added";
            return Redirect($"/recommendations/{result.Id}");
        }
        AddErrors(result);
        await LoadOwnersAsync();
        return this.PageWithErrors();
    }
}
