namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// A second injury within 12 months (<c>Injuries</c>, <c>WithinMonths</c>): an injury completes the pattern when, counting
/// itself, that many happened on its day or in the months before it (12 months to the day counts).
/// </summary>
public sealed class RepeatInjuryRule : IPatternRule
{
    public PatternRule Rule => PatternRule.RepeatInjury;

    public bool IsEnabled(PatternAlertSettings settings) => settings.RepeatInjury.Enabled;

    public IEnumerable<PatternFinding> Find(PatternFacts facts, PatternAlertSettings settings)
    {
        var s = settings.RepeatInjury;
        var injuries = facts.Incidents.Where(i => i.Kind == IncidentKind.Injury);
        foreach (var (injury, _, window) in PatternRules.Windows(injuries, i => i.On, i => i.RecordedAt, day => day.AddMonths(-s.WithinMonths)))
        {
            if (window.Count < s.Injuries) continue;
            yield return new PatternFinding(Rule, injury.Key, injury.RecordedAt,
                $"{window.Count} injuries within {s.WithinMonths} months: {string.Join("; ", window.Select(o => $"{o.Where}, {PatternRules.Day(o.On)}"))}");
        }
    }
}
