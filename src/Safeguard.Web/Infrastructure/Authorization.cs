using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Safeguard.Core.Security;

namespace Safeguard.Web.Infrastructure;

public static class AuthorizationSetup
{
    /// <summary>One policy per permission, named by the permission. Anything not marked otherwise needs a signed-in user.</summary>
    public static void AddSafeguardAuthorization(this IServiceCollection services) => services.AddAuthorization(options =>
    {
        foreach (var permission in Permissions.All)
        {
            options.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireClaim(SafeguardClaims.Permission, permission));
        }
        // A folder open to any of several permissions names them joined by '|'.
        foreach (var (_, permission) in PageAccess.Folders.Where(f => f.Permission.Contains('|')))
        {
            var any = permission.Split('|');
            options.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
                any.Any(a => context.User.HasClaim(SafeguardClaims.Permission, a))));
        }
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    });
}

/// <summary>The authorisation rule of every page folder, in one place.</summary>
public static class PageAccess
{
    public static readonly IReadOnlyList<(string Folder, string Permission)> Folders =
    [
        ("/Children", Permissions.ViewChildRecords),
        ("/Children/Family", Permissions.EditChildRecords),
        ("/Children/Names", Permissions.EditChildRecords),
        ("/FrontDoor", Permissions.RecordContacts),
        ("/FrontDoor/Decide", Permissions.DecideContacts),
        ("/Oversight", Permissions.ViewBacklog),
        ("/Partner", Permissions.ReferAsPartner),
        ("/People/Duplicates", Permissions.ReviewDuplicates),
        ("/People/Candidates", AnyOf(Permissions.RecordContacts, Permissions.ViewChildRecords)),
        ("/Admin/Users", Permissions.AdministerUsers),
        ("/Admin/Audit", Permissions.SearchAudit),
        ("/Admin/Organisations", Permissions.AdministerOrganisations),
        ("/Admin/Teams", Permissions.AdministerOrganisations),
        ("/FrontDoor/Alerts", Permissions.ManageFrontDoor),
    ];

    /// <summary>A policy name meaning "any one of these permissions".</summary>
    public static string AnyOf(params string[] permissions) => string.Join('|', permissions);

    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var (folder, permission) in Folders)
        {
            conventions.AuthorizeFolder(folder, permission);
        }
        conventions.AllowAnonymousToFolder("/Account");
        conventions.AllowAnonymousToFolder("/Status");
    }
}
