using static Safeguard.Core.Returns.Validation.RuleSeverity;

namespace Safeguard.Core.Returns.Validation;

/// <summary>The rest of DfE's rules for one child: identifiers and ages, episodes, assessments and enquiries.</summary>
public static partial class CensusRules
{
    private static IEnumerable<CensusRule> ChildRules() =>
    [
        // Child identifiers and ages
        new("1530", Error, "UPN invalid (characters 2-4 not a recognised LA code)",
            // The council's own code counts as recognised: it is in DfE's list for every real council, and the demo
            // council's 999 (which is not) stays checkable.
            (y, c) => c.Upn is { Length: 13 } u && !LaCodes.Recognised.Contains(u[1..4]) && u[1..4] != y.Header.LaCode),
        new("8530Q", Query, "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)",
            (y, c) => c.ExpectedBirthDate is { } due && (due < y.ReferenceDate.AddDays(-30) || due > y.ReferenceDate.AddMonths(9))),
        new("8606", Error, "Child referral date is more than 40 weeks before DOB or expected DOB",
            (_, c) => c.Episodes.Any(e => e.ReferralDate < c.BirthDate?.AddDays(-280) || e.ReferralDate < c.ExpectedBirthDate?.AddDays(-280))),
        new("8770Q", Query, "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.",
            (y, c) => c.Upn is null && c.UpnUnknown is not ("UN2" or "UN3" or "UN4" or "UN5" or "UN6" or "UN7")
                && c.BirthDate <= SchoolAgeBornBy(y) && c.Episodes.Any(e => !e.ReferralNfa)),
        new("8772", Error, "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action",
            (_, c) => c.UpnUnknown == "UN7" && c.Episodes.Any(e => !e.ReferralNfa)),
        new("8775Q", Query, "Please check and either amend data or provide a reason: Child is over 25 years old",
            (y, c) => c.BirthDate is { } born && born < y.ReferenceDate.AddYears(-25)
                && c.Episodes.Any(e => e.ClosureDate is not { } closed || closed > born.AddYears(25))),

        // CIN details
        new("8568", Error, "RNFA flag is missing or invalid",
            // The census keeps the flag as a boolean, written true or false: it cannot be missing or invalid.
            (_, _) => false),
        new("8569Q", Query, "A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case",
            (y, c) => c.Episodes.Any(e => e.ReferralNfa && e.ReferralDate < y.WorkingDaysBefore(y.Start, 1))),
        new("2991Q", Query, "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode",
            (_, c) => c.Episodes.Any(e => e.Section47s.Count > 0 && e.Assessments.Count == 0)),
        new("8825Q", Query, "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.",
            (_, c) => c.Episodes.Any(e => e.ClosureReason is "RC8" or "RC9" && e.Assessments.Count == 0)),

        // Assessments and section 47 enquiries still open at the reference date
        new("8670Q", Query, "Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.",
            (y, c) => Assessments(c).Any(a => a.AuthorisationDate is null && a.StartDate < y.WorkingDaysBefore(y.ReferenceDate, 45))),
        new("8873Q", Query, "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
            (_, c) => c.Episodes.Any(e => e.Assessments is [{ } only] && only.Factors.Contains("21") && e.ClosureReason is not ("RC8" or "RC9"))),
        new("8675Q", Query, "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.",
            (y, c) => Section47s(c).Any(s => s.InitialConference is null && !s.ConferenceNotRequired && s.StartDate < y.WorkingDaysBefore(y.ReferenceDate, 15))),

        // Child protection plans
        new("2885", Error, "Child protection plan shown as starting a different day to the initial child protection conference.",
            (y, c) => c.Episodes.Any(e => e.ProtectionPlans.Any(p => y.Contains(p.StartDate)
                && e.InitialConference != p.StartDate && !e.Section47s.Any(s => s.InitialConference == p.StartDate)))),
        new("8730", Error, "Total Number of previous Child Protection Plans missing", (_, c) => ProtectionPlans(c).Any(p => p.PreviousPlans < 0)),
        new("8842Q", Query, "Please check and either amend or provide a reason: Review Record has a missing date",
            // The census keeps a review as its date and writes a Reviews group only with dates in it: none can be missing.
            (_, _) => false),
    ];

    // A child born on or before 31 August six years before the reference date's year has started school (DfE's "school age" for 8770Q).
    private static DateOnly SchoolAgeBornBy(CensusContext y) => new(y.ReferenceDate.Year - 6, 8, 31);
}
