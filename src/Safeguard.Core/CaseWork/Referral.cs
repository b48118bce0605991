using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseWork;

public enum ReferralStatus { AwaitingAllocation, Allocated, Closed }

/// <summary>A referral accepted by children's social care: the start of a CIN episode for one child.</summary>
public sealed class Referral : IAudited, IVersioned
{
    private Referral() { }

    public Referral(Guid personId, Guid? contactId, DateOnly referralDate, string sourceCode, Guid teamId)
    {
        Id = NewId.Next();
        PersonId = personId;
        ContactId = contactId;
        ReferralDate = referralDate;
        SourceCode = sourceCode;
        TeamId = teamId;
        Status = ReferralStatus.AwaitingAllocation;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid? ContactId { get; private set; }
    public DateOnly ReferralDate { get; private set; }
    /// <summary>CIN census referral source code (1A..10).</summary>
    public string SourceCode { get; private set; } = "";
    /// <summary>CIN census primary need code (N0..N9): the main reason the child is in need, once assessed.</summary>
    public string? PrimaryNeedCode { get; set; }
    public Guid TeamId { get; private set; }
    /// <summary>Who holds the case: set only by an allocation after a recorded discussion (Allocation/Allocations.cs) and by seeding.</summary>
    public Guid? AllocatedWorkerId { get; internal set; }
    public ReferralStatus Status { get; internal set; }
    public DateOnly? ClosedOn { get; internal set; }
    /// <summary>CIN census reason for closure (RC1..RC9).</summary>
    public string? ClosureReason { get; internal set; }
    /// <summary>Why the case closed, in the manager's words.</summary>
    public string? ClosureSummary { get; private set; }
    /// <summary>The child's previous case closed within 12 months before this referral (<see cref="ReReferralRule"/>).</summary>
    public bool IsReReferral { get; set; }
    public int Version { get; private set; } = 1;

    /// <summary>
    /// Its worker's employment ended while they held it: nobody holds it now and it waits for allocation again (and a new
    /// recorded discussion). Never the other way round: only the allocation service gives a referral a worker.
    /// </summary>
    internal void ReturnToAllocation()
    {
        Status = ReferralStatus.AwaitingAllocation;
        AllocatedWorkerId = null;
    }

    /// <summary>Closes the case (the CIN episode) on <paramref name="on"/> with a CIN reason for closure.</summary>
    public void Close(DateOnly on, string reasonCode, string summary)
    {
        if (Status == ReferralStatus.Closed) throw new InvalidOperationException("This case is already closed.");
        if (on < ReferralDate) throw new ArgumentOutOfRangeException(nameof(on), "A case cannot close before its referral.");
        Status = ReferralStatus.Closed;
        ClosedOn = on;
        ClosureReason = reasonCode;
        ClosureSummary = summary;
    }

    Guid? IAudited.AuditPersonId => PersonId;
}
