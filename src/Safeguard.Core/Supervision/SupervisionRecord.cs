using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.Supervision;

/// <summary>Case supervision (one child's case) or personal supervision (the worker: wellbeing, caseload, training).</summary>
public enum SupervisionKind { Case, Personal }

/// <summary>
/// A supervision session, recorded by the supervisor. Case supervision: the case discussed, reflection, analysis of
/// risk and decisions. Personal supervision: wellbeing, caseload and training. The actions agreed in either are work
/// items (subject: this record). Not edited once recorded: a correction is a new record.
/// </summary>
public sealed class SupervisionRecord : IAudited
{
    private SupervisionRecord() { }

    public SupervisionRecord(SupervisionKind kind, Guid workerId, Guid supervisorId, DateTimeOffset heldAt, Guid? personId, Guid? allocationId)
    {
        Id = NewId.Next();
        Kind = kind;
        WorkerId = workerId;
        SupervisorId = supervisorId;
        HeldAt = heldAt;
        PersonId = personId;
        AllocationId = allocationId;
    }

    public Guid Id { get; private set; }
    public SupervisionKind Kind { get; private set; }
    public Guid WorkerId { get; private set; }
    public Guid SupervisorId { get; private set; }
    public DateTimeOffset HeldAt { get; private set; }

    /// <summary>The child whose case was discussed (case supervision).</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>The allocation the case was held under (case supervision).</summary>
    public Guid? AllocationId { get; private set; }

    public string? Reflection { get; set; }
    public string? RiskAnalysis { get; set; }
    public string? Decisions { get; set; }
    public string? Wellbeing { get; set; }
    public string? Caseload { get; set; }
    public string? Training { get; set; }

    Guid? IAudited.AuditPersonId => PersonId;
}
