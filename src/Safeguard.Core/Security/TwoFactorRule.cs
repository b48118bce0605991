namespace Safeguard.Core.Security;

/// <summary>
/// Who must sign in with a second factor when <see cref="TwoFactorSettings.RequireTwoFactor"/> is on (OWASP ASVS 4.0
/// 2.2.1 and 1.2.3 at level 2): anyone whose roles hold a permission that shows a child's data, or that can give such a
/// permission (administering accounts). A partner agency's referrer sees only what their own organisation sent, so is
/// not required, but may turn it on.
/// </summary>
public static class TwoFactorRule
{
    /// <summary>Permissions that show a named child's data, or can hand that to someone (and so need a second factor).</summary>
    public static readonly IReadOnlySet<string> NeedSecondFactor = new HashSet<string>(StringComparer.Ordinal)
    {
        Permissions.ViewChildRecords, Permissions.EditChildRecords, Permissions.RestrictChildRecords, Permissions.RecordContacts,
        Permissions.ReadContacts, Permissions.DecideContacts, Permissions.ManageFrontDoor, Permissions.ReviewDuplicates,
        // Returns and the lists behind the dashboard's figures are child-level; the audit search names the children viewed.
        Permissions.ViewReports, Permissions.ViewPerformance, Permissions.SearchAudit, Permissions.AuditChildRecords,
        // Whoever administers accounts can give any account (their own too) a role that reads children's records.
        Permissions.AdministerUsers,
        Permissions.AllocateCases, Permissions.OverrideCompetence, Permissions.ViewCaseloads, Permissions.RecordSupervision,
        Permissions.RecordAssessments, Permissions.AuthoriseAssessments, Permissions.RecordStrategyDiscussions,
        Permissions.RecordConferences, Permissions.RecordCoreGroups, Permissions.CloseCases, Permissions.RecordCaseNotes,
        Permissions.RecordArrangements, Permissions.AgreeArrangementsWithChecksMissing, Permissions.ReviewChildInNeedPlans,
        Permissions.AnswerEscalations,
    };

    /// <summary>Permissions judged to show no child's data held by the council, so alone they need no second factor.</summary>
    public static readonly IReadOnlySet<string> NoChildData = new HashSet<string>(StringComparer.Ordinal)
    {
        // The partner's own referrals, in its own words (docs/contact-content.md).
        Permissions.ReferAsPartner,
        // Counts by kind, team and age; staff records; organisations and teams; the recommendations tracker's own words.
        Permissions.ViewBacklog, Permissions.ManageStaffRecords, Permissions.AdministerOrganisations,
        Permissions.ViewRecommendations, Permissions.ManageRecommendations,
        // Raising a concern with the director: the raiser's own words.
        Permissions.RaiseEscalations,
    };

    /// <summary>Whether someone holding these permissions must use a second factor.</summary>
    public static bool Requires(IEnumerable<string> permissions) => permissions.Any(NeedSecondFactor.Contains);

    /// <summary>Whether someone with these roles must use a second factor.</summary>
    public static bool RequiresForRoles(IEnumerable<string> roles) => Requires(RolePermissions.ForRoles(roles));
}

/// <summary>Configuration section "Security".</summary>
public sealed class TwoFactorSettings
{
    public const string Section = "Security";

    /// <summary>
    /// Whether the roles of <see cref="TwoFactorRule"/> must sign in with an authenticator app. On unless configured off
    /// (it is off in Development and the demo).
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;
}
