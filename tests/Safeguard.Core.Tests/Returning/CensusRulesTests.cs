using Safeguard.Core.People.Identifiers;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.Validation;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Tests.Returning;

/// <summary>
/// Each of DfE's CIN census rules for one child that Safeguard checks: a child as the 2025-26 census reports them passes
/// every rule, and each rule fails for that child changed in the one way the rule is about.
/// </summary>
public sealed class CensusRulesTests
{
    private static readonly CensusYear Year = new(2026);
    internal static readonly CensusContext Context = CensusContext.For(Year, new CinCensusSettings(), WorkingDayCalendar.Default());
    internal static readonly string ValidUpn = Upn.CheckLetterFor("999250000001") + "999250000001";
    private static readonly DateOnly March = new(2026, 3, 2);

    /// <summary>Referred 2 September 2025, assessed, a section 47 with its conference on Thursday 18 September, a plan reviewed in December.</summary>
    internal static CensusChild Valid() => new("NB000123", ValidUpn, null, null, new DateOnly(2017, 4, 2), null, "F", "WBRI", ["MOB", "HAND"],
    [
        new CensusEpisode(new DateOnly(2025, 9, 2), "2A", "N1", null, null, null, false,
            [new CensusAssessment(new DateOnly(2025, 9, 3), new DateOnly(2025, 9, 4), ["2A", "4A"])],
            [],
            [new CensusSection47(new DateOnly(2025, 9, 4), new DateOnly(2025, 9, 25), new DateOnly(2025, 9, 18), false)],
            [new CensusProtectionPlan(new DateOnly(2025, 9, 18), null, "PHY", "EMO", 0, [new DateOnly(2025, 12, 10)])]),
    ]);

    internal static CensusChild Episode(Func<CensusEpisode, CensusEpisode> change)
    {
        var child = Valid();
        return child with { Episodes = [change(child.Episodes[0])] };
    }

    internal static CensusEpisode Quiet(CensusEpisode e) => e with { Assessments = [], Section47s = [], ProtectionPlans = [], ChildInNeedPlans = [] };

    private static CensusAssessment Assessment(CensusEpisode e) => e.Assessments[0];

    private static CensusSection47 Enquiry(CensusEpisode e) => e.Section47s[0];

    private static CensusProtectionPlan Plan(CensusEpisode e) => e.ProtectionPlans[0];

    internal static readonly CensusPlanDates CinPlan = new(new DateOnly(2025, 6, 1), new DateOnly(2025, 9, 1));

    internal static CensusChild CinPlans(params CensusPlanDates[] plans) =>
        Episode(e => e with { ReferralDate = new DateOnly(2025, 5, 1), ChildInNeedPlans = plans });

