namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// Three or more contacts in 12 months without a referral (<c>Contacts</c>, <c>WithinMonths</c>): concerns that keep
/// coming and are each closed at the front door. A contact completes the pattern when, counting itself, that many were
/// received in the months up to its day (12 months to the day counts), none became a referral, and no referral of the
/// child began in that time.
/// </summary>
public sealed class ContactsWithoutReferralRule : IPatternRule
{
    public PatternRule Rule => PatternRule.ContactsWithoutReferral;

    public bool IsEnabled(PatternAlertSettings settings) => settings.ContactsWithoutReferral.Enabled;

    public IEnumerable<PatternFinding> Find(PatternFacts facts, PatternAlertSettings settings)
    {
        var s = settings.ContactsWithoutReferral;
        foreach (var (c, from, window) in PatternRules.Windows(facts.Contacts, c => c.On, c => c.RecordedAt, day => day.AddMonths(-s.WithinMonths)))
        {
            if (window.Count < s.Contacts || window.Any(o => o.BecameReferral)) continue;
            if (facts.Referrals.Any(r => r.On >= from && r.On <= c.On)) continue;
            yield return new PatternFinding(Rule, c.Key, c.RecordedAt,
                $"{window.Count} contacts in {s.WithinMonths} months, none referred: {string.Join(", ", window.Select(o => $"{o.Reference} on {PatternRules.Day(o.On)}"))}");
        }
    }
}
