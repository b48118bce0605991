using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding;

/// <summary>A training course a demo account completed: days ago, and days from today until it expires (null: never).</summary>
internal sealed record DemoTraining(TrainingKind Kind, int CompletedDaysAgo, int? ExpiresInDays);

/// <summary>
/// A demo account's staff record. Dates are relative to the day the demo is seeded so the story stays the same
/// whenever it is: registration renewal, first day in practice, employment dates, line manager, training, absences.
/// </summary>
internal sealed record DemoStaffRecord(
    string Email,
    string? RegistrationNumber = null,
    int? RegistrationRenewsInDays = null,
    double? YearsInPractice = null,
    EmploymentKind Employment = EmploymentKind.Permanent,
    double YearsEmployed = 4,
    int? EmploymentEndsInDays = null,
    double FullTimeEquivalent = 1.0,
    string? Manager = null,
    DemoTraining[]? Training = null,
    (AbsenceKind Kind, int FromInDays, int ToInDays)[]? Absences = null,
    bool AnnualLeaveNextWeek = false)
{
    public bool IsQualified => YearsInPractice is not null;
}

/// <summary>
/// The demo council's staff records: who is registered, qualified, newly qualified, agency or leaving, who manages whom,
/// their training and their leave. What the journeys rely on: grace.lee holds current child protection training and
/// sam.okafor does not (so child protection work is refused for him); daniel.osei's registration lapses within 30 days;
/// fatima.begum is newly qualified; michael.obrien leaves in two weeks; fatima.begum is on leave next week;
/// sophie.turner works 0.6 of full time; ben.taylor and ravi.kumar are agency workers.
/// </summary>
internal static class DemoStaff
{
    private const string Domain = "@northbridge.example";

    private static DemoTraining[] CurrentChildProtection(int completedDaysAgo) =>
    [
        new(TrainingKind.SafeguardingFoundation, completedDaysAgo + 400, null),
        new(TrainingKind.ChildProtectionSection47, completedDaysAgo, 3 * 365 - completedDaysAgo),
        new(TrainingKind.ChildProtectionPlans, completedDaysAgo + 20, 3 * 365 - completedDaysAgo - 20),
    ];