    private static readonly Dictionary<string, Func<CensusChild>> Breaks = new()
    {
        ["8500"] = () => Valid() with { LaChildId = "" },
        ["1570"] = () => Valid() with { LaChildId = new string('1', 21) },
        ["1580"] = () => Valid() with { LaChildId = "NB-000123" },
        ["1510"] = () => Valid() with { Upn = (ValidUpn[0] == 'A' ? "B" : "A") + ValidUpn[1..] },
        ["1540"] = () => Valid() with { Upn = ValidUpn[..4] + "12X45678" + ValidUpn[12] },
        ["1550"] = () => Valid() with { Upn = ValidUpn[..12] + "I" },
        ["1560Q"] = () => Valid() with { FormerUpn = "X123" },
        ["4180"] = () => Valid() with { Sex = "1" },
        ["8750"] = () => Valid() with { BirthDate = null, ExpectedBirthDate = new DateOnly(2026, 5, 1) },
        ["8520"] = () => Valid() with { BirthDate = new DateOnly(2026, 4, 1) },
        ["8525Q"] = () => Valid() with { ExpectedBirthDate = new DateOnly(2026, 5, 1) },
        ["4220"] = () => Valid() with { Ethnicity = "XXXX" },
        ["8540"] = () => Valid() with { Disabilities = [] },
        ["8790"] = () => Valid() with { Disabilities = ["NONE", "MOB"] },
        ["8794"] = () => Valid() with { Disabilities = ["MOB", "MOB"] },
        ["8590"] = () => Valid() with { Episodes = [] },
        ["8600"] = () => Episode(e => e with { ReferralDate = new DateOnly(2026, 4, 2) }),
        ["8866"] = () => Episode(e => e with { ReferralSource = "11" }),
        ["8610"] = () => Episode(e => e with { PrimaryNeed = null }),
        ["8650"] = () => Episode(e => e with { PrimaryNeed = "N10" }),
        ["8620"] = () => Episode(e => Quiet(e) with { ReferralDate = new DateOnly(2025, 1, 6), ClosureDate = new DateOnly(2025, 3, 1), ClosureReason = "RC1" }),
        ["8630"] = () => Episode(e => Quiet(e) with { ClosureDate = new DateOnly(2025, 9, 1), ClosureReason = "RC1" }),
        ["8640"] = () => Episode(e => e with { ClosureDate = March, ClosureReason = "RC10" }),
        ["8805"] = () => Episode(e => e with { ClosureDate = March }),
        ["8810"] = () => Episode(e => e with { ClosureReason = "RC1" }),
        ["8585Q"] = () => Episode(e => e with { ClosureDate = March, ClosureReason = "RC2" }),
        ["8815"] = () => Valid() with { Episodes = [.. Valid().Episodes, Quiet(Valid().Episodes[0]) with { ReferralDate = new DateOnly(2025, 10, 1) }] },
        ["8816"] = () => Valid() with
        {
            Episodes = [.. Valid().Episodes, Quiet(Valid().Episodes[0]) with { ReferralDate = new DateOnly(2025, 10, 1), ClosureDate = March, ClosureReason = "RC1" }],
        },
        ["8820"] = () => Valid() with
        {
            Episodes =
            [
                Quiet(Valid().Episodes[0]) with { ReferralDate = new DateOnly(2025, 5, 1), ClosureDate = new DateOnly(2025, 10, 1), ClosureReason = "RC1" },
                .. Valid().Episodes,
            ],
        },
        ["8831"] = () => Episode(e => e with { ReferralNfa = true, Section47s = [], ProtectionPlans = [] }),
        ["8832"] = () => Episode(e => e with { ReferralNfa = true, Assessments = [] }),
        ["4000"] = () => Episode(e => Quiet(e) with { ReferralNfa = true, ChildInNeedPlans = [CinPlan] }),
        ["2990"] = () => Episode(e => e with { ClosureDate = March, ClosureReason = "RC8" }),
        ["8565"] = () => Episode(e => e with { ClosureDate = new DateOnly(2025, 10, 1), ClosureReason = "RC1" }),
        ["1103"] = () => Episode(e => e with { Assessments = [Assessment(e) with { StartDate = new DateOnly(2025, 9, 1) }] }),
        ["8608"] = () => Episode(e => e with { Assessments = [Assessment(e) with { AuthorisationDate = new DateOnly(2025, 9, 2) }] }),
        ["8696"] = () => Episode(e => e with { Assessments = [Assessment(e) with { AuthorisationDate = new DateOnly(2026, 4, 6) }] }),
        ["8736"] = () => Episode(e => e with
        {
            ReferralDate = new DateOnly(2025, 3, 3),
            Assessments = [new CensusAssessment(new DateOnly(2025, 3, 4), null, [])],
        }),
        ["8614"] = () => Episode(e => e with { Assessments = [Assessment(e) with { AuthorisationDate = null }] }),
        ["8897Q"] = () => Episode(e => e with { Assessments = [Assessment(e) with { Factors = [] }] }),
        ["8898"] = () => Episode(e => e with { Assessments = [Assessment(e) with { Factors = ["2A", "2A"] }] }),
        ["8869"] = () => Episode(e => e with { Assessments = [Assessment(e) with { Factors = ["21", "2A"] }] }),
        ["8945Q"] = () => Episode(e => e with { Assessments = [Assessment(e) with { Factors = ["18A"] }] }),
        ["8950Q"] = () => Episode(e => e with { Assessments = [Assessment(e) with { Factors = ["19A"] }] }),
        ["8896"] = () => Episode(e => e with
        {
            Assessments = [new CensusAssessment(new DateOnly(2025, 9, 3), null, []), new CensusAssessment(new DateOnly(2025, 10, 3), null, [])],
        }),
        ["8867"] = () => Episode(e => Quiet(e) with
        {
            ClosureDate = March, ClosureReason = "RC1", Assessments = [new CensusAssessment(new DateOnly(2025, 9, 3), null, [])],
        }),
        ["4010"] = () => CinPlans(new CensusPlanDates(new DateOnly(2026, 4, 6), null)),
        ["4011"] = () => CinPlans(CinPlan with { EndDate = new DateOnly(2025, 5, 20) }),
        ["4012Q"] = () => CinPlans(CinPlan with { EndDate = CinPlan.StartDate }),
        ["4013"] = () => CinPlans(CinPlan with { EndDate = new DateOnly(2026, 4, 10) }),
        ["4015"] = () => Episode(e => e with { ChildInNeedPlans = [CinPlan] }),
        ["4004"] = () => CinPlans(CinPlan with { EndDate = null }, new CensusPlanDates(new DateOnly(2025, 7, 1), null)),
        ["4001"] = () => CinPlans(CinPlan with { EndDate = new DateOnly(2025, 10, 1) }),
        ["2889"] = () => Episode(e => e with { Section47s = [Enquiry(e) with { StartDate = new DateOnly(2025, 9, 1) }] }),
        ["8615"] = () => Episode(e => e with { Section47s = [Enquiry(e) with { InitialConference = new DateOnly(2025, 9, 3) }] }),
        ["8740"] = () => Episode(e => e with
        {
            ReferralDate = new DateOnly(2025, 1, 6),
            Section47s = [new CensusSection47(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 24), null, false)],
        }),
        ["8839"] = () => Episode(e => e with
        {
            Section47s = [Enquiry(e) with { InitialConference = null }, Enquiry(e) with { InitialConference = null, StartDate = new DateOnly(2025, 10, 1) }],
        }),
        ["8868"] = () => Episode(e => e with { ClosureDate = March, ClosureReason = "RC1", Section47s = [Enquiry(e) with { InitialConference = null }] }),
        ["8870Q"] = () => Episode(e => e with { Section47s = [Enquiry(e) with { InitialConferenceTarget = new DateOnly(2025, 9, 27) }] }),
        ["8875"] = () => Episode(e => e with { Section47s = [Enquiry(e) with { InitialConference = new DateOnly(2025, 9, 20) }] }),
        ["8715"] = () => Episode(e => Quiet(e) with { ReferralDate = new DateOnly(2025, 1, 6), InitialConference = new DateOnly(2025, 3, 10) }),
        ["1104"] = () => Episode(e => Quiet(e) with { InitialConference = new DateOnly(2025, 9, 1) }),
        ["2884"] = () => Episode(e => e with { InitialConference = new DateOnly(2025, 9, 18) }),
        ["8720"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { StartDate = new DateOnly(2026, 4, 6), Reviews = [] }] }),
        ["1105"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { StartDate = new DateOnly(2025, 9, 1) }] }),
        ["8905"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { InitialCategory = "XYZ" }] }),
        ["8910"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { LatestCategory = null }] }),
        ["8925"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { EndDate = new DateOnly(2025, 9, 17), Reviews = [] }] }),
        ["8840"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { EndDate = new DateOnly(2025, 9, 18), Reviews = [] }] }),
        ["8930"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { EndDate = new DateOnly(2026, 4, 10) }] }),
        ["8935"] = () => Episode(e => e with { ProtectionPlans = [Plan(e), Plan(e) with { StartDate = new DateOnly(2026, 1, 5), Reviews = [] }] }),
        ["8841"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { Reviews = [new DateOnly(2025, 9, 18)] }] }),
        ["1530"] = () => Valid() with { Upn = Upn.CheckLetterFor("000250000001") + "000250000001" },
        ["8530Q"] = () => Valid() with { BirthDate = null, Sex = "U", ExpectedBirthDate = new DateOnly(2027, 1, 5) },
        ["8606"] = () => Valid() with { BirthDate = new DateOnly(2026, 7, 1) },
        ["4008"] = () => CinPlans(CinPlan) with { DeathDate = new DateOnly(2025, 5, 31) },
        ["4009Q"] = () => CinPlans(CinPlan) with { DeathDate = new DateOnly(2025, 8, 31) },
        ["8535Q"] = () => Valid() with { DeathDate = new DateOnly(2017, 4, 1) },
        ["8545Q"] = () => Valid() with { DeathDate = new DateOnly(2025, 3, 31) },
        ["8555Q"] = () => Valid() with { DeathDate = new DateOnly(2025, 9, 1) },
        ["8915"] = () => Valid() with { DeathDate = new DateOnly(2025, 9, 17) },
        ["8920"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { EndDate = new DateOnly(2026, 2, 2) }] }) with { DeathDate = new DateOnly(2026, 2, 1) },
        ["8770Q"] = () => Valid() with { Upn = null, UpnUnknown = "UN1" },
        ["8772"] = () => Valid() with { Upn = null, UpnUnknown = "UN7" },
        ["8775Q"] = () => Valid() with { BirthDate = new DateOnly(2000, 5, 1) },
        ["8569Q"] = () => Episode(e => Quiet(e) with
        {
            ReferralDate = new DateOnly(2025, 3, 3), ClosureDate = new DateOnly(2025, 4, 2), ClosureReason = "RC1", ReferralNfa = true,
        }),
        ["2991Q"] = () => Episode(e => e with { Assessments = [] }),
        ["8825Q"] = () => Episode(e => Quiet(e) with { ClosureDate = March, ClosureReason = "RC8" }),
        ["8670Q"] = () => Episode(e => e with { Assessments = [new CensusAssessment(new DateOnly(2025, 9, 3), null, [])] }),
        ["8873Q"] = () => Episode(e => e with { Assessments = [Assessment(e) with { Factors = ["21"] }] }),
        ["8675Q"] = () => Episode(e => e with { Section47s = [Enquiry(e) with { InitialConference = null }], ProtectionPlans = [] }),
        ["2885"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { StartDate = new DateOnly(2025, 9, 19) }] }),
        ["8730"] = () => Episode(e => e with { ProtectionPlans = [Plan(e) with { PreviousPlans = -1 }] }),
        ["4014"] = () => CinPlans(CinPlan, new CensusPlanDates(new DateOnly(2025, 8, 1), null)),
        ["8940"] = () => Episode(e => e with { ProtectionPlans = [Plan(e), Plan(e) with { StartDate = new DateOnly(2026, 1, 5), EndDate = new DateOnly(2026, 2, 5), Reviews = [] }] }),
        ["8863Q"] = () => Episode(e => e with { Assessments = [Assessment(e), Assessment(e) with { StartDate = new DateOnly(2025, 9, 4), Factors = ["4A"] }] }),
        ["8890"] = () => Episode(e => e with { Section47s = [Enquiry(e), Enquiry(e) with { StartDate = new DateOnly(2025, 9, 10), InitialConference = null }] }),
        ["4016"] = () => Episode(e => e with { ChildInNeedPlans = [new CensusPlanDates(new DateOnly(2025, 10, 1), null)] }),
        ["4017"] = () => Episode(e => e with { ChildInNeedPlans = [new CensusPlanDates(new DateOnly(2025, 9, 10), new DateOnly(2025, 10, 1))] }),
        ["4003"] = () => Episode(e => e with { ChildInNeedPlans = [new CensusPlanDates(new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 20))] }),
    };

    /// <summary>Rules the census model cannot break: the type of what it keeps rules the failure out.</summary>
    private static readonly Dictionary<string, string> CannotFail = new()
    {
        ["8568"] = "ReferralNFA is a boolean, written true or false",
        ["8842Q"] = "a review is kept as its date, and a Reviews group is written only with dates in it",
    };

    public static TheoryData<string> Codes() => [.. CensusRules.EachChild.Select(r => r.Code).Where(code => !CannotFail.ContainsKey(code))];

    internal static List<string> Failed(CensusChild child) => CensusCheck.Check(Context, child).Select(f => f.Code).ToList();

    [Fact]
    public void AChildAsTheCensusReportsThem_FailsNoRule() =>
        CensusCheck.Check(Context, Valid()).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Codes))]
    public void EachRule_FailsForAChildThatBreaksIt(string code)
    {
        Breaks.ShouldContainKey(code, $"rule {code} has no test");

        var failures = CensusCheck.Check(Context, Breaks[code]()).Select(f => f.Code).ToList();

        failures.ShouldContain(code);
    }

    [Fact]
    public void TheRulesTheModelCannotBreak_AreChecked_AndNeverFail()
    {
        CannotFail.Keys.ShouldBeSubsetOf(CensusRules.EachChild.Select(r => r.Code));
        Breaks.Values.Select(b => b()).Append(Valid()).ShouldAllBe(child => !Failed(child).Any(CannotFail.ContainsKey));
    }

    [Fact]
    public void RuleCodesAreDfEs_OnceEach_AndQueriesEndInQ()
    {
        CensusRules.All.Select(r => r.Code).ShouldBeUnique();
        CensusRules.All.Count.ShouldBe(CensusRules.EachChild.Count + CensusRules.WholeReturn.Count);
        CensusRules.All.ShouldAllBe(r => (r.Severity == RuleSeverity.Query) == r.Code.EndsWith('Q'));
        CensusRules.All.ShouldAllBe(r => r.Message.Trim().Length > 10);
    }
}
