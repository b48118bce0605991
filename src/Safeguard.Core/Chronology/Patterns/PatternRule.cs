namespace Safeguard.Core.Chronology.Patterns;

/// <summary>The named patterns in a child's record that raise an alert (docs/pattern-alerts.md).</summary>
public enum PatternRule
{
    /// <summary>Two or more contacts about the child within 7 days.</summary>
    RepeatContacts,

    /// <summary>Any injury to a child under one (not independently mobile).</summary>
    InfantInjury,

    /// <summary>A second injury within 12 months.</summary>
    RepeatInjury,

    /// <summary>Three or more contacts in 12 months, none of which became a referral.</summary>
    ContactsWithoutReferral,

    /// <summary>A referral within 12 months of the child's last case closing.</summary>
    ReReferral,

    /// <summary>A missing episode while the child is on a plan.</summary>
    MissingOnPlan,
}
