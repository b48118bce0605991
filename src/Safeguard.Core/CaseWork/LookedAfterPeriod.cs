using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseWork;

/// <summary>The legal basis on which a child is looked after (SSDA903 legal status: C1, C2, E1, V2, L1, L2, J1).</summary>
public enum LookedAfterLegalStatus
{
    InterimCareOrder,
    CareOrder,
    PlacementOrder,
    AccommodatedUnderSection20,
    PoliceProtection,
    EmergencyProtectionOrder,
    Remanded,
}

/// <summary>A period in which a child is looked after by the council (Children Act 1989 s22). Open until it ends.</summary>
public sealed class LookedAfterPeriod : IAudited
{
    private LookedAfterPeriod() { }

    public LookedAfterPeriod(Guid personId, DateOnly startedOn, LookedAfterLegalStatus legalStatus)
    {
        Id = NewId.Next();
        PersonId = personId;
        StartedOn = startedOn;
        LegalStatus = legalStatus;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public LookedAfterLegalStatus LegalStatus { get; private set; }

    public bool IsOpen => EndedOn is null;

    public void End(DateOnly on)
    {
        if (EndedOn is not null) throw new InvalidOperationException("This period of being looked after has already ended.");
        if (on < StartedOn) throw new ArgumentOutOfRangeException(nameof(on), "A period of being looked after cannot end before it started.");
        EndedOn = on;
    }

    Guid? IAudited.AuditPersonId => PersonId;

    /// <summary>The legal status in plain words, e.g. "care order".</summary>
    public static string Describe(LookedAfterLegalStatus status) => status switch
    {
        LookedAfterLegalStatus.InterimCareOrder => "interim care order",
        LookedAfterLegalStatus.CareOrder => "care order",
        LookedAfterLegalStatus.PlacementOrder => "placement order",
        LookedAfterLegalStatus.AccommodatedUnderSection20 => "accommodated under section 20",
        LookedAfterLegalStatus.PoliceProtection => "police protection",
        LookedAfterLegalStatus.EmergencyProtectionOrder => "emergency protection order",
        LookedAfterLegalStatus.Remanded => "remanded to local authority accommodation",
        _ => status.ToString(),
    };
}
