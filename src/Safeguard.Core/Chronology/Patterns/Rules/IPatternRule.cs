namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// One named pattern. <see cref="Find"/> gives every record that completes the pattern in <paramref name="facts"/>
/// (oldest first); <see cref="PatternAlerts"/> decides which of them are new enough to alert on.
/// </summary>
public interface IPatternRule
{
    PatternRule Rule { get; }

    bool IsEnabled(PatternAlertSettings settings);

    IEnumerable<PatternFinding> Find(PatternFacts facts, PatternAlertSettings settings);
}

/// <summary>Every pattern rule, in the order alerts are raised.</summary>
public static class PatternRules
{
    public static readonly IReadOnlyList<IPatternRule> All =
    [
        new RepeatContactsRule(), new InfantInjuryRule(), new RepeatInjuryRule(), new ContactsWithoutReferralRule(),
        new ReReferralRule(), new MissingOnPlanRule(),
    ];

    public static IPatternRule For(PatternRule rule) => All.Single(r => r.Rule == rule);

    internal static string Day(DateOnly day) => day.ToString("d MMMM yyyy");

    /// <summary>
    /// Each record in the order it happened, with the window that ends on it: itself and the records before it that
    /// happened on or after <paramref name="start"/> of its day (the window's first day, inclusive).
    /// </summary>
    internal static IEnumerable<(T Record, DateOnly From, List<T> Window)> Windows<T>(IEnumerable<T> records, Func<T, DateOnly> on,
        Func<T, DateTimeOffset> recordedAt, Func<DateOnly, DateOnly> start)
    {
        var ordered = records.OrderBy(on).ThenBy(recordedAt).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var from = start(on(ordered[i]));
            yield return (ordered[i], from, ordered.Take(i + 1).Where(o => on(o) >= from).ToList());
        }
    }
}
