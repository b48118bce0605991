using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseWork;

/// <summary>How a section 47 enquiry ended (CIN census: s47 outcome; WT 2023 ch.3 para 188).</summary>
public enum Section47Outcome { NoFurtherAction, ChildInNeedPlan, InitialChildProtectionConference }

/// <summary>
/// A section 47 enquiry into whether a child is suffering, or likely to suffer, significant harm (Children Act 1989
/// s47), started from a strategy discussion. Open until it ends with an outcome.
/// </summary>
public sealed class Section47Enquiry : IAudited, IVersioned
{
    private Section47Enquiry() { }

    public Section47Enquiry(Guid personId, Guid referralId, DateOnly startedOn)
    {
        Id = NewId.Next();
        PersonId = personId;
        ReferralId = referralId;
        StartedOn = startedOn;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid ReferralId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public Section47Outcome? Outcome { get; private set; }
    /// <summary>
    /// When the initial child protection conference is due: 15 working days after the strategy discussion that began the
    /// enquiry, moved by a later one (<c>Enquiries/InitialConferenceDueRule</c>). Null for enquiries recorded before it was kept.
    /// </summary>
    public DateOnly? InitialConferenceTargetOn { get; set; }

    /// <summary>Why the enquiry ended as it did (for "conference not required", the reason it is not).</summary>
    public string? OutcomeReasons { get; private set; }
    public int Version { get; private set; } = 1;

    public bool IsOpen => EndedOn is null;

    /// <summary>Whether an initial child protection conference follows (the CIN census's ICPCnotRequired, negated).</summary>
    public bool ConferenceRequired => Outcome == Section47Outcome.InitialChildProtectionConference;

    public void End(DateOnly on, Section47Outcome outcome, string? reasons = null)
    {
        if (EndedOn is not null) throw new InvalidOperationException("This section 47 enquiry has already ended.");
        if (on < StartedOn) throw new ArgumentOutOfRangeException(nameof(on), "A section 47 enquiry cannot end before it started.");
        EndedOn = on;
        Outcome = outcome;
        OutcomeReasons = reasons;
    }

    Guid? IAudited.AuditPersonId => PersonId;
}
