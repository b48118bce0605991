using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseWork;

public enum PlanKind { ChildInNeed, ChildProtection }

/// <summary>A child in need plan or a child protection plan.</summary>
public sealed class ChildPlan : IAudited
{
    private ChildPlan() { }

    public ChildPlan(Guid referralId, Guid personId, PlanKind kind, DateOnly startedOn, string? category)
    {
        Id = NewId.Next();
        ReferralId = referralId;
        PersonId = personId;
        Kind = kind;
        StartedOn = startedOn;
        Category = category;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid PersonId { get; private set; }
    public PlanKind Kind { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; set; }
    /// <summary>Child protection category: neglect, physical, emotional, sexual.</summary>
    public string? Category { get; private set; }

    Guid? IAudited.AuditPersonId => PersonId;
}
