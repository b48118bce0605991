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

    /// <summary>Retired teams and organisations are not offered, except the ones the account already has (<paramref name="keepTeamId"/>, <paramref name="keepOrganisationId"/>).</summary>
    public async Task<UserFormOptions> LoadAsync(Guid? keepTeamId = null, Guid? keepOrganisationId = null)
    {
        Teams = [new SelectListItem("No team", ""), .. await db.Teams.Where(t => t.RetiredAt == null || t.Id == keepTeamId).OrderBy(t => t.Name)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync()];
        Organisations = [new SelectListItem("None (council staff)", ""), .. await db.Organisations.Where(o => o.RetiredAt == null || o.Id == keepOrganisationId)
            .OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync()];
        return this;
    }

    /// <summary>The checks the add and change pages share: roles, team and organisation chosen from the lists.</summary>
    public void CheckAccess(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IReadOnlyCollection<string> roles, Guid? teamId,
        Guid? organisationId)
    {
        if (roles.Count == 0) state.AddModelError("SelectedRoles", "Select at least one role");
        else if (!AreRoles(roles)) state.AddModelError("SelectedRoles", "Select roles from the list");
        if (!IsTeam(teamId)) state.AddModelError("TeamId", "Select a team from the list");
        if (!IsOrganisation(organisationId)) state.AddModelError("OrganisationId", "Select an organisation from the list");
    }

    public bool IsTeam(Guid? id) => id is null || Teams.Any(t => t.Value == id.ToString());
    public bool IsOrganisation(Guid? id) => id is null || Organisations.Any(o => o.Value == id.ToString());
    public static bool AreRoles(IEnumerable<string> roles) => roles.All(r => Core.Security.Roles.All.Contains(r));
}
