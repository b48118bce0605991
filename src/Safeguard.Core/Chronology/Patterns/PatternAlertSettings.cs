namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// The thresholds of the pattern rules (settings section <c>PatternAlerts</c>). Each rule can be switched off; the
/// defaults are the ones in docs/pattern-alerts.md.
/// </summary>
public sealed class PatternAlertSettings
{
    public const string Section = "PatternAlerts";

    public RepeatContactsSettings RepeatContacts { get; set; } = new();
    public InfantInjurySettings InfantInjury { get; set; } = new();
    public RepeatInjurySettings RepeatInjury { get; set; } = new();
    public ContactsWithoutReferralSettings ContactsWithoutReferral { get; set; } = new();
    public ReReferralSettings ReReferral { get; set; } = new();
    public MissingOnPlanSettings MissingOnPlan { get; set; } = new();

    /// <summary>
    /// Only a record that reached the child's file within this many days can complete a pattern, so switching the
    /// rules on, or a record merged in, does not raise alerts about years-old history.
    /// </summary>
    public int RecentDays { get; set; } = 30;
}

public sealed class RepeatContactsSettings
{
    public bool Enabled { get; set; } = true;
    public int Contacts { get; set; } = 2;
    public int WithinDays { get; set; } = 7;
}

public sealed class InfantInjurySettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>A child younger than this many months on the day of the injury.</summary>
    public int UnderMonths { get; set; } = 12;
}

public sealed class RepeatInjurySettings
{
    public bool Enabled { get; set; } = true;
    public int Injuries { get; set; } = 2;
    public int WithinMonths { get; set; } = 12;
}

public sealed class ContactsWithoutReferralSettings
{
    public bool Enabled { get; set; } = true;
    public int Contacts { get; set; } = 3;
    public int WithinMonths { get; set; } = 12;
}

public sealed class ReReferralSettings
{
    public bool Enabled { get; set; } = true;
    public int WithinMonths { get; set; } = 12;
}

public sealed class MissingOnPlanSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>Whether a child in need plan counts as well as a child protection plan.</summary>
    public bool IncludeChildInNeedPlans { get; set; } = true;
}
