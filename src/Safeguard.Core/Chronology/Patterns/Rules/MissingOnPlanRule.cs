namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// A missing episode while on a plan: the day the child went missing falls within a child protection plan (or a child in
/// need plan, unless <c>IncludeChildInNeedPlans</c> is off), from its first day up to, not including, the day it ended.
/// </summary>
public sealed class MissingOnPlanRule : IPatternRule
{
    public PatternRule Rule => PatternRule.MissingOnPlan;

    public bool IsEnabled(PatternAlertSettings settings) => settings.MissingOnPlan.Enabled;

    public IEnumerable<PatternFinding> Find(PatternFacts facts, PatternAlertSettings settings)
    {
        var plans = facts.Plans.Where(p => p.ChildProtection || settings.MissingOnPlan.IncludeChildInNeedPlans).ToList();
        foreach (var missing in facts.Incidents.Where(i => i.Kind == IncidentKind.MissingEpisode).OrderBy(i => i.On))
        {
            var plan = plans.FirstOrDefault(p => p.Covers(missing.On));
            if (plan is null) continue;
            var which = plan.ChildProtection ? "child protection plan" : "child in need plan";
            yield return new PatternFinding(Rule, missing.Key, missing.RecordedAt,
                $"Missing on {PatternRules.Day(missing.On)} ({missing.Where}) while on a {which} begun {PatternRules.Day(plan.StartedOn)}");
        }
    }
}
