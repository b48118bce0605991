using Safeguard.Core.People.Identifiers;
using static Safeguard.Core.Returns.Validation.RuleSeverity;

namespace Safeguard.Core.Returns.Validation;

/// <summary>
/// DfE's CIN census 2025-26 validation rules that Safeguard checks (codes and messages are DfE's; docs/returns.md lists
/// how they are read). The rules for one child are here and in CensusRules.Children.cs, CensusRules.Overlaps.cs and CensusRules.Death.cs;
/// the rules over the whole return in CensusRules.Return.cs.
/// </summary>
public static partial class CensusRules
{
    public static readonly IReadOnlyList<CensusRule> EachChild = [.. Basics(), .. ChildRules(), .. Overlaps(), .. DeathRules()];

    public static readonly IReadOnlyList<ReturnRule> WholeReturn = [.. ReturnRules()];

    public static readonly IReadOnlyList<DfeRule> All = [.. EachChild, .. WholeReturn];

    private static IEnumerable<CensusRule> Basics() =>
    [
        // Child identifiers
        new("8500", Error, "LA Child ID missing", (_, c) => string.IsNullOrWhiteSpace(c.LaChildId)),
        new("1570", Error, "LA Child ID must not be longer than 20 characters", (_, c) => c.LaChildId.Length > 20),
        new("1580", Error, "LA Child ID must not contain any non-alphanumeric characters", (_, c) => !c.LaChildId.All(char.IsAsciiLetterOrDigit)),
        new("1510", Error, "UPN invalid (wrong check letter at character 1)", (_, c) => UpnShapeOk(c.Upn) && Upn.CheckLetterFor(c.Upn.AsSpan(1)) != c.Upn![0]),
        new("1540", Error, "UPN invalid (characters 5-12 not all numeric)", (_, c) => c.Upn is { Length: 13 } u && !u[4..12].All(char.IsAsciiDigit)),
        new("1550", Error, "UPN invalid (character 13 not a recognised value)", (_, c) => c.Upn is { Length: 13 } u && !LastUpnCharacterOk(u[12])),
        new("1560Q", Query, "Please check and either amend or provide a reason: Former UPN wrongly formatted",
            (_, c) => c.FormerUpn is { } f && !Upn.TryParse(f, out var _)),
        new("4180", Error, "Sex must be provided and equal M, F, or U", (_, c) => !CensusCodes.Sexes.Contains(c.Sex)),
        new("8750", Error, "Sex must equal U for an unborn child", (_, c) => c.BirthDate is null && c.ExpectedBirthDate is not null && c.Sex != "U"),
        new("8520", Error, "Date of Birth is after data collection period (must be on or before the end of the census period)",
            (y, c) => c.BirthDate > y.ReferenceDate),
        new("8525Q", Query, "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
            (_, c) => (c.BirthDate is null) == (c.ExpectedBirthDate is null)),

        // Child characteristics
        new("4220", Error, "Ethnicity is missing or invalid (see Ethnicity table)", (_, c) => c.Ethnicity is null || !CensusCodes.Ethnicities.Contains(c.Ethnicity)),
        new("8540", Error, "Child’s disability is missing or invalid (see Disability table)",
            (_, c) => c.BirthDate is not null && c.Episodes.Any(e => !e.ReferralNfa)
                && (c.Disabilities.Count == 0 || c.Disabilities.Any(d => !CensusCodes.Disabilities.Contains(d)))),
        new("8790", Error, "Disability information includes both None and other values", (_, c) => c.Disabilities.Contains("NONE") && c.Disabilities.Count > 1),
        new("8794", Error, "Child has two or more disabilities with the same code", (_, c) => c.Disabilities.Distinct().Count() != c.Disabilities.Count),

        // CIN details
        new("8590", Error, "Child does not have a recorded CIN episode.", (_, c) => c.Episodes.Count == 0),
        new("8600", Error, "Child referral date missing or after data collection period", (y, c) => c.Episodes.Any(e => e.ReferralDate > y.ReferenceDate)),
        new("8866", Error, "Source of Referral is missing or an invalid code", (_, c) => c.Episodes.Any(e => !CensusCodes.ReferralSources.Contains(e.ReferralSource))),
        new("8610", Error, "Primary Need code is missing for a referral which led to further action.",
            (_, c) => c.Episodes.Any(e => !e.ReferralNfa && e.PrimaryNeed is null)),
        new("8650", Error, "Primary Need Code invalid (see Primary Need table in CIN census code set)",
            (_, c) => c.Episodes.Any(e => e.PrimaryNeed is { } n && !CensusCodes.PrimaryNeeds.Contains(n))),
        new("8620", Error, "CIN Closure Date present and does not fall within the Census year",
            (y, c) => c.Episodes.Any(e => e.ClosureDate is { } d && !y.Contains(d))),
        new("8630", Error, "CIN Closure Date is before CIN Referral Date for the same CIN episode", (_, c) => c.Episodes.Any(e => e.ClosureDate < e.ReferralDate)),
        new("8640", Error, "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
            (_, c) => c.Episodes.Any(e => e.ClosureReason is { } r && !CensusCodes.ClosureReasons.Contains(r))),
        new("8805", Error, "A CIN case cannot have a CIN closure date without a Reason for Closure",
            (_, c) => c.Episodes.Any(e => e.ClosureDate is not null && e.ClosureReason is null)),
        new("8810", Error, "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
            (_, c) => c.Episodes.Any(e => e.ClosureDate is null && e.ClosureReason is not null)),
        new("8585Q", Query, "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death",
            // The record keeps no date of death yet, so a closure for death always asks.
            (_, c) => c.Episodes.Any(e => e.ClosureReason == "RC2")),
        new("8815", Error, "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.",
            (_, c) => c.Episodes.Count(e => e.ClosureDate is null && !e.ReferralNfa) > 1),
        new("8816", Error, "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.",
            (_, c) => c.Episodes.SkipLast(1).Any(e => e.ClosureDate is null && !e.ReferralNfa)),
        new("8820", Error, "The dates on the CIN episodes for this child overlap",
            (_, c) => c.Episodes.Zip(c.Episodes.Skip(1)).Any(p => p.First.ClosureDate is not { } closed || p.Second.ReferralDate < closed)),
        new("8831", Error, "Activity is recorded against a case marked as a referral with no further action",
            (_, c) => c.Episodes.Any(e => e.ReferralNfa && HasActivity(e))),
        new("8832", Error, "Child Protection details provided for a referral with no further action.",
            (_, c) => c.Episodes.Any(e => e.ReferralNfa && (e.ProtectionPlans.Count > 0 || e.Section47s.Count > 0 || e.InitialConference is not null))),
        new("4000", Error, "CIN Plan details provided for a referral with no further action", (_, c) => c.Episodes.Any(e => e.ReferralNfa && e.ChildInNeedPlans.Count > 0)),
        new("2990", Error, "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.",
            (_, c) => c.Episodes.Any(e => e.ClosureReason is "RC8" or "RC9"
                && (e.ChildInNeedPlans.Count > 0 || e.Section47s.Count > 0 || e.ProtectionPlans.Count > 0 || e.InitialConference is not null))),
        new("8565", Error, "Activity shown after a case has been closed", (_, c) => c.Episodes.Any(e => e.ClosureDate is { } closed && ActivityDates(e).Any(d => d > closed))),

        // Assessments
        new("1103", Error, "The assessment start date cannot be before the referral date", (_, c) => c.Episodes.Any(e => e.Assessments.Any(a => a.StartDate < e.ReferralDate))),
        new("8608", Error, "Assessment Start Date cannot be later than its End Date", (_, c) => Assessments(c).Any(a => a.AuthorisationDate < a.StartDate)),
        new("8696", Error, "Assessment end date must fall within the census year", (y, c) => Assessments(c).Any(a => a.AuthorisationDate is { } d && !y.Contains(d))),
        new("8736", Error, "For an Assessment that has not been completed, the start date must fall within the census year",
            (y, c) => Assessments(c).Any(a => a.AuthorisationDate is null && !y.Contains(a.StartDate))),
        new("8614", Error, "Parental or child factors at assessment should only be present for a completed assessment.",
            (_, c) => Assessments(c).Any(a => a.AuthorisationDate is null && a.Factors.Count > 0)),
        new("8897Q", Query, "Parental or child factors at assessment information is missing from a completed assessment",
            (_, c) => Assessments(c).Any(a => a.AuthorisationDate is not null && a.Factors.Count == 0)),
        new("8898", Error, " The assessment has more than one parental or child factors with the same code",
            (_, c) => Assessments(c).Any(a => a.Factors.Distinct().Count() != a.Factors.Count)),
        new("8869", Error, "The assessment factors code “21” cannot be used in conjunction with any other assessment factors.",
            (_, c) => Assessments(c).Any(a => a.Factors.Contains("21") && a.Factors.Count > 1)),
        new("8945Q", Query, "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)",
            (_, c) => Assessments(c).Any(a => a.Factors.Contains("18A"))),
        new("8950Q", Query, "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)",
            (_, c) => Assessments(c).Any(a => a.Factors.Contains("19A"))),
        new("8896", Error, "Within one CINDetails group there are 2 or more open Assessments groups",
            (_, c) => c.Episodes.Any(e => e.Assessments.Count(a => a.AuthorisationDate is null) > 1)),
        new("8867", Error, "CIN episode is shown as closed, however Assessment is not shown as completed",
            (_, c) => c.Episodes.Any(e => e.ClosureDate is not null && e.Assessments.Any(a => a.AuthorisationDate is null))),

        // CIN plans
        new("4010", Error, "CIN Plan start date is missing or out of data collection period", (y, c) => CinPlans(c).Any(p => p.StartDate > y.ReferenceDate)),
        new("4011", Error, "CIN Plan End Date earlier than Start Date", (_, c) => CinPlans(c).Any(p => p.EndDate < p.StartDate)),
        new("4012Q", Query, "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day",
            (_, c) => CinPlans(c).Any(p => p.EndDate == p.StartDate)),
        new("4013", Error, "CIN Plan end date must fall within the census year", (y, c) => CinPlans(c).Any(p => p.EndDate is { } d && !y.Contains(d))),
        new("4015", Error, "The CIN Plan start date cannot be before the referral date", (_, c) => c.Episodes.Any(e => e.ChildInNeedPlans.Any(p => p.StartDate < e.ReferralDate))),
        new("4004", Error, "This child is showing more than one open CIN Plan, i.e. with no End Date", (_, c) => CinPlans(c).Count(p => p.EndDate is null) > 1),
        new("4001", Error, "A CIN Plan cannot run concurrently with a Child Protection Plan",
            (_, c) => CinPlans(c).Any(cin => ProtectionPlans(c).Any(cp => Overlap(cin.StartDate, cin.EndDate, cp.StartDate, cp.EndDate)))),

        // Section 47 enquiries and initial conferences
        new("2889", Error, "The S47 start date cannot be before the referral date.", (_, c) => c.Episodes.Any(e => e.Section47s.Any(s => s.StartDate < e.ReferralDate))),
        new("8615", Error, "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference",
            (_, c) => Section47s(c).Any(s => s.InitialConference < s.StartDate)),
        new("8740", Error, "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year",
            (y, c) => Section47s(c).Any(s => s.InitialConference is null && !s.ConferenceNotRequired && !y.Contains(s.StartDate))),
        new("8839", Error, "Within one CINDetails group there are 2 or more open S47 Assessments",
            (_, c) => c.Episodes.Any(e => e.Section47s.Count(s => s.InitialConference is null && !s.ConferenceNotRequired) > 1)),
        new("8868", Error, "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag",
            (_, c) => c.Episodes.Any(e => e.ClosureDate is not null && e.Section47s.Any(s => s.InitialConference is null && !s.ConferenceNotRequired))),
        new("8870Q", Query, "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend",
            (_, c) => Section47s(c).Any(s => s.InitialConferenceTarget is { } d && IsWeekend(d))),
        new("8875", Error, "The Date of Initial Child Protection Conference cannot be a weekend", (_, c) => InitialConferences(c).Any(IsWeekend)),
        new("8715", Error, "Date of Initial Child Protection Conference must fall within the census year", (y, c) => InitialConferences(c).Any(d => !y.Contains(d))),
        new("1104", Error, "The date of the initial child protection conference cannot be before the referral date",
            (_, c) => c.Episodes.Any(e => e.InitialConference < e.ReferralDate || e.Section47s.Any(s => s.InitialConference < e.ReferralDate))),
        new("2884", Error, "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one",
            (_, c) => c.Episodes.Any(e => e.InitialConference is { } held && e.Section47s.Any(s => s.InitialConference == held))),

        // Child protection plans
        new("8720", Error, "Child Protection Plan Start Date missing or out of data collection period", (y, c) => ProtectionPlans(c).Any(p => p.StartDate > y.ReferenceDate)),
        new("1105", Error, "The child protection plan start date cannot be before the referral date",
            (_, c) => c.Episodes.Any(e => e.ProtectionPlans.Any(p => p.StartDate < e.ReferralDate))),
        new("8905", Error, "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
            (_, c) => ProtectionPlans(c).Any(p => p.InitialCategory is null || !CensusCodes.AbuseCategories.Contains(p.InitialCategory))),
        new("8910", Error, "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
            (_, c) => ProtectionPlans(c).Any(p => p.LatestCategory is null || !CensusCodes.AbuseCategories.Contains(p.LatestCategory))),
        new("8925", Error, "Child Protection Plan End Date earlier than Start Date", (_, c) => ProtectionPlans(c).Any(p => p.EndDate < p.StartDate)),
        new("8840", Error, "Child Protection Plan cannot start and end on the same day", (_, c) => ProtectionPlans(c).Any(p => p.EndDate == p.StartDate)),
        new("8930", Error, "Child Protection Plan End Date must fall within the census year", (y, c) => ProtectionPlans(c).Any(p => p.EndDate is { } d && !y.Contains(d))),
        new("8935", Error, "This child is showing more than one open Child Protection plan, i.e. with no End Date", (_, c) => ProtectionPlans(c).Count(p => p.EndDate is null) > 1),
        new("8841", Error, "The review date cannot be on the same day or before the Child protection Plan start date.",
            (_, c) => ProtectionPlans(c).Any(p => p.Reviews.Any(r => r <= p.StartDate))),
    ];

