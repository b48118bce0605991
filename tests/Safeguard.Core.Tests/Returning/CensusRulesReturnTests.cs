using Safeguard.Core.People.Identifiers;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.Validation;
using Safeguard.Core.Timescales;
using static Safeguard.Core.Tests.Returning.CensusRulesTests;

namespace Safeguard.Core.Tests.Returning;

/// <summary>DfE's rules over the whole return: each fails for a return that breaks it, naming the children to fix where there are some.</summary>
public sealed class CensusRulesReturnTests
{
    private static readonly string[] EightCodes = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"];

    /// <summary>
    /// Children like <see cref="CensusRulesTests.Valid"/>, each with its own ids and eight disabilities: a return that
    /// passes every whole-return rule.
    /// </summary>
    private static List<CensusChild> Children(int count) =>
        Enumerable.Range(1, count).Select(i => Valid() with
        {
            LaChildId = $"NB{i:000000}",
            Upn = UpnFor(i),
            Disabilities = EightCodes,
        } with { PersonId = Guid.NewGuid() }).ToList();

    private static string UpnFor(int i)
    {
        var lastTwelve = $"99925{i:0000000}";
        return Upn.CheckLetterFor(lastTwelve) + lastTwelve;
    }

    private static IReadOnlyList<CensusFailure> Check(IEnumerable<CensusChild> children, CensusContext? context = null)
    {
        var check = new CensusCheck(context ?? Context);
        foreach (var child in children) check.Add(child);
        return check.Finish();
    }

    private static List<CensusFailure> Failures(IEnumerable<CensusChild> children, string code) => Check(children).Where(f => f.Code == code).ToList();

    [Fact]
    public void AReturnOfValidChildren_FailsNoRule() => Check(Children(10)).ShouldBeEmpty();

    [Fact]
    public void TheSameUpnOnTwoChildren_NamesBoth_AndOnlyThem()
    {
        var children = Children(4);
        children[3] = children[3] with { Upn = children[1].Upn };

        var failures = Failures(children, "1520");

        failures.Select(f => f.PersonId).ShouldBe([children[1].PersonId, children[3].PersonId], ignoreOrder: true);
        failures.ShouldAllBe(f => f.Severity == RuleSeverity.Error && f.Message == "More than one record with the same UPN.");
    }

    [Fact]
    public void TheSameLaChildIdOnThreeChildren_NamesAllThree()
    {
        var children = Children(4);
        children[2] = children[2] with { LaChildId = children[0].LaChildId };
        children[3] = children[3] with { LaChildId = children[0].LaChildId };

        Failures(children, "8510").Select(f => f.PersonId).ShouldBe([children[0].PersonId, children[2].PersonId, children[3].PersonId], ignoreOrder: true);
    }

    [Fact]
    public void ChildrenWithNoUpn_DoNotShareOne() =>
        Failures(Children(3).Select(c => c with { Upn = null, UpnUnknown = "UN2" }), "1520").ShouldBeEmpty();

    [Theory]
    [InlineData(49, false)]
    [InlineData(48, true)]
    public void UnknownSex_ForMoreThan2PercentOfTheChildren_NotCountingTheUnborn_NamesThem(int children, bool queried)
    {
        var all = Children(children);
        all[0] = all[0] with { Sex = "U" };
        // One in 50 children, or one in 49 (the unborn child counts among all children, never among those with no sex).
        var unborn = all[1] with { LaChildId = "UNBORN1", Upn = null, BirthDate = null, ExpectedBirthDate = new DateOnly(2026, 5, 1), Sex = "U" };

        var failures = Failures([.. all, unborn], "2886Q");

        failures.Select(f => f.PersonId).ShouldBe(queried ? [all[0].PersonId] : []);
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(7, true)]
    public void FewerThanEightDisabilityCodes_AreQueried_ForTheWholeReturn(int codes, bool queried)
    {
        var children = Children(10).Select((c, i) => c with { Disabilities = [EightCodes[i % codes], "NONE"] }).ToList();

        var failures = Failures(children, "2887Q");

        failures.Count.ShouldBe(queried ? 1 : 0);
        failures.ShouldAllBe(f => f.LaChildId == null && f.PersonId == null);
    }

    [Fact]
    public void NoChildWithTwoDisabilities_IsQueried_ForTheWholeReturn()
    {
        var children = Children(10).Select((c, i) => c with { Disabilities = i == 0 ? ["NONE"] : [EightCodes[i % 8]] }).ToList();

        Failures(children, "2888Q").ShouldHaveSingleItem().PersonId.ShouldBeNull();
        children[0] = children[0] with { Disabilities = ["MOB", "HAND"] };
        Failures(children, "2888Q").ShouldBeEmpty();
    }

    [Fact]
    public void NoChildWithADisability_IsNotQueriedForHavingOnlyOne() =>
        Failures(Children(3).Select(c => c with { Disabilities = ["NONE"] }), "2888Q").ShouldBeEmpty();

    [Fact]
    public void MorePlansStartingThanInitialConferences_FailsTheWholeReturn()
    {
        // Each child's plan starts at their enquiry's conference; one more plan starts with no conference in the return.
        var children = Children(3);
        Check(children).Where(f => f.Code == "2883").ShouldBeEmpty();
        var episode = children[0].Episodes[0];
        children[0] = children[0] with
        {
            Episodes = [episode with { ProtectionPlans = [.. episode.ProtectionPlans, episode.ProtectionPlans[0] with { StartDate = new DateOnly(2026, 2, 2) }] }],
        };

        Failures(children, "2883").ShouldHaveSingleItem().PersonId.ShouldBeNull();
    }

    [Fact]
    public void AReferenceDateOtherThan31MarchOfTheYear_FailsTheWholeReturn()
    {
        var year = new CensusYear(2026);
        var wrong = new CensusContext(year, new CensusHeader(2026, new DateOnly(2026, 3, 30), "999"), WorkingDayCalendar.Default());

        Check(Children(2), wrong).ShouldHaveSingleItem().Code.ShouldBe("100");
        Check(Children(2)).ShouldNotContain(f => f.Code == "100");
    }

    [Fact]
    public void EachWholeReturnRule_HasATestThatBreaksIt() =>
        CensusRules.WholeReturn.Select(r => r.Code).ShouldBe(["100", "1520", "8510", "2883", "2886Q", "2887Q", "2888Q"], ignoreOrder: true);

    [Fact]
    public void TheChildrensFailures_ComeFirst_InTheOrderTheChildrenWereAdded()
    {
        var children = Children(3);
        children[0] = children[0] with { Sex = "1" };
        children[2] = children[2] with { LaChildId = children[1].LaChildId, Sex = "1" };

        Check(children).Select(f => (f.Code, f.PersonId)).ShouldBe(
        [
            ("4180", children[0].PersonId), ("4180", children[2].PersonId), ("8510", children[1].PersonId), ("8510", children[2].PersonId),
        ]);
    }
}
