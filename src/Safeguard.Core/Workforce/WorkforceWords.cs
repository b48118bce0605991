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
        _ => "Other",
    };
}
