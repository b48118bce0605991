using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Pages.Admin.Users;

public sealed class IndexModel(UserAdministration admin) : PageModel
{
    public IReadOnlyList<UserLine> Users { get; private set; } = [];

    public async Task OnGetAsync() => Users = await admin.ListAsync();
}
