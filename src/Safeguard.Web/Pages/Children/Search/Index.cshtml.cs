using Safeguard.Core.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.People;
using Safeguard.Core.Records;

namespace Safeguard.Web.Pages.Children.Search;

/// <summary>Find a child by name (sounds-like), date of birth, NHS number or postcode. The results fragment
/// (handler "results") lets wwwroot/js/person-search.js show results as the user types.</summary>
public sealed class IndexModel(PersonRecords people, Core.People.Access.NeedToKnow needToKnow) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<PersonSearchResult> Results { get; private set; } = [];

    public async Task OnGetAsync() => await SearchAsync();

    public async Task<IActionResult> OnGetResultsAsync()
    {
        await SearchAsync();
        return Partial("_Results", this);
    }

    private async Task SearchAsync()
    {
        if (Query is not null) Query = Clip.ToLength(Query, 200);
        Results = await people.SearchAsync(Query);
        await needToKnow.RecordListedAsync("children search", Results.Select(r => r.Id).ToList());
    }
}
