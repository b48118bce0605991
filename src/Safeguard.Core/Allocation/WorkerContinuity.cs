namespace Safeguard.Core.Allocation;

/// <summary>
/// How many workers a child has had, kept so that the service-level list of children with many workers
/// (<see cref="ManyWorkersRule"/>) is one indexed read. A row exists for each child who has ever had
/// <see cref="ManyWorkersRule.Workers"/> or more different workers. Each worker is "seen until" the end of their latest
/// allocation of the child (or now, while it is open); the child has had that many workers in the window exactly when
/// the worker ranked <see cref="ManyWorkersRule.Workers"/> by that date was seen on or after the window's start. Kept by
/// <see cref="CaseloadFacts"/> whenever a child's allocations change.
/// </summary>
public sealed class WorkerContinuity
{
    private WorkerContinuity() { }

    internal WorkerContinuity(Guid personId) => PersonId = personId;

    public Guid PersonId { get; private set; }

    /// <summary>Until when the child had the worker ranked <see cref="ManyWorkersRule.Workers"/> by last seen; null while they still hold the case.</summary>
    public DateTimeOffset? NthWorkerSeenUntil { get; internal set; }

    /// <summary>When the child's latest allocation was made (the list shows the most recent change of worker first).</summary>
    public DateTimeOffset LatestAllocatedAt { get; internal set; }
}