    private static bool UpnShapeOk(string? upn) =>
        upn is { Length: 13 } u && char.IsAsciiLetter(u[0]) && u[1..12].All(char.IsAsciiDigit) && LastUpnCharacterOk(u[12]);

    // Character 13 is a digit, or a letter other than I, O and S.
    private static bool LastUpnCharacterOk(char last) => char.IsAsciiDigit(last) || (char.IsAsciiLetterUpper(last) && last is not ('I' or 'O' or 'S'));

    private static IEnumerable<CensusAssessment> Assessments(CensusChild c) => c.Episodes.SelectMany(e => e.Assessments);

    private static IEnumerable<CensusPlanDates> CinPlans(CensusChild c) => c.Episodes.SelectMany(e => e.ChildInNeedPlans);

    private static IEnumerable<CensusSection47> Section47s(CensusChild c) => c.Episodes.SelectMany(e => e.Section47s);

    private static IEnumerable<CensusProtectionPlan> ProtectionPlans(CensusChild c) => c.Episodes.SelectMany(e => e.ProtectionPlans);

    private static IEnumerable<DateOnly> InitialConferences(CensusChild c) =>
        c.Episodes.SelectMany(e => e.Section47s.Select(s => s.InitialConference).Append(e.InitialConference)).OfType<DateOnly>();

