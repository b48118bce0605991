namespace Safeguard.Core.Returns;

/// <summary>One child as the census reports them: identifiers, characteristics and the CIN episodes open in the year.</summary>
public sealed record CensusChild(
    string LaChildId,
    string? Upn,
    string? FormerUpn,
    string? UpnUnknown,
    DateOnly? BirthDate,
    DateOnly? ExpectedBirthDate,
    string Sex,
    string? Ethnicity,
    IReadOnlyList<string> Disabilities,
    IReadOnlyList<CensusEpisode> Episodes)
{
    /// <summary>The child's record, for a validation failure to link to (never written to the return).</summary>
    public Guid PersonId { get; init; }

    /// <summary>PersonDeathDate: when the child died, if on or before the reference date.</summary>
    public DateOnly? DeathDate { get; init; }

    /// <summary>The child's earlier activity, read only when asked for (Ofsted's Annex A counts of the last 12 months).</summary>
    public ChildHistory? History { get; init; }
}

/// <summary>
/// The days of a child's referrals, section 47 enquiries and initial conferences from a given day to the period's end, and
/// what Ofsted's Annex A also asks of the record by the period's end: the visits in which the child was seen, and the
/// periods the child was looked after.
/// </summary>
public sealed record ChildHistory(IReadOnlyList<DateOnly> Referrals, IReadOnlyList<DateOnly> Section47s, IReadOnlyList<DateOnly> InitialConferences)
{
    /// <summary>Visits (case notes) in which the child was seen, by the period's end, in the order they happened.</summary>
    public IReadOnlyList<SeenVisit> Visits { get; init; } = [];

    /// <summary>Periods the child was looked after that started by the period's end (an end after it is not yet known).</summary>
    public IReadOnlyList<LookedAfterSpell> LookedAfter { get; init; } = [];
}

/// <summary>A visit in which the child was seen, on a UK day, and whether they were seen alone (null when not recorded).</summary>
public sealed record SeenVisit(DateOnly Day, bool? Alone);

/// <summary>A period of being looked after as at the period's end: its end only if by then.</summary>
public sealed record LookedAfterSpell(DateOnly StartedOn, DateOnly? EndedOn, Safeguard.Core.CaseWork.LookedAfterLegalStatus LegalStatus);

/// <summary>A CIN episode (the census's CINdetails): a referral and what followed it, as at the reference date.</summary>
public sealed record CensusEpisode(
    DateOnly ReferralDate,
    string ReferralSource,
    string? PrimaryNeed,
    DateOnly? ClosureDate,
    string? ClosureReason,
    DateOnly? InitialConference,
    bool ReferralNfa,
    IReadOnlyList<CensusAssessment> Assessments,
    IReadOnlyList<CensusPlanDates> ChildInNeedPlans,
    IReadOnlyList<CensusSection47> Section47s,
    IReadOnlyList<CensusProtectionPlan> ProtectionPlans)
{
    /// <summary>The team the case is with now (for Ofsted's Annex A; never written to the census).</summary>
    public Guid TeamId { get; init; }

    /// <summary>The worker the case is allocated to now, if any (for Ofsted's Annex A).</summary>
    public Guid? WorkerId { get; init; }
}

public sealed record CensusAssessment(DateOnly StartDate, DateOnly? AuthorisationDate, IReadOnlyList<string> Factors)
{
    /// <summary>When the child was seen during the assessment, if by the reference date (for Ofsted's Annex A).</summary>
    public DateOnly? ChildSeenOn { get; init; }

    /// <summary>What the authorised assessment decided (for Ofsted's Annex A).</summary>
    public Safeguard.Core.CaseWork.AssessmentOutcome? Outcome { get; init; }
}

public sealed record CensusPlanDates(DateOnly StartDate, DateOnly? EndDate);

public sealed record CensusSection47(DateOnly StartDate, DateOnly? InitialConferenceTarget, DateOnly? InitialConference, bool ConferenceNotRequired);

public sealed record CensusProtectionPlan(
    DateOnly StartDate,
    DateOnly? EndDate,
    string? InitialCategory,
    string? LatestCategory,
    int PreviousPlans,
    IReadOnlyList<DateOnly> Reviews);
