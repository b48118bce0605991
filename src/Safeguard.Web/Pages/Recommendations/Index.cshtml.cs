using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Recommendations;

namespace Safeguard.Web.Pages.Recommendations;

/// <summary>Every recommendation, soonest due first, narrowed by status, source and owner (a GET form: the filters are in the address).</summary>
public sealed class IndexModel(RecommendationViews views, Core.Recommendations.Recommendations recommendations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ShownStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public RecommendationSource? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Owner { get; set; }

    public IReadOnlyList<RecommendationLine> Lines { get; private set; } = [];
    public IReadOnlyList<SelectListItem> StatusItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SourceItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // A filter that is not one of the choices (typed into the address) is no filter.
        ModelState.Clear();
        Lines = await views.ListAsync(new RecommendationFilter(Status, Source, Owner));
        StatusItems = [new("Any status", ""), .. Enum.GetValues<ShownStatus>().Select(s => new SelectListItem(s.Words(), s.ToString(), s == Status))];
        SourceItems = [new("Any source", ""), .. Enum.GetValues<RecommendationSource>().Select(s => new SelectListItem(s.Words(), s.ToString(), s == Source))];
        OwnerItems = [new("Anyone", ""), .. (await recommendations.OwnersAsync()).Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == Owner))];
    }
}
