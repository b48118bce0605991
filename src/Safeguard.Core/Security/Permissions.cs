namespace Safeguard.Core.Security;

/// <summary>What a signed-in person may do. Pages and endpoints ask for a permission, never a role.</summary>
public static class Permissions
{
    public const string ViewChildRecords = "children.view";
    public const string EditChildRecords = "children.edit";
    /// <summary>Restrict a child's record to named people and hold its access list (docs/restricted-records.md).</summary>
    public const string RestrictChildRecords = "children.restrict";
    public const string RecordContacts = "frontdoor.record";
    /// <summary>Read a contact and its decision (not decide it): the people who act on it, as well as those who decide it.</summary>
    public const string ReadContacts = "frontdoor.read";
    public const string DecideContacts = "frontdoor.decide";
    public const string ManageFrontDoor = "frontdoor.manage";
    public const string ViewBacklog = "oversight.backlog";
    public const string ReviewDuplicates = "people.review-duplicates";
    public const string ReferAsPartner = "partner.refer";
    public const string ViewReports = "reports.view";
    public const string AdministerUsers = "admin.users";
    /// <summary>
    /// Search the audit trail: who did what kind of thing, when; of an entry about a child, only that it was about a
    /// child's record (Oversight.AuditDetailRule). An administrator sees no child's data.
    /// </summary>
    public const string SearchAudit = "admin.audit";
    /// <summary>
    /// Search the audit trail by child and read what its entries about children say (who viewed a record, what changed):
    /// for the leaders who may see children's records and answer for who else did. Restricted records stay need to know.
    /// </summary>
    public const string AuditChildRecords = "audit.children";
    public const string AdministerOrganisations = "admin.organisations";
    /// <summary>Allocate and reallocate children's cases, after a recorded discussion (docs/allocation.md).</summary>
    public const string AllocateCases = "cases.allocate";
    /// <summary>Allocate against the competence rules, with a reason that is recorded and reported.</summary>
    public const string OverrideCompetence = "cases.override-competence";
    /// <summary>See workers' caseloads: the team and service caseload pages.</summary>
    public const string ViewCaseloads = "caseloads.view";
    /// <summary>Record case and personal supervision of the workers one supervises.</summary>
    public const string RecordSupervision = "supervision.record";
    /// <summary>Keep staff records: registration, qualification, employment, capacity, training and absences.</summary>
    public const string ManageStaffRecords = "workforce.manage";
    /// <summary>Record and complete the child and family assessments of the cases one holds.</summary>
    public const string RecordAssessments = "assessments.record";
    /// <summary>Authorise (or send back) the completed assessments of the workers one manages.</summary>
    public const string AuthoriseAssessments = "assessments.authorise";
    /// <summary>Record strategy discussions (and the section 47 enquiries they begin) about the children one may see.</summary>
    public const string RecordStrategyDiscussions = "enquiries.strategy";
    /// <summary>Record child protection conferences (initial and review) about the children one may see; the chair must be a conference chair.</summary>
    public const string RecordConferences = "conferences.record";
    /// <summary>Record case notes (visits, calls, meetings, emails, letters) about the children one may see.</summary>
    public const string RecordCaseNotes = "casenotes.record";
    /// <summary>Propose a child's stay with a connected person, record the checks, and agree it once every check is done.</summary>
    public const string RecordArrangements = "arrangements.record";
    /// <summary>Agree a stay with a connected person while checks are missing, with a reason.</summary>
    public const string AgreeArrangementsWithChecksMissing = "arrangements.agree-missing";
    /// <summary>Close a child's case with a CIN reason for closure (docs/closure.md).</summary>
    public const string CloseCases = "cases.close";
    /// <summary>Record core group meetings of child protection plans.</summary>
    public const string RecordCoreGroups = "conferences.core-group";
    /// <summary>Record reviews of child in need plans (docs/child-in-need-plans.md).</summary>
    public const string ReviewChildInNeedPlans = "plans.review-in-need";
    /// <summary>See the performance dashboard (docs/measures.md), its charts and the lists behind its figures.</summary>
    public const string ViewPerformance = "performance.view";
    /// <summary>Raise a concern about practice or procedure directly with the director (docs/escalations.md): any member of staff.</summary>
    public const string RaiseEscalations = "escalations.raise";
    /// <summary>Answer escalations: the director and the delegates the director names.</summary>
    public const string AnswerEscalations = "escalations.answer";
    /// <summary>Read the review recommendations tracker and its summary (docs/recommendations.md).</summary>
    public const string ViewRecommendations = "recommendations.view";
    /// <summary>Add recommendations, give them owners and due dates, and record their actions and evidence.</summary>
    public const string ManageRecommendations = "recommendations.manage";

