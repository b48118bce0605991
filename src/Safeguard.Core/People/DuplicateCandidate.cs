
using Safeguard.Core.Data;
namespace Safeguard.Core.People;

public enum DuplicateStatus { Open, Merged, NotDuplicate }

public enum DuplicateFoundBy { Intake, Sweep }

/// <summary>
/// Two records that may be the same person, queued for a person to decide. The pair is stored in a fixed order
/// (smaller id first) so the same pair is only ever queued once.
/// </summary>
public sealed class DuplicateCandidate
{
    private DuplicateCandidate() { }

    public DuplicateCandidate(Guid a, Guid b, double score, string band, string explanationJson, DuplicateFoundBy foundBy, DateTimeOffset foundAt)
    {
        if (a == b) throw new ArgumentException("A duplicate pair needs two different people.", nameof(b));
        Id = NewId.Next();
        (PersonId1, PersonId2) = Order(a, b);
        Score = score;
        Band = band;
        Explanation = explanationJson;
        FoundBy = foundBy;
        FoundAt = foundAt;
        Status = DuplicateStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid PersonId1 { get; private set; }
    public Guid PersonId2 { get; private set; }
    public double Score { get; private set; }
    public string Band { get; private set; } = "";
    /// <summary>JSON array of the per-field explanation lines.</summary>
    public string Explanation { get; private set; } = "[]";
    public DuplicateStatus Status { get; private set; }
    public DuplicateFoundBy FoundBy { get; private set; }
    public DateTimeOffset FoundAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public Guid? ResolvedByUserId { get; private set; }
    public string? ResolvedByName { get; private set; }
    public string? Reason { get; private set; }
    public Guid? MergeId { get; private set; }


    public static (Guid, Guid) Order(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);

    public void MarkMerged(Guid mergeId, Security.Actor actor, string reason, DateTimeOffset at)
    {
        EnsureOpen();
        Status = DuplicateStatus.Merged;
        MergeId = mergeId;
        Resolve(actor, reason, at);
    }

    public void MarkNotDuplicate(Security.Actor actor, string reason, DateTimeOffset at)
    {
        EnsureOpen();
        Status = DuplicateStatus.NotDuplicate;
        Resolve(actor, reason, at);
    }

    /// <summary>An unmerge says the pair were not the same person after all.</summary>
    public void MarkUnmerged(Security.Actor actor, string reason, DateTimeOffset at)
    {
        if (Status != DuplicateStatus.Merged) throw new InvalidOperationException("Only a merged pair can be unmerged.");
        Status = DuplicateStatus.NotDuplicate;
        Resolve(actor, reason, at);
    }

    private void EnsureOpen()
    {
        if (Status != DuplicateStatus.Open) throw new InvalidOperationException("This pair has already been decided.");
    }

    private void Resolve(Security.Actor actor, string reason, DateTimeOffset at)
    {
        ResolvedAt = at;
        ResolvedByUserId = actor.UserId;
        ResolvedByName = actor.Name;
        Reason = reason.Trim();
    }
}

/// <summary>
/// A merge of one record into another, with every row that was moved so that it can be undone exactly.
/// </summary>
public sealed class PersonMerge
{
    private PersonMerge() { }

    public PersonMerge(Guid survivorId, Guid mergedId, Guid? duplicateCandidateId, string movedJson, Security.Actor actor, string reason, DateTimeOffset at)
    {
        Id = NewId.Next();
        SurvivorId = survivorId;
        MergedId = mergedId;
        DuplicateCandidateId = duplicateCandidateId;
        Moved = movedJson;
        MergedAt = at;
        MergedByUserId = actor.UserId;
        MergedByName = actor.Name;
        Reason = reason.Trim();
    }

    public Guid Id { get; private set; }
    public Guid SurvivorId { get; private set; }
    public Guid MergedId { get; private set; }
    public Guid? DuplicateCandidateId { get; private set; }
    /// <summary>JSON: table name → ids of the rows moved from the merged record to the survivor.</summary>
    public string Moved { get; private set; } = "{}";
    public DateTimeOffset MergedAt { get; private set; }
    public Guid? MergedByUserId { get; private set; }
    public string MergedByName { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTimeOffset? UnmergedAt { get; private set; }
    public Guid? UnmergedByUserId { get; private set; }
    public string? UnmergedByName { get; private set; }
    public string? UnmergeReason { get; private set; }

    public bool IsUndone => UnmergedAt is not null;

    public void Undo(Security.Actor actor, string reason, DateTimeOffset at)
    {
        if (IsUndone) throw new InvalidOperationException("This merge has already been undone.");
        UnmergedAt = at;
        UnmergedByUserId = actor.UserId;
        UnmergedByName = actor.Name;
        UnmergeReason = reason.Trim();
    }
}
