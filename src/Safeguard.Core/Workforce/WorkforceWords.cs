namespace Safeguard.Core.Workforce;

/// <summary>The words people see for kinds of organisation and team.</summary>
public static class WorkforceWords
{
    public static string Words(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.LocalAuthority => "Local authority",
        OrganisationKind.Police => "Police",
        OrganisationKind.Health => "Health",
        OrganisationKind.Education => "Education",
        OrganisationKind.Voluntary => "Voluntary sector",
        _ => "Other",
    };

    public static string Words(this TeamKind kind) => kind switch
    {
        TeamKind.FrontDoor => "Front door",
        TeamKind.Assessment => "Assessment",
        TeamKind.ChildInNeed => "Child in need",
        TeamKind.ChildProtection => "Child protection",
        TeamKind.EarlyHelp => "Early help",
        TeamKind.Conference => "Conference and review",
        TeamKind.Leadership => "Leadership",
        _ => "Other",
    };
}

/// <summary>The words people see for staff records.</summary>
public static class StaffWords
{
    public static string Words(this EmploymentKind kind) => kind switch
    {
        EmploymentKind.Permanent => "Permanent",
        EmploymentKind.Agency => "Agency",
        _ => "Other",
    };

    public static string Words(this TrainingKind kind) => kind switch
    {
        TrainingKind.ChildProtectionSection47 => "Child protection: section 47 enquiries",
        TrainingKind.ChildProtectionPlans => "Child protection: plans and conferences",
        TrainingKind.CourtSkills => "Court skills: care proceedings",
        TrainingKind.LookedAfterChildren => "Children looked after",
        TrainingKind.SafeguardingFoundation => "Safeguarding foundation",
        _ => "Other",
    };

    public static string Words(this AbsenceKind kind) => kind switch
    {
        AbsenceKind.AnnualLeave => "Annual leave",
        AbsenceKind.Sickness => "Sick leave",
        AbsenceKind.Training => "Training",
        _ => "Away",
    };

    public static string Words(this CaseKind kind) => kind switch
    {
        CaseKind.ChildInNeed => "Child in need",
        CaseKind.ChildProtection => "Child protection",
        CaseKind.LookedAfter => "Child looked after",
        CaseKind.Court => "Court proceedings",
        _ => "Other",
    };
}
