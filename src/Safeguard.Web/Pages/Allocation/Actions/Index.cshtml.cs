using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Allocation;
using Safeguard.Core.People.Access;
using Safeguard.Core.Work;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Allocation.Actions;

/// <summary>An agreed action on a tray: what it is, for which child, by when; its owner (or their team) marks it done.</summary>
public sealed class IndexModel(AgreedActions actions, NeedToKnow needToKnow) : PageModel
{
    public AgreedActionView Action { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    public bool ChangedElsewhere { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        switch (await actions.MarkDoneAsync(id, Version))
        {
            case WorkChange.Changed:
                return Redirect($"/work/{id}?done=true");
            case WorkChange.ChangedElsewhere:
                await LoadAsync(id);
                Version = Action.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var action = await actions.ViewAsync(id);
        if (action is null) return false;
        Guid? team = Guid.TryParse(User.FindFirst(SafeguardClaims.TeamId)?.Value, out var t) ? t : null;
        if (!action.MayBeDoneBy(User.UserId(), team)) return false;
        if (action.PersonId is { } personId && !await needToKnow.CheckAsync(personId, "an agreed action about the child")) return false;
        Action = action;
        return true;
    }
}
