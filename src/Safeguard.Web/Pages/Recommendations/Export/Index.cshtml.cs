using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Recommendations;
using Safeguard.Core.Timescales;

namespace Safeguard.Web.Pages.Recommendations.Export;

/// <summary>Every recommendation with its actions and current status, as an xlsx download.</summary>
public sealed class IndexModel(RecommendationViews views, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var lines = await views.ListAsync();
        var actions = await views.ActionsForExportAsync();
        var stream = new MemoryStream();
        RecommendationsWorkbook.Write(stream, lines, actions);
        stream.Position = 0;
        return File(stream, RecommendationsWorkbook.ContentType, $"recommendations-{TimeLimits.UkDay(time.GetUtcNow()):yyyy-MM-dd}.xlsx");
    }
}
