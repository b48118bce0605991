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
}
