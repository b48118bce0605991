using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.People;

/// <summary>The writer's check of a link decided before its transaction against the people added since.</summary>
public sealed class RecentNewPeopleTests
{
    private readonly RecentNewPeople _recent = new(PersonMatchingSettings.Default);

    private static readonly NewChild Maisie = TestData.Child("Maisie", "Okafor", new DateOnly(2019, 3, 2), nhs: "9434765919");

    private static NewPerson Added(NewChild child) => new(Guid.NewGuid(), child);

    [Fact]
    public void APersonCommittedAfterTheDecisionBegan_IsLinkedInsteadOfANewOne()
    {
        var watermark = _recent.Watermark;
        var maisie = Added(Maisie);
        _recent.Committed([maisie]);

        var plan = _recent.Recheck(PersonLinkPlan.New([]), Maisie, watermark, []);

        plan.ShouldNotBeNull().ExistingPersonId.ShouldBe(maisie.PersonId);
    }

    [Fact]
    public void APersonStagedEarlierInTheSameTransaction_IsLinked()
    {
        var maisie = Added(Maisie);

        var plan = _recent.Recheck(PersonLinkPlan.New([]), Maisie with { NhsNumber = null }, _recent.Watermark, [maisie]);

        plan.ShouldNotBeNull().ExistingPersonId.ShouldBe(maisie.PersonId);
    }

    [Fact]
    public void APersonCommittedBeforeTheDecisionBegan_IsNotCheckedAgain()
    {
        _recent.Committed([Added(Maisie)]);
        var watermark = _recent.Watermark;

        var plan = _recent.Recheck(PersonLinkPlan.New([]), Maisie, watermark, []);

        plan.ShouldNotBeNull().ExistingPersonId.ShouldBeNull();
    }

    [Fact]
    public void SomeoneElse_LeavesTheDecisionAlone_AndADecisionToLinkIsNeverChanged()
    {
        var watermark = _recent.Watermark;
        _recent.Committed([Added(TestData.Child("Jacob", "Lund", new DateOnly(2011, 8, 30)) with { Postcode = "NB9 9ZZ" })]);
        var existing = Guid.NewGuid();

        _recent.Recheck(PersonLinkPlan.New([]), Maisie, watermark, []).ShouldBe(PersonLinkPlan.New([]), new PlanComparer());
        _recent.Recheck(PersonLinkPlan.Existing(existing), Maisie, watermark, [Added(Maisie)])!.ExistingPersonId.ShouldBe(existing);
    }

    [Fact]
    public void APossibleMatch_IsQueuedForReview_WithTheOnesTheLinkerFound_OncePerPerson()
    {
        // Twins: same family, date of birth and address, different given names: never "certain", at most "possible".
        var sister = Added(TestData.Child("Amara", "Okafor", Maisie.DateOfBirth));
        var band = Core.People.Matching.PersonMatcher.Compare(
            Core.People.Matching.PersonMatcher.Prepare(PersonCandidates.ToRecord(PersonQuery.From(Maisie))), sister.Record).Band;
        band.ShouldBe(Core.People.Matching.MatchBand.Possible, "the test needs a pair the engine calls possible");
        var fromTheLinker = new PossibleMatch(sister.PersonId, "Amara Okafor", 3.0, "Possible", "[]");
        var watermark = _recent.Watermark;
        _recent.Committed([sister]);

        var plan = _recent.Recheck(PersonLinkPlan.New([fromTheLinker]), Maisie with { NhsNumber = null }, watermark, []);

        plan.ShouldNotBeNull().ExistingPersonId.ShouldBeNull();
        plan.PossibleMatches.Select(m => m.PersonId).ShouldBe([sister.PersonId]);
    }

    [Fact]
    public void ADecisionOlderThanEveryoneHeld_MustBeMadeAgain()
    {
        var watermark = _recent.Watermark;
        _recent.Committed(Enumerable.Range(0, RecentNewPeople.Capacity + 1).Select(i => Added(TestData.Child("Child", $"Number{i}"))));

        _recent.Recheck(PersonLinkPlan.New([]), Maisie, watermark, []).ShouldBeNull();
        _recent.Recheck(PersonLinkPlan.New([]), Maisie, watermark + 1, []).ShouldNotBeNull();
    }

    private sealed class PlanComparer : IEqualityComparer<PersonLinkPlan>
    {
        public bool Equals(PersonLinkPlan? x, PersonLinkPlan? y) =>
            x?.ExistingPersonId == y?.ExistingPersonId && (x?.PossibleMatches ?? []).SequenceEqual(y?.PossibleMatches ?? []);

        public int GetHashCode(PersonLinkPlan obj) => 0;
    }
}
