namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// Two or more contacts about the same child within 7 days (both settings): a contact completes the pattern when,
/// counting itself, that many were received on its day or in the days before it, the earliest at most that many days
/// earlier (contacts 7 days apart count; 8 days apart do not).
/// </summary>
public sealed class RepeatContactsRule : IPatternRule
{
    public PatternRule Rule => PatternRule.RepeatContacts;

    public bool IsEnabled(PatternAlertSettings settings) => settings.RepeatContacts.Enabled;

    public IEnumerable<PatternFinding> Find(PatternFacts facts, PatternAlertSettings settings)
    {
        var s = settings.RepeatContacts;
        foreach (var (c, _, window) in PatternRules.Windows(facts.Contacts, c => c.On, c => c.RecordedAt, day => day.AddDays(-s.WithinDays)))
        {
            if (window.Count < s.Contacts) continue;
            yield return new PatternFinding(Rule, c.Key, c.RecordedAt,
                $"{window.Count} contacts within {s.WithinDays} days: {string.Join(", ", window.Select(o => $"{o.Reference} on {PatternRules.Day(o.On)}"))}");
        }
    }
}
