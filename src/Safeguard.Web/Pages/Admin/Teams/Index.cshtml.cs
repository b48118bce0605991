using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Pages.Admin.Teams;

public sealed class IndexModel(TeamAdministration admin) : PageModel
{
    public IReadOnlyList<TeamLine> Teams { get; private set; } = [];

    public async Task OnGetAsync() => Teams = await admin.ListAsync(includeRetired: true);
}
