namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// A re-referral within 12 months of closure (<c>WithinMonths</c>): a referral whose date is on or after the day the
/// child's previous case closed and at most that many months later (12 months to the day counts).
/// </summary>
public sealed class ReReferralRule : IPatternRule
{
    public PatternRule Rule => PatternRule.ReReferral;

    public bool IsEnabled(PatternAlertSettings settings) => settings.ReReferral.Enabled;

    public IEnumerable<PatternFinding> Find(PatternFacts facts, PatternAlertSettings settings)
    {
        var months = settings.ReReferral.WithinMonths;
        foreach (var referral in facts.Referrals.OrderBy(r => r.On))
        {
            var closed = facts.Referrals
                .Where(p => p.Id != referral.Id && p.ClosedOn is { } on && on <= referral.On)
                .Select(p => p.ClosedOn!.Value)
                .DefaultIfEmpty()
                .Max();
            if (closed == default || referral.On > closed.AddMonths(months)) continue;
            yield return new PatternFinding(Rule, referral.Key, referral.RecordedAt,
                $"Referred on {PatternRules.Day(referral.On)}, within {months} months of the last case closing on {PatternRules.Day(closed)}");
        }
    }
}