    private static bool HasActivity(CensusEpisode e) =>
        e.Assessments.Count > 0 || e.ChildInNeedPlans.Count > 0 || e.Section47s.Count > 0 || e.ProtectionPlans.Count > 0 || e.InitialConference is not null;

    private static IEnumerable<DateOnly> ActivityDates(CensusEpisode e) =>
        e.Assessments.SelectMany(a => new[] { a.StartDate, a.AuthorisationDate }.OfType<DateOnly>())
            .Concat(e.ChildInNeedPlans.SelectMany(p => new[] { p.StartDate, p.EndDate }.OfType<DateOnly>()))
            .Concat(e.Section47s.SelectMany(s => new[] { s.StartDate, s.InitialConference }.OfType<DateOnly>()))
            .Concat(e.ProtectionPlans.SelectMany(p => new[] { p.StartDate, p.EndDate }.OfType<DateOnly>().Concat(p.Reviews)))
            .Concat(e.InitialConference is { } held ? [held] : []);

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // Two periods share more than a day (a CIN plan may end the day a child protection plan starts).
    private static bool Overlap(DateOnly start1, DateOnly? end1, DateOnly start2, DateOnly? end2) =>
        start1 < (end2 ?? DateOnly.MaxValue) && start2 < (end1 ?? DateOnly.MaxValue);
}
