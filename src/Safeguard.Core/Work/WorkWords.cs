namespace Safeguard.Core.Work;

/// <summary>The words people see for kinds of work and priorities.</summary>
public static class WorkWords
{
    public static string Words(this Priority priority) => priority switch
    {
        Priority.ChildProtection => "Child protection",
        Priority.Urgent => "Urgent",
        Priority.Standard => "Standard",
        _ => "Unknown",
    };

    public static string Words(this WorkKind kind) => kind switch
    {
        WorkKind.ScreeningDecision => "Screening decision",
        WorkKind.ManagerConfirmation => "Manager confirmation",
        WorkKind.ReferrerFeedback => "Feedback to the referrer",
        WorkKind.Allocation => "Allocation",
        WorkKind.Assessment => "Assessment",
        WorkKind.Visit => "Visit",
        WorkKind.Review => "Review",
        WorkKind.ReadNewInformation => "Read new information",
        _ => "Unknown",
    };

    /// <summary>A heading for a group of open work of one kind, as on the backlog board.</summary>
    public static string GroupHeading(this WorkKind kind) => kind switch
    {
        WorkKind.ScreeningDecision => "Contacts waiting for a decision",
        WorkKind.ManagerConfirmation => "Decisions waiting for a manager",
        WorkKind.Allocation => "Referrals waiting for allocation",
        WorkKind.ReferrerFeedback => "Feedback to referrers not sent",
        WorkKind.Assessment => "Assessments in progress",
        WorkKind.Visit => "Visits due",
        WorkKind.Review => "Reviews due",
        WorkKind.ReadNewInformation => "New information from referrers not yet read",
        _ => "Other work",
    };
}
