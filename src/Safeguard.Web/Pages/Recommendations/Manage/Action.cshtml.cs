using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Recommendations;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Recommendations.Manage;

/// <summary>Adding an action towards a recommendation; its own owner and due date are optional.</summary>
public sealed class ActionModel(Core.Recommendations.Recommendations recommendations, RecommendationViews views) : RecommendationChildPage(views)
{
    [BindProperty]
    [Display(Name = "Action", Description = "What will be done")]
    public string? Text { get; set; }

    [BindProperty]
    [Display(Name = "Owner of the action (optional)")]
    public Guid? OwnerUserId { get; set; }

    [BindProperty]
    [Display(Name = "Due date of the action (optional)", Description = "For example, 30 4 2026")]
    public GovUkDate DueOn { get; set; } = new();

    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Recommendation.Version;
        await LoadOwnersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        await LoadOwnersAsync();
        var typed = new ActionInput(Text, OwnerUserId, DueOn.TryGetDate(out var day) ? day : null);
        if (!DueOn.IsEmpty && typed.DueOn is null)
        {
            // A due date that is not a real date is refused with the other problems, and nothing is saved.
            ModelState.AddModelError(nameof(DueOn), "The due date of the action must be a real date");
            return await AnswerAsync(id, RecommendationResult.Invalid([.. await recommendations.CheckActionAsync(typed)]), "");
        }
        return await AnswerAsync(id, await recommendations.AddActionAsync(id, Version, typed), "Action added");
    }

    private async Task LoadOwnersAsync() =>
        OwnerItems = [new SelectListItem("No owner of its own", ""), .. (await recommendations.OwnersAsync())
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == OwnerUserId))];
}
