using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseWork;

/// <summary>How a section 47 enquiry ended (CIN census: s47 outcome; WT 2023 ch.3 para 188).</summary>
public enum Section47Outcome { NoFurtherAction, ChildInNeedPlan, InitialChildProtectionConference }

/// <summary>
/// A section 47 enquiry into whether a child is suffering, or likely to suffer, significant harm (Children Act 1989
/// s47), started from a strategy discussion. Open until it ends with an outcome.
/// </summary>
public sealed class Section47Enquiry : IAudited
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

    public bool IsOpen => EndedOn is null;

    public void End(DateOnly on, Section47Outcome outcome)
    {
        if (EndedOn is not null) throw new InvalidOperationException("This section 47 enquiry has already ended.");
        if (on < StartedOn) throw new ArgumentOutOfRangeException(nameof(on), "A section 47 enquiry cannot end before it started.");
        EndedOn = on;
        Outcome = outcome;
    }

    Guid? IAudited.AuditPersonId => PersonId;
}
