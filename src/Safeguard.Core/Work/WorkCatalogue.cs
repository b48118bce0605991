using System.Collections.Frozen;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Work;

/// <summary>Who owns a new item of a kind unless the code that opens it says otherwise.</summary>
public enum WorkOwner
{
    /// <summary>The front door (MASH) team's tray.</summary>
    FrontDoorTeam,

    /// <summary>The team a decision sent the child's case to (assessment, or child protection for a strategy discussion).</summary>
    ReceivingTeam,

    /// <summary>The worker who holds the child's case, on their team's tray.</summary>
    AllocatedWorker,

    /// <summary>The team manager of the worker or team concerned (e.g. a leaver's cases to reallocate).</summary>
    TeamManager,

    /// <summary>The director, or the delegate the director named, chosen by whoever raised the escalation (on the leadership team's tray).</summary>
    Director,
    /// <summary>The member of staff named as its owner (a review recommendation's), on their team's tray.</summary>
    NamedOwner,
}

/// <summary>
/// When an item of a kind is due: its rule from <c>Timescales/</c>, run from <paramref name="from"/> (when the clock
/// starts, e.g. when the contact was received) at the item's <paramref name="priority"/>.
/// </summary>
public delegate DateTimeOffset WorkClockRule(WorkClocks clocks, DateTimeOffset from, Priority priority);

/// <summary>The clocks a kind's rule may run on: the working-day calendar and the configured screening clock.</summary>
public sealed class WorkClocks(IWorkingDayCalendar calendar, ScreeningDecisionClock screening)
{
    public WorkClocks(IWorkingDayCalendar calendar) : this(calendar, new ScreeningDecisionClock(calendar)) { }

    public WorkClocks(ScreeningDecisionClock screening) : this(screening.Calendar, screening) { }

    public IWorkingDayCalendar Calendar => calendar;

    public ScreeningDecisionClock Screening => screening;
}

/// <summary>An open item past its due time, as a late-work alert describes it.</summary>
/// <param name="Title">The item's title.</param>
/// <param name="Late">How late it is, in words ("26 hours").</param>
/// <param name="ContactReference">The contact's reference when the item's subject is a contact.</param>
/// <param name="ReferrerName">Who made that contact.</param>
/// <param name="Children">The children the contact is about, or "a child".</param>
public sealed record LateWork(string Title, string Late, string? ContactReference, string? ReferrerName, string Children);

/// <summary>That a kind alerts the owning team's managers when late: the alert's kind, its title and its message.</summary>
public sealed record LateAlert(AlertKind Kind, string Title, Func<LateWork, string> Message);

/// <summary>
/// One kind of work: the words people see, when it is due, who owns it, whether a manager is alerted when it is late,
/// and whether (and where: the catalogue's order) it shows on the backlog board.
/// </summary>
public sealed record WorkKindEntry(
    WorkKind Kind,
    string Words,
    string GroupHeading,
    WorkOwner Owner,
    string ClockWords,
    WorkClockRule Due,
    LateAlert? WhenLate = null,
    bool OnBacklogBoard = false);

