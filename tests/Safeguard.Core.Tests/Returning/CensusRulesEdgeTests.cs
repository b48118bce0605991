using Safeguard.Core.People.Identifiers;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.Validation;
using static Safeguard.Core.Tests.Returning.CensusRulesTests;

namespace Safeguard.Core.Tests.Returning;

/// <summary>The rules with a threshold or a date edge, each on both sides of it (census 2025-26, reference date Tuesday 31 March 2026).</summary>
public sealed class CensusRulesEdgeTests
{
    private static CensusChild Unborn(DateOnly due) => Valid() with { BirthDate = null, Sex = "U", ExpectedBirthDate = due, Episodes = [] };

    [Theory]
    [InlineData("2026-03-01", false)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-12-31", false)]
    [InlineData("2027-01-01", true)]
    public void ExpectedBirth_From30DaysBefore_To9MonthsAfter_TheReferenceDate(string due, bool queried) =>
        Failed(Unborn(DateOnly.Parse(due))).Contains("8530Q").ShouldBe(queried);

    [Theory]
    [InlineData(280, false)]
    [InlineData(281, true)]
    public void AReferral_AtMost280DaysBeforeBirth(int daysBefore, bool fails) =>
        Failed(Valid() with { BirthDate = new DateOnly(2025, 9, 2).AddDays(daysBefore) }).Contains("8606").ShouldBe(fails);

    [Theory]
    [InlineData("2020-08-31", true)]
    [InlineData("2020-09-01", false)]
    public void NoUpn_IsQueried_FromSchoolAge(string born, bool queried) =>
        Failed(Valid() with { BirthDate = DateOnly.Parse(born), Upn = null, UpnUnknown = "UN1" }).Contains("8770Q").ShouldBe(queried);

    [Fact]
    public void NoUpn_AtSchoolAge_IsNotQueried_WithAReasonOtherThanUn1() =>
        Failed(Valid() with { Upn = null, UpnUnknown = "UN2" }).ShouldNotContain("8770Q");

    [Theory]
    [InlineData("2001-03-31", false)]
    [InlineData("2001-03-30", true)]
    public void AChildOver25_IsQueried(string born, bool queried) =>
        Failed(Valid() with { BirthDate = DateOnly.Parse(born) }).Contains("8775Q").ShouldBe(queried);

    [Fact]
    public void AChildOver25_IsNotQueried_WhenTheEpisodeClosedBeforeTheir25thBirthday() =>
        Failed(Episode(e => Quiet(e) with { ReferralDate = new DateOnly(2025, 4, 2), ClosureDate = new DateOnly(2025, 4, 10), ClosureReason = "RC1" })
            with { BirthDate = new DateOnly(2000, 5, 1) }).ShouldNotContain("8775Q");

    // The census year starts on Tuesday 1 April 2025; one working day before is Monday 31 March.
    [Theory]
    [InlineData("2025-03-31", false)]
    [InlineData("2025-03-28", true)]
    public void ANoFurtherActionReferral_FromBeforeOneWorkingDayBeforeTheYear_IsQueried(string referred, bool queried) =>
        Failed(Episode(e => Quiet(e) with
        {
            ReferralDate = DateOnly.Parse(referred), ClosureDate = new DateOnly(2025, 4, 2), ClosureReason = "RC1", ReferralNfa = true,
        })).Contains("8569Q").ShouldBe(queried);

    // 45 working days before Tuesday 31 March 2026 (no bank holiday between) is Tuesday 27 January.
    [Theory]
    [InlineData("2026-01-27", false)]
    [InlineData("2026-01-26", true)]
    public void AnOpenAssessment_StartedMoreThan45WorkingDaysBeforeTheReferenceDate_IsQueried(string started, bool queried) =>
        Failed(Episode(e => e with { ReferralDate = new DateOnly(2026, 1, 5), Assessments = [new CensusAssessment(DateOnly.Parse(started), null, [])],
            Section47s = [], ProtectionPlans = [] })).Contains("8670Q").ShouldBe(queried);

    // 15 working days before Tuesday 31 March 2026 is Tuesday 10 March.
    [Theory]
    [InlineData("2026-03-10", false)]
    [InlineData("2026-03-09", true)]
    public void AnEnquiryWithNoConference_StartedMoreThan15WorkingDaysBeforeTheReferenceDate_IsQueried(string started, bool queried) =>
        Failed(Episode(e => e with { Section47s = [new CensusSection47(DateOnly.Parse(started), null, null, false)], ProtectionPlans = [] }))
            .Contains("8675Q").ShouldBe(queried);

    [Fact]
    public void AnEnquiryThatNeededNoConference_IsNotQueriedForHavingNone() =>
        Failed(Episode(e => e with { Section47s = [new CensusSection47(new DateOnly(2025, 9, 4), null, null, true)], ProtectionPlans = [] }))
            .ShouldNotContain("8675Q");

    [Theory]
    [InlineData("2025-09-01", true)]
    [InlineData("2025-09-02", false)]
    public void ACinPlan_StartingOnOrBeforeTheDayTheLastEnded_Overlaps(string start, bool fails) =>
        Failed(CinPlans(CinPlan, new CensusPlanDates(DateOnly.Parse(start), null))).Contains("4014").ShouldBe(fails);

    [Theory]
    [InlineData("2025-11-01", true)]
    [InlineData("2025-11-02", false)]
    public void AProtectionPlan_StartingOnOrBeforeTheDayTheLastEnded_Overlaps(string start, bool fails) =>
        Failed(Episode(e => e with
        {
            ProtectionPlans = [Plan(e) with { EndDate = new DateOnly(2025, 11, 1), Reviews = [] }, Plan(e) with { StartDate = DateOnly.Parse(start), Reviews = [] }],
        })).Contains("8940").ShouldBe(fails);

    [Theory]
    [InlineData("2025-09-18", true)]
    [InlineData("2025-11-01", false)]
    public void ACinPlan_MayStartTheDayAProtectionPlanEnds(string start, bool fails) =>
        Failed(Episode(e => e with
        {
            ProtectionPlans = [Plan(e) with { EndDate = new DateOnly(2025, 11, 1), Reviews = [] }],
            ChildInNeedPlans = [new CensusPlanDates(DateOnly.Parse(start), null)],
        })).Contains("4016").ShouldBe(fails);

    [Fact]
    public void AReview_OnTheDayTheProtectionPlanEnds_MayFallInACinPlan() =>
        Failed(Episode(e => e with
        {
            ProtectionPlans = [Plan(e) with { EndDate = new DateOnly(2025, 12, 10) }],
            ChildInNeedPlans = [new CensusPlanDates(new DateOnly(2025, 12, 10), null)],
        })).ShouldNotContain("4003");

    [Fact]
    public void AProtectionPlan_StartingAtTheEpisodesOwnInitialConference_Passes2885() =>
        Failed(Episode(e => e with { Section47s = [], InitialConference = new DateOnly(2025, 9, 18) })).ShouldNotContain("2885");

    [Fact]
    public void TwoEnquiries_OneAfterTheOtherNeededNoConference_DoNotOverlap() =>
        Failed(Episode(e => e with
        {
            Section47s = [new CensusSection47(new DateOnly(2025, 9, 3), null, null, true), Enquiry(e)],
        })).ShouldNotContain("8890");

    [Theory]
    [InlineData("999", false)]
    [InlineData("201", false)]
    [InlineData("942", false)]
    [InlineData("998", true)]
    [InlineData("000", true)]
    public void TheUpnsLaCode_IsDfEs_OrTheCouncilsOwn(string code, bool fails)
    {
        var lastTwelve = code + "250000001";
        Failed(Valid() with { Upn = Upn.CheckLetterFor(lastTwelve) + lastTwelve }).Contains("1530").ShouldBe(fails);
    }

    [Fact]
    public void DfEsLaCodes_AreTheListInTheRule()
    {
        LaCodes.Recognised.Count.ShouldBe(195);
        LaCodes.Recognised.ShouldContain("001");
        LaCodes.Recognised.ShouldContain("943");
        LaCodes.Recognised.ShouldNotContain("999");
        LaCodes.Recognised.ShouldNotContain("804");
    }

    private static CensusProtectionPlan Plan(CensusEpisode e) => e.ProtectionPlans[0];

    private static CensusSection47 Enquiry(CensusEpisode e) => e.Section47s[0];
}
