namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// Any injury to a child under one (<c>UnderMonths</c>, 12): a baby who is not independently mobile should not be
/// injured, so one report is enough. Under one means the injury was before the first birthday.
/// </summary>
public sealed class InfantInjuryRule : IPatternRule
{
    public PatternRule Rule => PatternRule.InfantInjury;

    public bool IsEnabled(PatternAlertSettings settings) => settings.InfantInjury.Enabled;

    public IEnumerable<PatternFinding> Find(PatternFacts facts, PatternAlertSettings settings)
    {
        if (facts.DateOfBirth is not { } born) yield break;
        var months = settings.InfantInjury.UnderMonths;
        foreach (var injury in facts.Incidents.Where(i => i.Kind == IncidentKind.Injury).OrderBy(i => i.On))
        {
            if (injury.On < born || injury.On >= born.AddMonths(months)) continue;
            yield return new PatternFinding(Rule, injury.Key, injury.RecordedAt,
                $"An injury to a child under {MonthsInWords(months)} ({injury.Where}, {PatternRules.Day(injury.On)}); born {PatternRules.Day(born)}");
        }
    }

    private static string MonthsInWords(int months) => months % 12 == 0
        ? months == 12 ? "one" : $"{months / 12} years"
        : $"{months} months";
}
