using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Recommendations;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Recommendations.Manage;

/// <summary>Giving a recommendation a status; "completed" needs evidence, and a completed one keeps its status.</summary>
public sealed class StatusModel(Core.Recommendations.Recommendations recommendations, RecommendationViews views) : PageModel
{
    public RecommendationDetail Recommendation { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [Display(Name = "Status", Description = "Overdue is shown by itself when the due date has passed")]
    public RecommendationStatus? Status { get; set; }

    public bool ChangedElsewhere { get; private set; }

    public static IReadOnlyList<SelectListItem> StatusItems { get; } =
        Enum.GetValues<RecommendationStatus>().Select(s => new SelectListItem(s == RecommendationStatus.Completed ? "Completed, with evidence" : s.Words(), s.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Recommendation.Version;
        Status = Recommendation.StoredStatus;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.Clear();
        var result = await recommendations.ChangeStatusAsync(id, Version, Status);
        switch (result.Outcome)
        {
            case RecommendationOutcome.Saved:
                TempData["Success"] = Status == RecommendationStatus.Completed ? "Recommendation completed" : "Status changed";
                return Redirect($"/recommendations/{id}");
            case RecommendationOutcome.Invalid:
                foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
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

    private async Task<bool> LoadAsync(Guid id)
    {
        var found = await views.DetailAsync(id);
        if (found is null) return false;
        Recommendation = found;
        return true;
    }
}
