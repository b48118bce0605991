using Safeguard.Core.CaseWork;

namespace Safeguard.Core.Returns.AnnexA;

/// <summary>
/// A child as the CIN census reads them for the period, turned into their rows of lists 3 to 7 (Ofsted ILACS Annex A:
/// each list's children "in the period"): list 3 a referral received in the period; list 4 an assessment under way in it;
/// list 5 a section 47 enquiry under way in it; list 6 a CIN episode open at any time in it; list 7 a child protection plan
/// open at any time in it. Everything is as at the period's last day. "In the last 12 months" counts the 12 months up to
/// and including the row's own date; "in last six months" (emergency protection) the six months up to the period's last day.
/// </summary>
internal sealed class AnnexARows(ReturnPeriod period, AnnexANames names,
    AnnexASheet referrals, AnnexASheet assessments, AnnexASheet section47s, AnnexASheet childrenInNeed, AnnexASheet protection)
{
    /// <summary>The first day the counts of the last 12 months can reach back to.</summary>
    public static DateOnly HistoryFrom(ReturnPeriod period) => period.Start.AddYears(-1).AddDays(1);

    /// <summary>The five columns every list starts with. The age is in whole years on the period's last day.</summary>
    public static object?[] Child(string childId, string sexCode, string? ethnicity, DateOnly? birthDate, ReturnPeriod period) =>
        [childId, AnnexACodes.Gender(sexCode), AnnexACodes.Ethnicity(ethnicity), birthDate, birthDate is { } born ? AgeOn(born, period.ReferenceDate) : null];

    public void Add(CensusChild child)
    {
        var who = Child(child.LaChildId, child.Sex, child.Ethnicity, child.BirthDate, period);
        var disability = AnnexACodes.Disability(child.Disabilities);
        var history = child.History ?? new ChildHistory([], [], []);
        var protectedLately = AnnexACodes.YesNo(EmergencyProtectionInSixMonths(history.LookedAfter));
        var lookedAfter = history.LookedAfter.Any(l => l.EndedOn is null);
        foreach (var episode in child.Episodes)
        {
            var team = names.Team(episode.TeamId);
            var worker = names.Worker(episode.WorkerId);
            if (period.Contains(episode.ReferralDate))
            {
                referrals.Row([.. who, episode.ReferralDate, AnnexACodes.Source(episode.ReferralSource), AnnexACodes.YesNo(episode.ReferralNfa),
                    InTwelveMonthsTo(history.Referrals, episode.ReferralDate), team, worker]);
            }
            foreach (var assessment in episode.Assessments)
            {
                var seen = assessment.ChildSeenOn is not null ? true : assessment.AuthorisationDate is not null ? false : (bool?)null;
                assessments.Row([.. who, disability, assessment.StartDate, AnnexACodes.YesNoUnknown(seen), assessment.AuthorisationDate,
                    AnnexACodes.NeedsSupport(assessment.Outcome), team, worker]);
            }
            foreach (var enquiry in episode.Section47s)
            {
                var unnecessary = enquiry.InitialConference is not null ? false : enquiry.ConferenceNotRequired ? true : (bool?)null;
                var plan = enquiry.InitialConference is { } held ? episode.ProtectionPlans.Any(p => p.StartDate == held) : (bool?)null;
                section47s.Row([.. who, disability, enquiry.StartDate, unnecessary is { } u ? AnnexACodes.YesNo(u) : null, enquiry.InitialConference,
                    plan is { } p ? AnnexACodes.YesNo(p) : null,
                    InTwelveMonthsTo(history.Section47s, enquiry.StartDate), InTwelveMonthsTo(history.InitialConferences, enquiry.StartDate), team, worker]);
            }
            childrenInNeed.Row([.. who, disability, episode.ReferralDate, AnnexACodes.PrimaryNeed(episode.PrimaryNeed),
                LastSeen(episode, history.Visits), episode.ClosureDate, AnnexACodes.ClosureReason(episode.ClosureReason),
                CaseStatus(episode, lookedAfter), team, worker]);
            foreach (var plan in episode.ProtectionPlans)
            {
                var visit = LastVisit(history.Visits, plan.StartDate, plan.EndDate);
                protection.Row([.. who, disability, plan.StartDate, AnnexACodes.CategoryOfAbuse(plan.InitialCategory),
                    AnnexACodes.CategoryOfAbuse(plan.LatestCategory), visit?.Day, visit is null ? null : AnnexACodes.YesNoUnknown(visit.Alone),
                    plan.Reviews.Count == 0 ? null : plan.Reviews.Max(), plan.EndDate, protectedLately, plan.PreviousPlans, team, worker]);
            }
        }
    }

    public void Report(IProgress<AnnexAProgress>? progress)
    {
        if (progress is null) return;
        foreach (var sheet in new[] { referrals, assessments, section47s, childrenInNeed, protection })
            progress.Report(new AnnexAProgress(sheet.List, sheet.Rows));
    }

    /// <summary>Case status on the period's last day: the episode closed, else the child looked after, else its open plan or assessment.</summary>
    private static string? CaseStatus(CensusEpisode episode, bool lookedAfter) =>
        episode.ClosureDate is not null ? AnnexACodes.ClosedEpisode
        : lookedAfter ? AnnexACodes.LookedAfter
        : episode.ProtectionPlans.Any(p => p.EndDate is null) ? AnnexACodes.ProtectionPlan
        : episode.ChildInNeedPlans.Any(p => p.EndDate is null) ? AnnexACodes.ChildInNeedPlan
        : episode.Assessments.Any(a => a.AuthorisationDate is null) ? AnnexACodes.OpenAssessment
        : null;

    /// <summary>
    /// The last day the child was seen in the episode, by its closure or the period's end: a visit in which the child was
    /// seen, or the day an assessment of the episode records seeing them.
    /// </summary>
    private static DateOnly? LastSeen(CensusEpisode episode, IReadOnlyList<SeenVisit> visits)
    {
        var visited = LastVisit(visits, episode.ReferralDate, episode.ClosureDate)?.Day;
        var assessed = episode.Assessments.Max(a => a.ChildSeenOn);
        return visited is null || assessed > visited ? assessed : visited;
    }

    /// <summary>
    /// The last visit in which the child was seen from <paramref name="from"/> to <paramref name="to"/> (the period's end when
    /// open): for a child protection plan, its last statutory visit (the visits the plan's visit work is closed by).
    /// </summary>
    private static SeenVisit? LastVisit(IReadOnlyList<SeenVisit> visits, DateOnly from, DateOnly? to) =>
        visits.LastOrDefault(v => v.Day >= from && (to is null || v.Day <= to));

    /// <summary>An emergency protection order or police protection in force at any time in the six months to the period's end.</summary>
    private bool EmergencyProtectionInSixMonths(IReadOnlyList<LookedAfterSpell> spells)
    {
        var since = period.ReferenceDate.AddMonths(-6).AddDays(1);
        return spells.Any(l => l.LegalStatus is LookedAfterLegalStatus.EmergencyProtectionOrder or LookedAfterLegalStatus.PoliceProtection
            && (l.EndedOn is null || l.EndedOn >= since));
    }

    private static int InTwelveMonthsTo(IReadOnlyList<DateOnly> days, DateOnly to)
    {
        var from = to.AddYears(-1).AddDays(1);
        return days.Count(d => d >= from && d <= to);
    }

    private static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        if (born > day.AddYears(-age)) age--;
        return Math.Max(0, age);
    }
}
