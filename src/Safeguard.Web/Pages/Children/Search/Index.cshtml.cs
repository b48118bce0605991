using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.People;

namespace Safeguard.Web.Pages.Children.Search;

public sealed class IndexModel(PersonRecords people) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<PersonSearchResult> Results { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (Query is { Length: > 200 }) Query = Query[..200];
        Results = await people.SearchAsync(Query);
    }
}
