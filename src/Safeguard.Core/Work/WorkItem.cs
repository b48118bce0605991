using Safeguard.Core.Data;

namespace Safeguard.Core.Work;

public enum WorkKind
{
    ScreeningDecision, ManagerConfirmation, ReferrerFeedback, Allocation, Assessment, Visit, Review, ReadNewInformation,
    AcceptAllocation, AgreedAction, CaseSupervision, PersonalSupervision, Reallocation, AssessmentAuthorisation, InitialConference,
    CoreGroup, ReviewConference, CarerCheck, StrategyDiscussion, ContactOnOpenCase,
    /// <summary>A pattern alert about a child to look into and acknowledge (Chronology/Patterns).</summary>
    PatternAlert,
    /// <summary>A concern raised with the director or a delegate, to answer (Escalations/).</summary>
    Escalation,
    /// <summary>A review recommendation to complete, with evidence, by its due date (Recommendations).</summary>
    Recommendation,
}

public enum Priority { ChildProtection = 1, Urgent = 2, Standard = 3 }

/// <summary>
/// One open piece of work: it always has an owner (a team tray or a worker), a priority and a due time from
/// the moment it exists. Trays, alerts, dashboards and returns all read these rows. Opened, changed and closed only
/// through <see cref="WorkItems"/>, which writes the events; every change moves <see cref="Version"/> on.
/// </summary>
public sealed class WorkItem
{
    private WorkItem() { }

    internal WorkItem(WorkKind kind, Guid subjectId, string title, Guid ownerTeamId, Priority priority,
        DateTimeOffset openedAt, DateTimeOffset dueAt, Guid? personId = null)
    {
        Id = NewId.Next();
        Kind = kind;
        SubjectId = subjectId;
        Title = title;
        OwnerTeamId = ownerTeamId;
        Priority = priority;
        OpenedAt = openedAt;
        DueAt = dueAt;
        PersonId = personId;
        Version = 1;
    }

    public Guid Id { get; private set; }
    public WorkKind Kind { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid? PersonId { get; private set; }
    public string Title { get; private set; } = "";
    public Guid OwnerTeamId { get; private set; }
    public Guid? OwnerUserId { get; private set; }
    public Priority Priority { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Optimistic concurrency token: of two changes saved at once from the same version, one is refused.</summary>
    public int Version { get; private set; }

    public bool IsOpen => ClosedAt is null;

    internal void AssignTo(Guid teamId, Guid? userId)
    {
        OwnerTeamId = teamId;
        OwnerUserId = userId;
        Version++;
    }

    internal void Retitle(string title)
    {
        Title = title;
        Version++;
    }

    /// <summary>A new priority, and the due time its clock gives.</summary>
    internal void ChangePriority(Priority priority, DateTimeOffset dueAt)
    {
        Priority = priority;
        DueAt = dueAt;
        Version++;
    }

    internal void Close(DateTimeOffset at)
    {
        if (ClosedAt is not null) throw new InvalidOperationException("This work item is already closed.");
        ClosedAt = at;
        Version++;
    }
}
