using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Pages.Admin.Organisations;

public sealed class IndexModel(OrganisationAdministration admin) : PageModel
{
    public IReadOnlyList<OrganisationLine> Organisations { get; private set; } = [];

    public async Task OnGetAsync() => Organisations = await admin.ListAsync(includeRetired: true);
}
