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
        ("/Children/Address", Permissions.EditChildRecords),
        ("/Children/Census", Permissions.EditChildRecords),
        ("/Children/Access", Permissions.RestrictChildRecords),
        ("/FrontDoor", Permissions.RecordContacts),
        // Read by the people who act on a contact too; deciding, confirming and changing priority check their own permissions.
        ("/FrontDoor/Decide", Permissions.ReadContacts),
        ("/Oversight", Permissions.ViewBacklog),
        ("/Partner", Permissions.ReferAsPartner),
        ("/People/Duplicates", Permissions.ReviewDuplicates),
        ("/People/Candidates", AnyOf(Permissions.RecordContacts, Permissions.ViewChildRecords)),
        ("/Admin/Users", Permissions.AdministerUsers),
        // Administrators see who did what kind of thing; leaders who may audit children's records also what (AuditDetailRule).
        ("/Admin/Audit", AnyOf(Permissions.SearchAudit, Permissions.AuditChildRecords)),
        ("/Admin/Organisations", Permissions.AdministerOrganisations),
        ("/Admin/Teams", Permissions.AdministerOrganisations),
        ("/Admin/Staff", Permissions.ManageStaffRecords),
        ("/FrontDoor/Alerts", Permissions.ManageFrontDoor),
        // Recording is for the worker's supervisor only, and a worker's history for them and managers: the pages check who.
        ("/Supervision", Permissions.RecordSupervision),
        ("/Supervision/History", Permissions.ViewChildRecords),
        ("/Caseloads", Permissions.ViewCaseloads),
        // Read by anyone who may see the child; changed only by the worker who holds it, authorised only by a manager of
        // theirs: the pages check who.
        ("/Assessments", Permissions.ViewChildRecords),
        ("/Assessments/Authorise", Permissions.AuthoriseAssessments),
        ("/StrategyDiscussions", Permissions.ViewChildRecords),
        ("/StrategyDiscussions/New", Permissions.RecordStrategyDiscussions),
        ("/Section47", Permissions.RecordStrategyDiscussions),
        // Recorded by chairs (and managers); read by anyone who may see the child. Core groups, by the child's workers.
        ("/Conferences", Permissions.RecordConferences),
        ("/Conferences/View", Permissions.ViewChildRecords),
        ("/Plans", Permissions.ViewChildRecords),
        ("/Plans/CoreGroup", Permissions.RecordCoreGroups),
        ("/ChildInNeedPlans", Permissions.ViewChildRecords),
        ("/ChildInNeedPlans/Review", Permissions.ReviewChildInNeedPlans),
        ("/Closure", Permissions.CloseCases),
        ("/CaseNotes", Permissions.RecordCaseNotes),
        ("/Arrangements", Permissions.RecordArrangements),
        ("/Returns", Permissions.ViewReports),
        // A person's own drafts of the long forms, which are all about children.
        ("/Drafts", Permissions.ViewChildRecords),
        // Read by anyone who may see the child; acknowledged by the child's worker, their team and managers: the page checks who.
        ("/PatternAlerts", Permissions.ViewChildRecords),
        // Allocating and reallocating is for managers; accepting a case and doing an agreed action, for the worker whose it is.
        ("/Allocation", Permissions.AllocateCases),
        ("/Allocation/Accept", Permissions.ViewChildRecords),
        ("/Allocation/Actions", Permissions.ViewChildRecords),
        ("/Performance", Permissions.ViewPerformance),
        // Raised by any member of staff; answered by the director or a named delegate: the pages check who.
        ("/Escalations", AnyOf(Permissions.RaiseEscalations, Permissions.AnswerEscalations)),
        ("/Recommendations", Permissions.ViewRecommendations),
        ("/Recommendations/Manage", Permissions.ManageRecommendations),
    ];

    private static string? DeepestFolder(string viewEnginePath) => Folders
        .Select(f => f.Folder)
        .Where(f => viewEnginePath.StartsWith(f + "/", StringComparison.OrdinalIgnoreCase))
        .MaxBy(f => f.Length);

    /// <summary>A policy name meaning "any one of these permissions".</summary>
    public static string AnyOf(params string[] permissions) => string.Join('|', permissions);

    public static void Apply(PageConventionCollection conventions)
    {
        // A page follows the rule of the deepest folder listed for it, so a subfolder can be open to people its parent's
        // rule would refuse (the contact page, read by social workers who cannot use the rest of the front door).
        foreach (var (folder, permission) in Folders)
        {
            conventions.AddFolderApplicationModelConvention(folder, page =>
            {
                if (DeepestFolder(page.ViewEnginePath) == folder) page.EndpointMetadata.Add(new AuthorizeAttribute(permission));
            });
        }
        conventions.AllowAnonymousToFolder("/Account");
        conventions.AllowAnonymousToFolder("/Status");
    }
}
