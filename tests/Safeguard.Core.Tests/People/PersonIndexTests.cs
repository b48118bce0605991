using Safeguard.Core.People.Matching;

namespace Safeguard.Core.Tests.People;

public class PersonIndexTests
{
    private static PersonRecord Person(string id, string given, string family, string dob, string postcode, string? nhs = null) => new()
    {
        Id = id,
        GivenName = given,
        FamilyName = family,
        DateOfBirth = PartialDate.Parse(dob),
        Postcode = postcode,
        AddressLines = ["1 High Street"],
        Town = "Leeds",
        NhsNumber = nhs,
    };

    [Fact]
    public void FindCandidates_DuplicateWithTyposAndNickname_IsFoundFirstWithExplanation()
    {
        var index = new PersonIndex();
        index.Add(Person("1", "Robert", "Hargreaves", "2011-04-09", "LS6 2AB"));
        index.Add(Person("2", "Susan", "Hargreaves", "2013-06-01", "LS6 2AB"));
        index.Add(Person("3", "Robert", "Smith", "1980-01-01", "M1 1AE"));

        var candidates = index.FindCandidates(Person("new", "Bob", "Hargraves", "2011-09-04", "LS6 2AB"), max: 5);

        candidates.ShouldNotBeEmpty();
        candidates[0].Id.ShouldBe("1");
        candidates[0].Score.ShouldBeGreaterThan(candidates.Skip(1).Select(c => c.Score).DefaultIfEmpty(double.MinValue).Max());
        candidates[0].Probability.ShouldBeInRange(0, 1);
        candidates[0].Explanation.ShouldContain("date of birth with day and month swapped");
        candidates[0].Explanation.ShouldContain("first name is a nickname, alias or one of several first names");
    }

    [Fact]
    public void FindCandidates_SharedNhsNumber_IsCertainEvenWithOtherDifferences()
    {
        var index = new PersonIndex();
        index.Add(Person("1", "Aisha", "Khan", "2015-02-03", "B33 8TH", nhs: "9434765919"));

        var candidates = index.FindCandidates(Person("new", "Aysha", "Begum", "2015-02-03", "CR2 6XH", nhs: "943 476 5919"), max: 5);

        candidates.Single().Band.ShouldBe(MatchBand.Certain);
    }

    [Fact]
    public void FindCandidates_NobodyAlike_ReturnsNothing()
    {
        var index = new PersonIndex();
        index.Add(Person("1", "Aisha", "Khan", "2015-02-03", "B33 8TH"));

        index.FindCandidates(Person("new", "Tom", "Jones", "1990-10-10", "SW1A 1AA"), max: 5).ShouldBeEmpty();
    }

    [Fact]
    public void Deduplicate_ThreeRecordsOfOnePerson_ClosesTheTriangleButNotStrangers()
    {
        PersonRecord[] records =
        [
            Person("a", "Robert", "Hargreaves", "2011-04-09", "LS6 2AB"),
            Person("b", "Rob", "Hargreaves", "2011-04-09", "LS6 2AB"),
            Person("c", "Robert", "Hargreaves", "2011-09-04", "LS6 2AB"),
            Person("d", "Susan", "Jones", "1970-06-01", "M1 1AE"),
        ];

        var result = PersonMatcher.Deduplicate(records, threshold: 10, new DedupeOptions { EstimateWeights = false });

        result.Pairs.Select(p => p.Id1 + p.Id2).Order().ShouldBe(["ab", "ac", "bc"]);
        result.Thresholds.Possible.ShouldBe(10);
    }
}
