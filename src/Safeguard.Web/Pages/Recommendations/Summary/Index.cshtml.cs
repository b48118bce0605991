using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Recommendations;

namespace Safeguard.Web.Pages.Recommendations.Summary;

/// <summary>The director's summary: counts by status and by source, the overdue first, then those due in the next 30 days.</summary>
public sealed class IndexModel(RecommendationViews views) : PageModel
{
    public RecommendationSummary Summary { get; private set; } = default!;

    public async Task OnGetAsync() => Summary = await views.SummaryAsync();
}
