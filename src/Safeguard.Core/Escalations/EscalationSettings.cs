namespace Safeguard.Core.Escalations;

/// <summary>
/// Escalations to the director (configuration section "Escalations"): how many working days the director (or delegate)
/// has to respond, and the delegates the director has named to answer escalations too (docs/escalations.md).
/// </summary>
public sealed class EscalationSettings
{
    public const string Section = "Escalations";

    public int WorkingDaysToRespond { get; set; } = 5;

    /// <summary>The email addresses of the staff the director has named to answer escalations as well as the director.</summary>
    public List<string> Delegates { get; set; } = [];

    /// <summary>Never less than one working day.</summary>
    public int ResponseWorkingDays => Math.Max(1, WorkingDaysToRespond);
}
