using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.People;
using Safeguard.Core.Records;

namespace Safeguard.Web.Pages.People.Duplicates;

/// <summary>The duplicate review queue: open pairs, highest score first.</summary>
public sealed class IndexModel(DuplicateReview review, Core.People.Access.NeedToKnow needToKnow) : PageModel
{
    public IReadOnlyList<DuplicateLine> Open { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Open = await review.OpenAsync();
        await needToKnow.RecordListedAsync("the duplicate review queue", Open.SelectMany(d => new[] { d.PersonId1, d.PersonId2 }).ToList());
    }
}