    public static readonly IReadOnlyList<DemoStaffRecord> All =
    [
        // Front door.
        new("jo.bennett" + Domain, "SW104417", 214, 16, Manager: "helen.price" + Domain, Training: CurrentChildProtection(300)),
        new("priya.shah" + Domain, "SW118260", 151, 6, Manager: "jo.bennett" + Domain, Training: CurrentChildProtection(200)),
        new("tom.evans" + Domain, YearsEmployed: 2, Manager: "jo.bennett" + Domain,
            Training: [new(TrainingKind.SafeguardingFoundation, 500, null)]),

        // Assessment team (Martin Hughes).
        new("martin.hughes" + Domain, "SW100234", 271, 18, YearsEmployed: 9, Manager: "helen.price" + Domain,
            Training: CurrentChildProtection(410)),
        new("sam.okafor" + Domain, "SW112983", 183, 3.5, YearsEmployed: 3, Manager: "martin.hughes" + Domain,
            // No current child protection training: his section 47 course lapsed and he has not done the plans course.
            Training:
            [
                new(TrainingKind.SafeguardingFoundation, 1100, null),
                new(TrainingKind.ChildProtectionSection47, 1150, -60),
                new(TrainingKind.LookedAfterChildren, 420, 675),
            ]),
        new("hannah.wright" + Domain, "SW106551", 302, 11, YearsEmployed: 7, Manager: "martin.hughes" + Domain,
            Training: [.. CurrentChildProtection(150), new(TrainingKind.LookedAfterChildren, 700, 395)]),
        new("daniel.osei" + Domain, "SW115074", 19, 5, YearsEmployed: 4, Manager: "martin.hughes" + Domain,
            Training: CurrentChildProtection(500),
            Absences: [(AbsenceKind.Sickness, -205, -150)]),
        new("fatima.begum" + Domain, "SW131208", 336, 0.35, YearsEmployed: 0.35, Manager: "martin.hughes" + Domain,
            Training: [new(TrainingKind.SafeguardingFoundation, 120, null)], AnnualLeaveNextWeek: true),
        new("ben.taylor" + Domain, "SW109932", 122, 8, EmploymentKind.Agency, 1.2, EmploymentEndsInDays: 152,
            Manager: "martin.hughes" + Domain,
            Training: [.. CurrentChildProtection(250), new(TrainingKind.CourtSkills, 600, 495)]),
        new("leah.brown" + Domain, YearsEmployed: 5, Manager: "martin.hughes" + Domain,
            Training: [new(TrainingKind.SafeguardingFoundation, 800, null)]),

        // Child protection team (Chloe Adams).
        new("chloe.adams" + Domain, "SW102871", 245, 15, YearsEmployed: 6, Manager: "helen.price" + Domain,
            Training: [.. CurrentChildProtection(330), new(TrainingKind.CourtSkills, 900, 195)]),
        new("grace.lee" + Domain, "SW108046", 197, 9, YearsEmployed: 5, Manager: "chloe.adams" + Domain,
            Training: [.. CurrentChildProtection(180), new(TrainingKind.CourtSkills, 400, 695), new(TrainingKind.LookedAfterChildren, 380, 715)]),
        new("sophie.turner" + Domain, "SW110395", 288, 12, YearsEmployed: 8, FullTimeEquivalent: 0.6, Manager: "chloe.adams" + Domain,
            Training: [.. CurrentChildProtection(90), new(TrainingKind.CourtSkills, 300, 795)]),
        new("ravi.kumar" + Domain, "SW121467", 164, 4, EmploymentKind.Agency, 0.7, EmploymentEndsInDays: 95,
            Manager: "chloe.adams" + Domain,
            // Child protection training current, but the section 47 course lapses within 30 days.
            Training:
            [
                new(TrainingKind.SafeguardingFoundation, 900, null),
                new(TrainingKind.ChildProtectionSection47, 1075, 20),
                new(TrainingKind.ChildProtectionPlans, 300, 795),
            ]),
        new("michael.obrien" + Domain, "SW107718", 230, 7, YearsEmployed: 5, EmploymentEndsInDays: 14, Manager: "chloe.adams" + Domain,
            Training: CurrentChildProtection(220)),

        // Managers and others.
        new("helen.price" + Domain, "SW101190", 258, 22, YearsEmployed: 11, Manager: "omar.farouk" + Domain,
            Training: CurrentChildProtection(380)),
        new("omar.farouk" + Domain, "SW100587", 206, 25, YearsEmployed: 6, Manager: "david.clarke" + Domain),
        new("david.clarke" + Domain, YearsEmployed: 3),
        new("ruth.morgan" + Domain, "SW103342", 177, 20, YearsEmployed: 10, Manager: "omar.farouk" + Domain,
            Training: CurrentChildProtection(260)),
        new("nina.patel" + Domain, YearsEmployed: 4, Manager: "omar.farouk" + Domain),
        new("alex.admin" + Domain, YearsEmployed: 2, Manager: "helen.price" + Domain),
    ];

    /// <summary>Fills in <paramref name="user"/>'s staff record (the line manager is set afterwards, once every account exists).</summary>
    public static void Apply(StaffUser user, DemoStaffRecord record, DateOnly today)
    {
        user.SocialWorkEnglandNumber = record.RegistrationNumber;
        user.RegistrationRenewsOn = record.RegistrationRenewsInDays is { } renews ? today.AddDays(renews) : null;
        user.IsQualified = record.IsQualified;
        user.PracticeStartedOn = record.YearsInPractice is { } years ? today.AddDays(-(int)Math.Round(years * 365)) : null;
        user.Employment = record.Employment;
        user.EmploymentStartsOn = today.AddDays(-(int)Math.Round(record.YearsEmployed * 365));
        user.EmploymentEndsOn = record.EmploymentEndsInDays is { } ends ? today.AddDays(ends) : null;
        user.FullTimeEquivalent = record.FullTimeEquivalent;
    }

    /// <summary>The training records and absences of <paramref name="record"/>'s account.</summary>
    public static (IEnumerable<TrainingRecord> Training, IEnumerable<StaffAbsence> Absences) RecordsOf(Guid userId, DemoStaffRecord record,
        DateOnly today)
    {
        var training = (record.Training ?? []).Select(t => new TrainingRecord(userId, t.Kind, today.AddDays(-t.CompletedDaysAgo),
            t.ExpiresInDays is { } expires ? today.AddDays(expires) : null));
        var absences = (record.Absences ?? []).Select(a => new StaffAbsence(userId, a.Kind, today.AddDays(a.FromInDays), today.AddDays(a.ToInDays)));
        if (record.AnnualLeaveNextWeek)
        {
            var monday = NextMonday(today);
            absences = absences.Append(new StaffAbsence(userId, AbsenceKind.AnnualLeave, monday, monday.AddDays(4)));
        }
        return (training, absences);
    }

    /// <summary>Next week's Monday.</summary>
    public static DateOnly NextMonday(DateOnly today)
    {
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }
}