    public static readonly IReadOnlyList<string> All =
    [
        ViewChildRecords, EditChildRecords, RecordContacts, DecideContacts, ManageFrontDoor, ViewBacklog, ReviewDuplicates,
        ReferAsPartner, ViewReports, AdministerUsers, SearchAudit, ReadContacts,
        AdministerOrganisations, RestrictChildRecords, AllocateCases, OverrideCompetence, ViewCaseloads, RecordSupervision,
        ManageStaffRecords, RecordAssessments, AuthoriseAssessments, RecordStrategyDiscussions,
        RecordConferences, RecordCoreGroups, CloseCases, RecordCaseNotes, RecordArrangements, AgreeArrangementsWithChecksMissing,
        ReviewChildInNeedPlans, ViewPerformance, RaiseEscalations, AnswerEscalations, ViewRecommendations, ManageRecommendations,
        AuditChildRecords,
    ];
}

/// <summary>The one map from roles to permissions.</summary>
public static class RolePermissions
{
    private static readonly string[] Practice =
        [
            Permissions.ViewChildRecords, Permissions.EditChildRecords, Permissions.ReadContacts, Permissions.RecordAssessments,
            Permissions.RecordStrategyDiscussions, Permissions.RecordCoreGroups, Permissions.RecordCaseNotes, Permissions.RecordArrangements,
            Permissions.ReviewChildInNeedPlans,
        ];
    private static readonly string[] Management =
    [
        Permissions.ViewChildRecords, Permissions.EditChildRecords, Permissions.RecordContacts, Permissions.DecideContacts,
        Permissions.ManageFrontDoor, Permissions.ViewBacklog, Permissions.ReviewDuplicates, Permissions.ViewReports, Permissions.ReadContacts,
        Permissions.RestrictChildRecords, Permissions.AllocateCases, Permissions.ViewCaseloads, Permissions.RecordSupervision,
        Permissions.ManageStaffRecords, Permissions.RecordAssessments, Permissions.AuthoriseAssessments, Permissions.RecordStrategyDiscussions,
        Permissions.RecordConferences, Permissions.RecordCoreGroups, Permissions.CloseCases, Permissions.RecordCaseNotes,
        Permissions.RecordArrangements, Permissions.AgreeArrangementsWithChecksMissing, Permissions.ReviewChildInNeedPlans,
    ];

    /// <summary>Service managers and above may also override the competence rules (with a reason), and lead the service.</summary>
    private static readonly string[] SeniorManagement =
    [
        .. Management, Permissions.OverrideCompetence, Permissions.ViewPerformance, Permissions.ViewRecommendations,
        Permissions.ManageRecommendations,
    ];

    private static readonly Dictionary<string, string[]> Map = new()
    {
        [Roles.FrontDoorWorker] =
        [
            Permissions.ViewChildRecords, Permissions.EditChildRecords, Permissions.RecordContacts, Permissions.DecideContacts, Permissions.ReadContacts,
            Permissions.RaiseEscalations,
        ],
        [Roles.SocialWorker] = [.. Practice, Permissions.RaiseEscalations],
        [Roles.SocialWorkAssistant] = [.. Practice, Permissions.RaiseEscalations],
        [Roles.ConferenceChair] = [Permissions.ViewChildRecords, Permissions.RecordConferences, Permissions.RaiseEscalations],
        [Roles.TeamManager] = [.. Management, Permissions.RaiseEscalations],
        [Roles.ServiceManager] = [.. SeniorManagement, Permissions.RaiseEscalations],
        [Roles.HeadOfService] = [.. SeniorManagement, Permissions.RaiseEscalations, Permissions.AuditChildRecords],
        [Roles.Director] = [.. SeniorManagement, Permissions.AnswerEscalations, Permissions.AuditChildRecords],
        [Roles.PartnerReferrer] = [Permissions.ReferAsPartner],
        [Roles.PerformanceAnalyst] =
            [Permissions.ViewReports, Permissions.ViewBacklog, Permissions.ViewPerformance, Permissions.ViewRecommendations, Permissions.RaiseEscalations],
        [Roles.SystemAdministrator] =
        [
            Permissions.AdministerUsers, Permissions.SearchAudit, Permissions.AdministerOrganisations, Permissions.ManageStaffRecords,
            Permissions.RaiseEscalations,
        ],
    };

    public static IReadOnlyList<string> For(string role) => Map.TryGetValue(role, out var p) ? p : [];

    public static IReadOnlySet<string> ForRoles(IEnumerable<string> roles) =>
        roles.SelectMany(For).ToHashSet(StringComparer.Ordinal);
}