/// <summary>
/// Every kind of open work, in one place. Adding a kind of work is a <see cref="WorkKind"/> value, one entry here and
/// its rule in <c>Timescales/</c>: the service that opens items, the overdue sweep, the trays and the backlog board
/// read this. The order of the entries is the backlog board's order.
/// </summary>
public static class WorkCatalogue
{
    public static readonly IReadOnlyList<WorkKindEntry> All =
    [
        new(WorkKind.ScreeningDecision, "Screening decision", "Contacts waiting for a decision", WorkOwner.FrontDoorTeam,
            "One working day from receipt; urgent and child protection by the end of the working day",
            (c, from, priority) => c.Screening.DecisionDue(from, priority),
            new LateAlert(AlertKind.ContactOverdue, "contact not decided in time",
                w => $"Contact {w.ContactReference} about {w.Children} is {w.Late} late for a screening decision"),
            OnBacklogBoard: true),
        // Runs on the screening's own clock (started at receipt): a late screening stays late.
        new(WorkKind.ManagerConfirmation, "Manager confirmation", "Decisions waiting for a manager", WorkOwner.FrontDoorTeam,
            "When the screening decision was due",
            (c, from, priority) => c.Screening.DecisionDue(from, priority),
            OnBacklogBoard: true),
        new(WorkKind.Allocation, "Allocation", "Referrals waiting for allocation", WorkOwner.ReceivingTeam,
            "One working day from the decision",
            (c, from, _) => c.Calendar.AllocationDue(from),
            new LateAlert(AlertKind.AllocationOverdue, "referral not allocated in time", w => $"{w.Title}: allocation is {w.Late} late"),
            OnBacklogBoard: true),
        new(WorkKind.ReferrerFeedback, "Feedback to the referrer", "Feedback to referrers not sent", WorkOwner.FrontDoorTeam,
            "48 hours from receipt",
            (_, from, _) => TimeLimits.ReferrerFeedbackDue(from),
            new LateAlert(AlertKind.FeedbackOverdue, "referrer not told the outcome in time",
                w => $"Feedback to {w.ReferrerName} on contact {w.ContactReference} about {w.Children} is {w.Late} late"),
            OnBacklogBoard: true),
        new(WorkKind.ReadNewInformation, "Read new information", "New information from referrers not yet read", WorkOwner.FrontDoorTeam,
            "One working day from receipt",
            (c, from, _) => c.Calendar.NewInformationReadDue(from),
            new LateAlert(AlertKind.InformationUnread, "new information from a referrer not read in time", w => $"{w.Title}: not read, {w.Late} late"),
            OnBacklogBoard: true),
        new(WorkKind.ContactOnOpenCase, "New contact on an open case", "New contacts on open cases not yet read by their worker", WorkOwner.AllocatedWorker,
            "One working day from receipt",
            (c, from, _) => c.Calendar.NewInformationReadDue(from),
            new LateAlert(AlertKind.ContactOnOpenCaseUnread, "new contact about an open case not read by its worker in time", w => $"{w.Title}: not read, {w.Late} late"),
            OnBacklogBoard: true),
        new(WorkKind.Assessment, "Assessment", "Assessments in progress", WorkOwner.AllocatedWorker,
            "45 working days from the referral",
            (c, from, _) => c.Calendar.AssessmentDue(from),
            new LateAlert(AlertKind.AssessmentOverdue, "child and family assessment late", w => $"{w.Title}: {w.Late} late")),
        new(WorkKind.AssessmentAuthorisation, "Authorise an assessment", "Assessments waiting for authorisation", WorkOwner.TeamManager,
            "Two working days from completion",
            (c, from, _) => c.Calendar.AssessmentAuthorisationDue(from),
            new LateAlert(AlertKind.AssessmentNotAuthorised, "completed assessment not authorised in time", w => $"{w.Title}: {w.Late} late"),
            OnBacklogBoard: true),
        new(WorkKind.StrategyDiscussion, "Strategy discussion", "Strategy discussions to hold", WorkOwner.ReceivingTeam,
            "One working day from the screening decision",
            (c, from, _) => c.Calendar.StrategyDiscussionDue(from),
            new LateAlert(AlertKind.StrategyDiscussionOverdue, "strategy discussion not held in time", w => $"{w.Title}: {w.Late} late"),
            OnBacklogBoard: true),
        new(WorkKind.InitialConference, "Initial child protection conference", "Initial conferences due", WorkOwner.AllocatedWorker,
            "15 working days from the strategy discussion (the latest in the enquiry)",
            (c, from, _) => c.Calendar.InitialConferenceDue(from),
            new LateAlert(AlertKind.InitialConferenceOverdue, "initial child protection conference late", w => $"{w.Title}: {w.Late} late"),
            OnBacklogBoard: true),
        new(WorkKind.CoreGroup, "First core group meeting", "First core groups due", WorkOwner.AllocatedWorker,
            "10 working days from the initial conference",
            (c, from, _) => c.Calendar.FirstCoreGroupDue(from),
            new LateAlert(AlertKind.CoreGroupOverdue, "first core group meeting late", w => $"{w.Title}: {w.Late} late"),
            OnBacklogBoard: true),
        // The date comes from ReviewConferenceDueRule when the plan starts or is reviewed; the item falls due at its end.
        new(WorkKind.ReviewConference, "Review child protection conference", "Review conferences due", WorkOwner.AllocatedWorker,
            "Within 3 months of the initial conference, then at most 6 months after the last review",
            (_, from, _) => from,
            new LateAlert(AlertKind.ReviewConferenceOverdue, "review child protection conference late", w => $"{w.Title}: {w.Late} late"),
            OnBacklogBoard: true),
        // The date comes from ProtectionVisitDueRule (its cycle a setting) when the plan starts or the child is seen.
        new(WorkKind.Visit, "Visit", "Visits due", WorkOwner.AllocatedWorker,
            "Every 10 working days (settings: Visits) while the child is on a child protection plan",
            (_, from, _) => from,
            new LateAlert(AlertKind.VisitOverdue, "visit to a child on a plan late", w => $"{w.Title}: {w.Late} late"),
            OnBacklogBoard: true),
        // The day comes from the arrangement: the end of the day before the child is to stay with the connected person.
        new(WorkKind.CarerCheck, "Connected person check", "Connected person checks outstanding", WorkOwner.AllocatedWorker,
            "Before the child stays with the relative or family friend",
            (_, from, _) => from,
            new LateAlert(AlertKind.CarerCheckOverdue, "connected person check not done before the child's stay", w => $"{w.Title}: {w.Late} late"),
            OnBacklogBoard: true),
        // The date comes from ChildInNeedReviewDueRule (its cycle a setting) when the plan starts or is reviewed.
        new(WorkKind.Review, "Child in need plan review", "Child in need plan reviews due", WorkOwner.AllocatedWorker,
            "Every 3 months (settings: Visits) while the child has a child in need plan",
            (_, from, _) => from,
            new LateAlert(AlertKind.ChildInNeedReviewOverdue, "child in need plan review late", w => $"{w.Title}: {w.Late} late"),
            OnBacklogBoard: true),
        new(WorkKind.AcceptAllocation, "Accept a new case", "Allocated, not yet accepted", WorkOwner.AllocatedWorker,
            "One working day from allocation",
            (c, from, _) => c.Calendar.AllocationAcceptanceDue(from),
            new LateAlert(AlertKind.AllocationNotAccepted, "allocated case not accepted in time", w => $"{w.Title}: not accepted, {w.Late} late"),
            OnBacklogBoard: true),
        new(WorkKind.AgreedAction, "Agreed action", "Agreed actions due", WorkOwner.AllocatedWorker,
            "The day agreed in the discussion or supervision",
            (_, from, _) => from),
        new(WorkKind.CaseSupervision, "Case supervision", "Case supervision due", WorkOwner.AllocatedWorker,
            "Within 10 working days of allocation, then on the cycle for the kind of case (settings: Supervision)",
            (_, from, _) => from),
        new(WorkKind.PersonalSupervision, "Personal supervision", "Personal supervision due", WorkOwner.AllocatedWorker,
            "On the personal supervision cycle (settings: Supervision)",
            (_, from, _) => from),
        // The managers' alert is raised with the item, not when it is late; it stays open while the item does.
        new(WorkKind.PatternAlert, "Pattern alert", "Pattern alerts to acknowledge", WorkOwner.AllocatedWorker,
            "One working day from the alert; the front door team's when nobody holds the case",
            (c, from, _) => c.Calendar.PatternAlertDue(from),
            new LateAlert(AlertKind.PatternFound, "pattern found in a child's record", w => $"{w.Title}: not acknowledged, {w.Late} late"),
            OnBacklogBoard: true),
        new(WorkKind.Reallocation, "Reallocate a case", "Cases to reallocate", WorkOwner.TeamManager,
            "Before the worker's leaving date; at once when their registration or training lapses",
            (_, from, _) => from,
            OnBacklogBoard: true),
        // The date comes from EscalationResponseDueRule (its working days a setting: Escalations). No late alert: alerts go
        // to the owning team's managers, and an escalation is for the director and delegate alone (docs/escalations.md).
        new(WorkKind.Escalation, "Escalation to the director", "Escalations waiting for an answer", WorkOwner.Director,
            "5 working days from when it was raised (settings: Escalations)",
            (_, from, _) => from),
        // The time comes from RecommendationDueRule: the end of the working day of the date the recommendation is due.
        new(WorkKind.Recommendation, "Review recommendation", "Review recommendations due", WorkOwner.NamedOwner,
            "The end of the working day of its due date",
            (_, from, _) => from,
            new LateAlert(AlertKind.RecommendationOverdue, "review recommendation overdue", w => $"{w.Title}: not completed, {w.Late} late")),
    ];

