namespace Safeguard.Core.Seeding.Large.Bulk;

internal enum ColumnType { Guid, Text, Instant, Date, Bool, Int, Long, Double }

internal sealed record Column(string Name, ColumnType Type);

/// <summary>A table and the columns the seeder writes, named exactly as in the Initial migration.</summary>
internal sealed record Table(string Name, Column[] Columns)
{
    public static Table Of(string name, params (string Name, ColumnType Type)[] columns) =>
        new(name, columns.Select(c => new Column(c.Name, c.Type)).ToArray());
}

/// <summary>Rows for one table, in the order they are written.</summary>
internal sealed class TableRows(Table table)
{
    public Table Table { get; } = table;
    public List<object?[]> Rows { get; } = [];
    public void Add(params object?[] row) => Rows.Add(row);
}

internal static class Tables
{
    private const ColumnType G = ColumnType.Guid, T = ColumnType.Text, I = ColumnType.Instant, D = ColumnType.Date,
        B = ColumnType.Bool, N = ColumnType.Int, F = ColumnType.Double;

    public static readonly Table Organisations = Table.Of("Organisations", ("Id", G), ("Name", T), ("Kind", T));
    public static readonly Table Teams = Table.Of("Teams", ("Id", G), ("Name", T), ("Kind", T));

    public static readonly Table Users = Table.Of("AspNetUsers",
        ("Id", G), ("DisplayName", T), ("JobTitle", T), ("TeamId", G), ("OrganisationId", G), ("IsDisabled", B),
        ("SocialWorkEnglandNumber", T), ("UserName", T), ("NormalizedUserName", T), ("Email", T), ("NormalizedEmail", T),
        ("EmailConfirmed", B), ("PasswordHash", T), ("SecurityStamp", T), ("ConcurrencyStamp", T), ("PhoneNumber", T),
        ("PhoneNumberConfirmed", B), ("TwoFactorEnabled", B), ("LockoutEnd", I), ("LockoutEnabled", B),
        ("AccessFailedCount", N),
        // The staff record (migration 20261204000001_Allocation).
        ("RegistrationRenewsOn", D), ("IsQualified", B), ("PracticeStartedOn", D), ("Employment", T), ("EmploymentStartsOn", D),
        ("EmploymentEndsOn", D), ("FullTimeEquivalent", F), ("ManagerId", G));

    public static readonly Table TrainingRecords = Table.Of("TrainingRecords",
        ("Id", G), ("UserId", G), ("Kind", T), ("CompletedOn", D), ("ExpiresOn", D));

    public static readonly Table StaffAbsences = Table.Of("StaffAbsences", ("Id", G), ("UserId", G), ("Kind", T), ("From", D), ("To", D));

    public static readonly Table CaseAllocations = Table.Of("CaseAllocations",
        ("Id", G), ("PersonId", G), ("ReferralId", G), ("TeamId", G), ("CaseKind", T), ("WorkerId", G), ("ManagerId", G),
        ("DiscussedAt", I), ("Risks", T), ("Notes", T), ("AllocatedAt", I), ("ReallocationReason", T), ("PreviousAllocationId", G),
        ("AcceptedAt", I), ("EndedAt", I), ("EndReason", T), ("Version", N));

    public static readonly Table SupervisionRecords = Table.Of("SupervisionRecords",
        ("Id", G), ("Kind", T), ("WorkerId", G), ("SupervisorId", G), ("HeldAt", I), ("PersonId", G), ("AllocationId", G),
        ("Reflection", T), ("RiskAnalysis", T), ("Decisions", T), ("Wellbeing", T), ("Caseload", T), ("Training", T));

    public static readonly Table Roles = Table.Of("AspNetRoles", ("Id", G), ("Name", T), ("NormalizedName", T), ("ConcurrencyStamp", T));

    public static readonly Table UserRoles = Table.Of("AspNetUserRoles", ("UserId", G), ("RoleId", G));

    public static readonly Table People = Table.Of("People",
        ("Id", G), ("GivenName", T), ("FamilyName", T), ("DateOfBirth", D), ("ExpectedDateOfBirth", D), ("Sex", T),
        ("NhsNumber", T), ("Upn", T), ("LocalChildId", T), ("School", T), ("IsRestricted", B),
        ("MergedIntoPersonId", G), ("CreatedAt", I), ("GivenNameKey", T), ("FamilyNameKey", T),
        ("FormerUpn", T), ("UpnUnknownReason", T), ("Ethnicity", T), ("Disabilities", T));

