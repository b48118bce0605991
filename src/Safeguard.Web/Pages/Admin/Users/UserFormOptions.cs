using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>The choices on the add and change account forms.</summary>
public sealed class UserFormOptions(SafeguardDbContext db)
{
    public IReadOnlyList<SelectListItem> Roles { get; } =
        Core.Security.Roles.All.Select(r => new SelectListItem(Core.Security.Roles.DisplayName(r), r)).ToList();

    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<UserFormOptions> LoadAsync()
    {
        Teams = [new SelectListItem("No team", ""), .. await db.Teams.OrderBy(t => t.Name).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync()];
        Organisations = [new SelectListItem("None (council staff)", ""), .. await db.Organisations.OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync()];
        return this;
    }

    public bool IsTeam(Guid? id) => id is null || Teams.Any(t => t.Value == id.ToString());
    public bool IsOrganisation(Guid? id) => id is null || Organisations.Any(o => o.Value == id.ToString());
    public static bool AreRoles(IEnumerable<string> roles) => roles.All(r => Core.Security.Roles.All.Contains(r));
}
