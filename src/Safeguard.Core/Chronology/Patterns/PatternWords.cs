namespace Safeguard.Core.Chronology.Patterns;

/// <summary>Each pattern rule's name as people read it.</summary>
public static class PatternWords
{
    public static string Title(PatternRule rule) => rule switch
    {
        PatternRule.RepeatContacts => "Repeated contacts within days",
        PatternRule.InfantInjury => "Injury to a baby under one",
        PatternRule.RepeatInjury => "Second injury within a year",
        PatternRule.ContactsWithoutReferral => "Repeated contacts without a referral",
        PatternRule.ReReferral => "Re-referral within a year of closure",
        PatternRule.MissingOnPlan => "Missing while on a plan",
        _ => rule.ToString(),
    };
}
