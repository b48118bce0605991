using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.Arrangements;

/// <summary>The checks on a connected person before a child stays with them (Children Act 1989 s22C; Care Planning Regulations 2010 reg 24).</summary>
public enum CarerCheckKind { PoliceAndDbs, HomeVisit, LocalAuthorityRecords, References }

public enum ArrangementStatus { Proposed, Agreed }

/// <summary>
/// A child staying with a relative or family friend under a safety plan: who, from when, and the checks on them. Agreed
/// by the worker once every check is done, or by a manager with a reason while some are missing (each missing check stays
/// open as work until done).
/// </summary>
public sealed class CarerArrangement : IAudited, IVersioned
{
    private CarerArrangement() { }

    public CarerArrangement(Guid personId, Guid referralId, string carerName, string relationship, string address, DateOnly from, Guid proposedBy)
    {
        Id = NewId.Next();
        PersonId = personId;
        ReferralId = referralId;
        CarerName = carerName;
        Relationship = relationship;
        Address = address;
        From = from;
        ProposedBy = proposedBy;
        Status = ArrangementStatus.Proposed;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid ReferralId { get; private set; }
    public string CarerName { get; private set; } = "";
    /// <summary>How the carer is connected to the child: "maternal grandmother", "family friend".</summary>
    public string Relationship { get; private set; } = "";
    public string Address { get; private set; } = "";
    /// <summary>When the child is to stay with them from.</summary>
    public DateOnly From { get; private set; }
    public Guid ProposedBy { get; private set; }
    public ArrangementStatus Status { get; private set; }
    public DateTimeOffset? AgreedAt { get; private set; }
    public Guid? AgreedBy { get; private set; }
    /// <summary>Why a manager agreed it with checks still missing.</summary>
    public string? MissingChecksReason { get; private set; }
    public int Version { get; private set; } = 1;

    public void Agree(DateTimeOffset at, Guid by, string? missingChecksReason)
    {
        if (Status == ArrangementStatus.Agreed) throw new InvalidOperationException("This arrangement is already agreed.");
        Status = ArrangementStatus.Agreed;
        AgreedAt = at;
        AgreedBy = by;
        MissingChecksReason = missingChecksReason;
    }

    Guid? IAudited.AuditPersonId => PersonId;
}

/// <summary>One check on a connected person: done when it has a completion date and what it found.</summary>
public sealed class CarerCheck
{
    private CarerCheck() { }

    public CarerCheck(Guid arrangementId, CarerCheckKind kind)
    {
        Id = NewId.Next();
        ArrangementId = arrangementId;
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public Guid ArrangementId { get; private set; }
    public CarerCheckKind Kind { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? Findings { get; private set; }
    public Guid? RecordedBy { get; private set; }

    public bool IsDone => CompletedOn is not null;

    public void Complete(DateOnly on, string findings, Guid by)
    {
        CompletedOn = on;
        Findings = findings;
        RecordedBy = by;
    }
}
