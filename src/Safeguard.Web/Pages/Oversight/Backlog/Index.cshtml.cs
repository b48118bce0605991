using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Oversight;
using Safeguard.Core.Work;

namespace Safeguard.Web.Pages.Oversight.Backlog;

/// <summary>The backlog board: open front-door work by team and age, child protection counted apart.</summary>
public sealed class IndexModel(BacklogBoard board) : PageModel
{
    public Core.Oversight.Backlog Backlog { get; private set; } = default!;

    public async Task OnGetAsync() => Backlog = await board.GetAsync();

    public static string KindName(WorkKind kind) => kind.GroupHeading();
}
