namespace Safeguard.Core.Returns.AnnexA;

/// <summary>
/// A child as the CIN census reads them for the period, turned into their rows of lists 3 to 7 (Ofsted ILACS Annex A:
/// each list's children "in the period"): list 3 a referral received in the period; list 4 an assessment under way in it;
/// list 5 a section 47 enquiry under way in it; list 6 a CIN episode open at any time in it; list 7 a child protection plan
/// open at any time in it. Everything is as at the period's last day. "In the last 12 months" counts the 12 months up to
/// and including the row's own date.
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
            // Date the child was last seen: the record's visits are not read here yet, so the column is left blank.
            childrenInNeed.Row([.. who, disability, episode.ReferralDate, AnnexACodes.PrimaryNeed(episode.PrimaryNeed), null, episode.ClosureDate,
                AnnexACodes.ClosureReason(episode.ClosureReason), CaseStatus(episode), team, worker]);
            foreach (var plan in episode.ProtectionPlans)
            {
                // Last statutory visit, seen alone and emergency protection: not read here (see docs/returns.md), left blank.
                protection.Row([.. who, disability, plan.StartDate, AnnexACodes.CategoryOfAbuse(plan.InitialCategory),
                    AnnexACodes.CategoryOfAbuse(plan.LatestCategory), null, null, plan.Reviews.Count == 0 ? null : plan.Reviews.Max(), plan.EndDate,
                    null, plan.PreviousPlans, team, worker]);
            }
        }
    }

    public void Report(IProgress<AnnexAProgress>? progress)
    {
        if (progress is null) return;
        foreach (var sheet in new[] { referrals, assessments, section47s, childrenInNeed, protection })
            progress.Report(new AnnexAProgress(sheet.List, sheet.Rows));
    }

    /// <summary>Case status on the period's last day: the episode closed, else its open plan or assessment (looked after is not read here).</summary>
    private static string? CaseStatus(CensusEpisode episode) =>
        episode.ClosureDate is not null ? AnnexACodes.ClosedEpisode
        : episode.ProtectionPlans.Any(p => p.EndDate is null) ? AnnexACodes.ProtectionPlan
        : episode.ChildInNeedPlans.Any(p => p.EndDate is null) ? AnnexACodes.ChildInNeedPlan
        : episode.Assessments.Any(a => a.AuthorisationDate is null) ? AnnexACodes.OpenAssessment
        : null;

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
