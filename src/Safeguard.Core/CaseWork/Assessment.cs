using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseWork;

/// <summary>A child and family assessment, due within 45 working days of the referral.</summary>
public sealed class Assessment : IAudited
{
    private Assessment() { }

    public Assessment(Guid referralId, Guid personId, DateOnly startedOn, DateOnly dueOn)
    {
        Id = NewId.Next();
        ReferralId = referralId;
        PersonId = personId;
        StartedOn = startedOn;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? CompletedOn { get; set; }
    public DateOnly? AuthorisedOn { get; set; }
    /// <summary>CIN assessment factor codes separated by '|', e.g. "2A|4A".</summary>
    public string Factors { get; set; } = "";

    Guid? IAudited.AuditPersonId => PersonId;
}
