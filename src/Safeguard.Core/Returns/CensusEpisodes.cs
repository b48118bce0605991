using Safeguard.Core.Assessments;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Conferences;
using Safeguard.Core.People;

namespace Safeguard.Core.Returns;

/// <summary>
/// Turns a child's rows into what the census reports, as at the year's reference date (or the end of another return's
/// period, such as Ofsted's Annex A): anything that happened after it
/// is left out (a referral closed in April is open on 31 March), and only what the DfE specification asks for the year
/// is kept (CIN census 2025-26 business and technical specification, "CIN details module").
/// </summary>
internal static class CensusEpisodes
{
    public static CensusChild Child(ReturnPeriod year, PersonRow person, IEnumerable<ReferralRow> referrals, EpisodeRows rows) =>
        new(LaChildId(person),
            Blank(person.Upn),
            Blank(person.FormerUpn),
            Blank(person.Upn) is null ? Blank(person.UpnUnknownReason) : null,
            person.DateOfBirth,
            person.DateOfBirth is null ? person.ExpectedDateOfBirth : null,
            // Rule 8750: an unborn child's sex is U.
            person.DateOfBirth is null ? "U" : SexCode(person.Sex),
            Blank(person.Ethnicity),
            CodeList(person.Disabilities),
            referrals.Where(r => year.Overlaps(r.ReferralDate, r.ClosedOn))
                .OrderBy(r => r.ReferralDate).ThenBy(r => r.Id)
                .Select(r => Episode(year, r, rows)).ToList())
        {
            PersonId = person.Id,
            // As at the reference date: a death after it is not yet known to the return.
            DeathDate = person.DateOfDeath <= year.ReferenceDate ? person.DateOfDeath : null,
        };

    /// <summary>The council's own id for the child when it has one; otherwise 20 characters of the record's id (rules 1570, 1580).</summary>
    public static string LaChildId(PersonRow person) =>
        Blank(person.LocalChildId) ?? person.Id.ToString("N").ToUpperInvariant()[^20..];

    public static string SexCode(Sex sex) => sex switch
    {
        Sex.Female => "F",
        Sex.Male => "M",
        _ => "U",
    };

    private static CensusEpisode Episode(ReturnPeriod year, ReferralRow referral, EpisodeRows rows)
    {
        var closedOn = year.AsAtReference(referral.ClosedOn);
        var assessments = rows.Assessments[referral.Id]
            .Where(a => a.StartedOn <= year.ReferenceDate && (year.AsAtReference(a.AuthorisedOn) is not { } done || done >= year.Start))
            .OrderBy(a => a.StartedOn)
            .Select(a => Assessment(year, a))
            .ToList();
        var plans = rows.Plans[referral.Id].Where(p => year.Overlaps(p.StartedOn, p.EndedOn)).OrderBy(p => p.StartedOn).ToList();
        var conferences = rows.Conferences[referral.Id].Where(c => c.HeldOn <= year.ReferenceDate).ToList();
        var initialByEnquiry = conferences.Where(c => c.Kind == ConferenceKind.Initial && c.Section47EnquiryId is not null)
            .GroupBy(c => c.Section47EnquiryId!.Value)
            .ToDictionary(g => g.Key, g => g.Min(c => c.HeldOn));
        var section47s = rows.Section47s[referral.Id]
            .Where(e => e.StartedOn <= year.ReferenceDate)
            .Select(e => Section47(year, e, initialByEnquiry.TryGetValue(e.Id, out var held) ? held : null))
            .Where(e => e.Written)
            .OrderBy(e => e.Module.StartDate)
            .ToList();
        var writtenEnquiries = section47s.Select(e => e.Id).ToHashSet();
        // Rule 2884: an initial conference is reported once, with its enquiry when that is in the return, otherwise here.
        var initialHere = conferences
            .Where(c => c.Kind == ConferenceKind.Initial && year.Contains(c.HeldOn)
                && (c.Section47EnquiryId is not { } enquiry || !writtenEnquiries.Contains(enquiry)))
            .Select(c => (DateOnly?)c.HeldOn).Min();
        var childInNeedPlans = plans.Where(p => p.Kind == PlanKind.ChildInNeed)
            .Select(p => new CensusPlanDates(p.StartedOn, year.AsAtReference(p.EndedOn))).ToList();
        var protectionPlans = plans.Where(p => p.Kind == PlanKind.ChildProtection)
            .Select(p => ProtectionPlan(year, p, rows.Conferences[referral.Id].Where(c => c.Kind == ConferenceKind.Review && c.ChildPlanId == p.Id).ToList()))
            .ToList();
        // A referral closed with nothing done after it: DfE's "referral with no further action".
        var nfa = closedOn is not null && assessments.Count == 0 && section47s.Count == 0 && plans.Count == 0 && initialHere is null;
        return new CensusEpisode(
            referral.ReferralDate,
            referral.SourceCode,
            Blank(referral.PrimaryNeedCode),
            closedOn,
            closedOn is null ? null : Blank(referral.ClosureReason),
            initialHere,
            nfa,
            assessments,
            childInNeedPlans,
            section47s.Select(e => e.Module).ToList(),
            protectionPlans)
        {
            TeamId = referral.TeamId,
            WorkerId = referral.AllocatedWorkerId,
        };
    }