    private static readonly FrozenDictionary<WorkKind, WorkKindEntry> ByKind = All.ToFrozenDictionary(e => e.Kind);

    /// <summary>The entry for <paramref name="kind"/>; throws for a kind with none (a test checks every kind has one).</summary>
    public static WorkKindEntry For(WorkKind kind) =>
        ByKind.TryGetValue(kind, out var entry) ? entry : throw new ArgumentOutOfRangeException(nameof(kind), kind, "This kind of work has no catalogue entry.");

    public static WorkKindEntry? Find(WorkKind kind) => ByKind.GetValueOrDefault(kind);

    /// <summary>The kinds shown on the backlog board, in its order.</summary>
    public static readonly IReadOnlyList<WorkKind> BacklogKinds = All.Where(e => e.OnBacklogBoard).Select(e => e.Kind).ToArray();

    /// <summary>The kinds that alert a manager when late, each with its alert.</summary>
    public static readonly IReadOnlyList<(WorkKind Kind, LateAlert Alert)> Alerting =
        All.Where(e => e.WhenLate is not null).Select(e => (e.Kind, e.WhenLate!)).ToArray();

    /// <summary>The late-work alert of kind <paramref name="alert"/>, or null when it is not about work items.</summary>
    public static LateAlert? AlertOf(AlertKind alert) => Alerting.Select(a => a.Alert).FirstOrDefault(a => a.Kind == alert);
}