    public static readonly Table PersonAddresses = Table.Of("PersonAddresses",
        ("Id", G), ("PersonId", G), ("Line1", T), ("Town", T), ("Postcode", T), ("From", D), ("To", D));

    public static readonly Table Contacts = Table.Of("Contacts",
        ("Id", G), ("Reference", T), ("ReceivedAt", I), ("Channel", T), ("ReferringOrganisationId", G),
        ("ReferrerName", T), ("ReferrerOrganisationName", T), ("ReferrerRole", T), ("ReferrerEmail", T),
        ("ReferrerPhone", T), ("Concern", T), ("Categories", T), ("InjurySeen", B), ("ImmediateRisk", B),
        ("ParentsAware", B), ("Priority", T), ("Status", T), ("DecisionDueAt", I), ("FeedbackDueAt", I),
        ("Outcome", T), ("DecisionReasons", T), ("DecidedAt", I), ("DecidedByUserId", G));

    public static readonly Table ContactChildren = Table.Of("ContactChildren", ("Id", G), ("ContactId", G), ("PersonId", G));

    public static readonly Table Referrals = Table.Of("Referrals",
        ("Id", G), ("PersonId", G), ("ContactId", G), ("ReferralDate", D), ("SourceCode", T), ("TeamId", G),
        ("AllocatedWorkerId", G), ("Status", T), ("ClosedOn", D), ("ClosureReason", T), ("PrimaryNeedCode", T));

    public static readonly Table Assessments = Table.Of("Assessments",
        ("Id", G), ("ReferralId", G), ("PersonId", G), ("StartedOn", D), ("DueOn", D), ("CompletedOn", D),
        ("AuthorisedOn", D), ("Factors", T), ("WorkerId", G), ("CompletedBy", G));

    public static readonly Table ChildPlans = Table.Of("ChildPlans",
        ("Id", G), ("ReferralId", G), ("PersonId", G), ("Kind", T), ("StartedOn", D), ("EndedOn", D), ("Category", T), ("InitialCategory", T), ("Number", N));

    public static readonly Table StrategyDiscussions = Table.Of("StrategyDiscussions",
        ("Id", G), ("PersonId", G), ("ReferralId", G), ("HeldAt", I), ("RecordedBy", G), ("InformationShared", T), ("Section47", B),
        ("DecisionReasons", T), ("Section47EnquiryId", G));

    public static readonly Table StrategyParticipants = Table.Of("StrategyParticipants",
        ("Id", G), ("StrategyDiscussionId", G), ("Agency", T), ("Name", T), ("Role", T));

    public static readonly Table Section47Enquiries = Table.Of("Section47Enquiries",
        ("Id", G), ("PersonId", G), ("ReferralId", G), ("StartedOn", D), ("EndedOn", D), ("Outcome", T), ("InitialConferenceTargetOn", D),
        ("OutcomeReasons", T));

    public static readonly Table ChildProtectionConferences = Table.Of("ChildProtectionConferences",
        ("Id", G), ("Kind", T), ("PersonId", G), ("ReferralId", G), ("Section47EnquiryId", G), ("ChildPlanId", G), ("HeldAt", I),
        ("ChairId", G), ("RecordedBy", G), ("FamilyAttendance", T), ("FamilyAttendanceNotes", T), ("Plan", B), ("Category", T),
        ("DecisionReasons", T));

    public static readonly Table WorkItems = Table.Of("WorkItems",
        ("Id", G), ("Kind", T), ("SubjectId", G), ("PersonId", G), ("Title", T), ("OwnerTeamId", G), ("OwnerUserId", G),
        ("Priority", T), ("OpenedAt", I), ("DueAt", I), ("ClosedAt", I));

    /// <summary>Id is left to the database (identity / autoincrement).</summary>
    public static readonly Table Events = Table.Of("Events",
        ("Type", T), ("OccurredAt", I), ("ActorUserId", G), ("ActorName", T), ("ActorOrganisationId", G),
        ("PersonId", G), ("SubjectType", T), ("SubjectId", G), ("Summary", T), ("Reason", T), ("Data", T));
}
