using Safeguard.Core.Audit;

namespace Safeguard.Core.Work;

/// <summary>A piece of work was put on a tray, with its owner, priority and due time.</summary>
public sealed record WorkOpened(Guid WorkItemId, WorkKind Kind, Guid SubjectId, string Title, Guid OwnerTeamId, Priority Priority,
    DateTimeOffset DueAt) : IEvent
{
    public static string Name => "work.opened";

    public string Describe() => $"{Kind.Words()} opened: {Title} ({Priority.Words().ToLowerInvariant()})";
}

/// <summary>A piece of work was given to another team or worker.</summary>
public sealed record WorkReassigned(Guid WorkItemId, WorkKind Kind, string Title, Guid OwnerTeamId, Guid? OwnerUserId) : IEvent
{
    public static string Name => "work.reassigned";

    public string Describe() => OwnerUserId is null ? $"{Title}: given to a team tray" : $"{Title}: given to a worker";
}

/// <summary>A piece of work's priority changed, and with it the due time its clock gives.</summary>
public sealed record WorkReprioritised(Guid WorkItemId, WorkKind Kind, string Title, Priority From, Priority To, DateTimeOffset DueAt) : IEvent
{
    public static string Name => "work.reprioritised";

    public string Describe() => $"{Title}: priority changed from {From.Words().ToLowerInvariant()} to {To.Words().ToLowerInvariant()}";
}

/// <summary>A piece of work's title changed (e.g. to say new information was added).</summary>
public sealed record WorkRetitled(Guid WorkItemId, WorkKind Kind, string From, string To) : IEvent
{
    public static string Name => "work.retitled";

    public string Describe() => $"Work renamed: {To}";
}

/// <summary>A piece of work was done (or is no longer needed) and left the trays.</summary>
public sealed record WorkClosed(Guid WorkItemId, WorkKind Kind, string Title) : IEvent
{
    public static string Name => "work.closed";

    public string Describe() => $"{Kind.Words()} closed: {Title}";
}