    private static CensusAssessment Assessment(ReturnPeriod year, AssessmentRow row)
    {
        var authorised = year.AsAtReference(row.AuthorisedOn);
        // Rule 8614: factors belong to a completed (authorised) assessment only.
        return new CensusAssessment(row.StartedOn, authorised, authorised is null ? [] : AssessmentFactors.Split(row.Factors))
        {
            ChildSeenOn = year.AsAtReference(row.ChildSeenOn),
            Outcome = authorised is null ? null : row.Outcome,
        };
    }

    private static (Guid Id, CensusSection47 Module, bool Written) Section47(ReturnPeriod year, Section47Row row, DateOnly? conference)
    {
        var heldOn = year.AsAtReference(conference);
        var endedOn = year.AsAtReference(row.EndedOn);
        var notRequired = endedOn is not null && row.Outcome is not Section47Outcome.InitialChildProtectionConference;
        // In the return when it was under way in the year: its conference held in the year, or it ended in the year, or it is still open.
        var written = heldOn is { } held ? held >= year.Start : endedOn is null || endedOn >= year.Start;
        return (row.Id, new CensusSection47(row.StartedOn, row.InitialConferenceTargetOn, heldOn, notRequired), written);
    }

    private static CensusProtectionPlan ProtectionPlan(ReturnPeriod year, PlanRow plan, IReadOnlyList<ConferenceRow> reviews)
    {
        var latest = reviews.Where(r => r.Category is not null && r.HeldOn <= year.ReferenceDate).OrderBy(r => r.HeldOn).LastOrDefault()?.Category;
        // With no review by the reference date, the plan's own latest category stands, unless a later review changed
        // it: then the category as at the reference date is the initial one.
        var anyRecategorised = reviews.Any(r => r.Category is not null);
        var latestCode = latest?.CensusCode() ?? CategoryCode(anyRecategorised ? plan.InitialCategory : plan.Category);
        return new CensusProtectionPlan(
            plan.StartedOn,
            year.AsAtReference(plan.EndedOn),
            CategoryCode(plan.InitialCategory),
            latestCode,
            Math.Max(0, plan.Number - 1),
            reviews.Select(r => r.HeldOn).Where(year.Contains).Order().ToList());
    }

    private static string? CategoryCode(string? stored) => AbuseCategories.FromCode(stored)?.CensusCode();

    private static IReadOnlyList<string> CodeList(string? stored) =>
        string.IsNullOrWhiteSpace(stored)
            ? []
            : stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
