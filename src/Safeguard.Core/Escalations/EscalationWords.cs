namespace Safeguard.Core.Escalations;

public static class EscalationWords
{
    public static string Words(this EscalationOutcome outcome) => outcome switch
    {
        EscalationOutcome.Upheld => "Upheld",
        EscalationOutcome.PartlyUpheld => "Partly upheld",
        EscalationOutcome.NotUpheld => "Not upheld",
        EscalationOutcome.ReferredElsewhere => "Referred elsewhere",
        EscalationOutcome.Withdrawn => "Withdrawn",
        _ => outcome.ToString(),
    };

    /// <summary>What each outcome means, as the response form explains it.</summary>
    public static string Hint(this EscalationOutcome outcome) => outcome switch
    {
        EscalationOutcome.Upheld => "The concern was right; say what will change",
        EscalationOutcome.PartlyUpheld => "Some of the concern was right; say which part and what will change",
        EscalationOutcome.NotUpheld => "The practice or procedure stands; give the reasons",
        EscalationOutcome.ReferredElsewhere => "Passed to the right route, for example the LADO, HR or whistleblowing; say where",
        EscalationOutcome.Withdrawn => "The person who raised it asked for it to go no further",
        _ => "",
    };
}
