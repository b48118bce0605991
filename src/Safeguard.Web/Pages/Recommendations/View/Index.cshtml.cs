using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;
using Safeguard.Core.Recommendations;

namespace Safeguard.Web.Pages.Recommendations.View;

/// <summary>One recommendation: its source, owner, due date and status, its actions with their evidence, and its history.</summary>
public sealed class IndexModel(RecommendationViews views) : PageModel
{
    public RecommendationDetail Recommendation { get; private set; } = default!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var found = await views.DetailAsync(id);
        if (found is null) return NotFound();
        Recommendation = found;
        History = await views.HistoryAsync(id);
        return Page();
    }
}
