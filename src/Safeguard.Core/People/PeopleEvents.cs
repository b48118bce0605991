using Safeguard.Core.Audit;

namespace Safeguard.Core.People;

// The person index's events. Each pair event is written on both records; the row's person is the record it is on.

/// <summary>Two records may be the same person: queued for review (found at intake or by the sweep).</summary>
public sealed record DuplicateQueued(Guid CandidateId, Guid PersonId, string PersonName, Guid OtherPersonId, string OtherName,
    double Score, DuplicateFoundBy FoundBy) : IEvent
{
    public static string Name => "person.duplicate-queued";

    public string Describe() => FoundBy == DuplicateFoundBy.Sweep
        ? $"Possible duplicate found by the sweep: {PersonName} and {OtherName} (score {Score:0.0})"
        : $"Possible duplicate queued for review: {PersonName} and {OtherName} (score {Score:0.0})";
}

/// <summary>A reviewer decided a possible duplicate is two different people (why: the event's reason).</summary>
public sealed record NotDuplicate(Guid CandidateId, Guid PersonId, Guid OtherPersonId) : IEvent
{
    public static string Name => "person.not-duplicate";

    public string Describe() => "Reviewed a possible duplicate: not the same person";
}

/// <summary>
/// Another record was merged into this one. <paramref name="Moved"/>: how many rows of each table moved to this record.
/// </summary>
public sealed record PersonMerged(Guid MergeId, Guid MergedPersonId, string MergedName, IReadOnlyDictionary<string, int> Moved) : IEvent
{
    public static string Name => "person.merged";

    public string Describe() => $"Record of {MergedName} merged into this record";
}

/// <summary>This record was merged into another (the survivor). <paramref name="Moved"/>: rows moved, by table.</summary>
public sealed record PersonMergedInto(Guid MergeId, Guid SurvivorId, string SurvivorName, IReadOnlyDictionary<string, int> Moved) : IEvent
{
    public static string Name => "person.merged-into";

    public string Describe() => $"Record merged into the record of {SurvivorName}";
}

/// <summary>Which record of a merge an event is on.</summary>
public enum MergeSide { Survivor, Merged }

/// <summary>A merge was undone; <paramref name="On"/>: which of the two records this event is on.</summary>
public sealed record PersonUnmerged(Guid MergeId, MergeSide On, Guid OtherPersonId, string OtherName) : IEvent
{
    public static string Name => "person.unmerged";

    public string Describe() => On == MergeSide.Survivor
        ? $"Merge undone: the record of {OtherName} is separate again"
        : $"Merge undone: this record is separate from {OtherName} again";
}
