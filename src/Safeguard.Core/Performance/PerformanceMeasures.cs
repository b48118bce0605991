using Safeguard.Core.Performance.Measures;

namespace Safeguard.Core.Performance;

/// <summary>Every measure on the leaders' dashboard, in the order the dashboard shows them.</summary>
public sealed class PerformanceMeasures(
    ContactsReceived contacts, ReferralsMade referrals, DecisionsWithinOneWorkingDay decisions, FeedbackWithin48Hours feedback,
    AssessmentsWithin45WorkingDays assessments, StrategyDiscussionsWithAllAgencies strategy, InitialConferencesWithin15WorkingDays conferences,
    ReReferrals reReferrals, ChildrenOnProtectionPlans plans, VisitsInTime visits, SupervisionInTime supervision,
    CaseloadsPerWorker caseloads, AgencyShare agency)
{
    public IReadOnlyList<Measure> All { get; } =
        [contacts, referrals, decisions, feedback, assessments, strategy, conferences, reReferrals, plans, visits, supervision, caseloads, agency];

    public Measure? Find(string slug) => All.FirstOrDefault(m => m.Slug == slug);
}
