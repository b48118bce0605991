using Safeguard.Core.Returns;
using static Safeguard.Core.Tests.Returning.CensusRulesTests;

namespace Safeguard.Core.Tests.Returning;

/// <summary>DfE's date-of-death rules at their edges: the same day passes, a day after fails; no date of death, no failure.</summary>
public sealed class CensusDeathRulesTests
{
    // The valid child's plan starts on 18 September 2025; the referral is 2 September 2025.
    [Theory]
    [InlineData("2025-09-18", false)]
    [InlineData("2025-09-17", true)]
    public void APlanStartingOnTheDayOfDeath_Passes_ADayAfter_Fails(string died, bool fails) =>
        Failed(Valid() with { DeathDate = DateOnly.Parse(died, System.Globalization.CultureInfo.InvariantCulture) }).Contains("8915").ShouldBe(fails);

    [Theory]
    [InlineData("2025-09-02", false)]
    [InlineData("2025-09-01", true)]
    public void AReferralOnTheDayOfDeath_Passes_ADayAfter_IsQueried(string died, bool fails) =>
        Failed(Valid() with { DeathDate = DateOnly.Parse(died, System.Globalization.CultureInfo.InvariantCulture) }).Contains("8555Q").ShouldBe(fails);

    [Theory]
    [InlineData("2025-04-01", false)]
    [InlineData("2025-03-31", true)]
    public void ADeathOnTheFirstDayOfTheYear_Passes_TheDayBefore_IsQueried(string died, bool fails) =>
        Failed(Valid() with { Episodes = [], DeathDate = DateOnly.Parse(died, System.Globalization.CultureInfo.InvariantCulture) }).Contains("8545Q")
            .ShouldBe(fails);

    [Fact]
    public void ACinPlanEndingOnTheDayOfDeath_Passes()
    {
        var child = CinPlans(CinPlan) with { DeathDate = CinPlan.EndDate };
        Failed(child).ShouldNotContain("4009Q");
        Failed(child).ShouldNotContain("4008");
    }

    [Fact]
    public void AnUnbornChildDueAfterTheRecordedDeath_IsLeftToTheBirthRules()
    {
        var unborn = Valid() with { BirthDate = null, Sex = "U", ExpectedBirthDate = new DateOnly(2026, 5, 1), DeathDate = new DateOnly(2026, 3, 1), Episodes = [] };
        Failed(unborn).ShouldNotContain("8535Q");
        Failed(unborn with { ExpectedBirthDate = new DateOnly(2026, 2, 1) }).ShouldContain("8535Q");
    }

    [Fact]
    public void NoDateOfDeath_FailsNoneOfThem() =>
        Failed(CinPlans(CinPlan)).Intersect(["4008", "4009Q", "8535Q", "8545Q", "8555Q", "8915", "8920"]).ShouldBeEmpty();
}
