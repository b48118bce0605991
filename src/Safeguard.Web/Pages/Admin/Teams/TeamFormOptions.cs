using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Pages.Admin.Teams;

/// <summary>The choices on the add and change team forms.</summary>
public static class TeamFormOptions
{
    public static readonly IReadOnlyList<SelectListItem> Kinds =
        Enum.GetValues<TeamKind>().Select(k => new SelectListItem(WorkforceKinds.DisplayName(k), k.ToString())).ToList();

    public const string KindHint = "New work goes to the first team of the right kind by name: new contacts to a front door team, "
        + "referrals to an assessment team, child protection work to a child protection team.";
}
