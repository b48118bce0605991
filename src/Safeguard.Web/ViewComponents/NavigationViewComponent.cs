using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Security;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.ViewComponents;

public sealed record NavigationLink(string Text, string Href, bool Current);

/// <summary>The header navigation: only the places the signed-in user's permissions allow.</summary>
public sealed class NavigationViewComponent : ViewComponent
{
    private static readonly (string Text, string Href, string? Permission)[] Links =
    [
        ("Home", "/", null),
        ("Front door", "/front-door", Permissions.RecordContacts),
        ("Children", "/children", Permissions.ViewChildRecords),
        ("Backlog", "/oversight/backlog", Permissions.ViewBacklog),
        ("Caseloads", "/caseloads/teams", Permissions.ViewCaseloads),
        ("Duplicates", "/people/duplicates", Permissions.ReviewDuplicates),
        ("Referrals", "/partner", Permissions.ReferAsPartner),
        ("Users", "/admin/users", Permissions.AdministerUsers),
        ("Organisations", "/admin/organisations", Permissions.AdministerOrganisations),
        ("Teams", "/admin/teams", Permissions.AdministerOrganisations),
        ("Audit", "/admin/audit", PageAccess.AnyOf(Permissions.SearchAudit, Permissions.AuditChildRecords)),
    ];

    public IViewComponentResult Invoke()
    {
        if (UserClaimsPrincipal.Identity?.IsAuthenticated != true) return View(Array.Empty<NavigationLink>());
        var path = HttpContext.Request.Path.Value ?? "/";
        var links = Links
            .Where(l => l.Permission is null || l.Permission.Split('|').Any(UserClaimsPrincipal.Can))
            .Select(l => new NavigationLink(l.Text, l.Href, l.Href == "/" ? path == "/" : path.StartsWith(l.Href, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return View(links);
    }
}
