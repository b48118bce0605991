using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseWork;

public enum PlanKind { ChildInNeed, ChildProtection }

/// <summary>
/// A child in need plan or a child protection plan. A child protection plan starts at an initial conference and ends at
/// a review conference, with a reason (Safeguard.Core.Conferences); its latest category may change at a review.
/// </summary>
public sealed class ChildPlan : IAudited, IVersioned
{
    private ChildPlan() { }

    public ChildPlan(Guid referralId, Guid personId, PlanKind kind, DateOnly startedOn, string? category, int number = 1)
    {
        Id = NewId.Next();
        ReferralId = referralId;
        PersonId = personId;
        Kind = kind;
        StartedOn = startedOn;
        Category = category;
        InitialCategory = category;
        Number = number;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid PersonId { get; private set; }
    public PlanKind Kind { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; set; }
    /// <summary>Child protection: the latest category of abuse (neglect, physical, emotional, sexual, multiple).</summary>
    public string? Category { get; private set; }
    /// <summary>Child protection: the category decided at the initial conference.</summary>
    public string? InitialCategory { get; private set; }
    /// <summary>Why the plan ended (a review conference's reason).</summary>
    public string? EndReason { get; private set; }
    /// <summary>Which plan of its kind this is for the child: 2 for a second child protection plan.</summary>
    public int Number { get; private set; } = 1;
    public int Version { get; private set; } = 1;

    public bool IsOpen => EndedOn is null;

    public void Recategorise(string category) => Category = category;

    public void End(DateOnly on, string reason)
    {
        if (EndedOn is not null) throw new InvalidOperationException("This plan has already ended.");
        if (on < StartedOn) throw new ArgumentOutOfRangeException(nameof(on), "A plan cannot end before it started.");
        EndedOn = on;
        EndReason = reason;
    }

    Guid? IAudited.AuditPersonId => PersonId;
}
