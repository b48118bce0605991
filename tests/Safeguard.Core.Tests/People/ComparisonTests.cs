using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.Tests.People;

public class ComparisonTests
{
    private static PersonRecord Person(
        string id,
        string? given = "Elizabeth",
        string? family = "Harrington",
        string? dob = "2012-03-07",
        string? nhs = null,
        string? postcode = "LS6 2AB",
        string? line = "14 Cardigan Road",
        string? town = "Leeds",
        Sex sex = Sex.Female,
        params string[] otherNames) => new()
        {
            Id = id,
            GivenName = given,
            FamilyName = family,
            DateOfBirth = PartialDate.Parse(dob),
            NhsNumber = nhs,
            Postcode = postcode,
            AddressLines = line is null ? [] : [line],
            Town = town,
            Sex = sex,
            OtherNames = otherNames,
        };

    private static FieldComparison Field(MatchComparison comparison, MatchField field) =>
        comparison.Fields.Single(f => f.Field == field);

    [Fact]
    public void Compare_Nickname_IsPartialAgreementOnGivenName()
    {
        var result = PersonMatcher.Compare(Person("a", given: "Elizabeth"), Person("b", given: "Liz"));

        var given = Field(result, MatchField.GivenName);
        given.Kind.ShouldBe(AgreementKind.Partial);
        given.Description.ShouldContain("nickname");
        given.Weight.ShouldBeGreaterThan(0);
        Nicknames.AreVariants("Bob", "Robert").ShouldBeTrue();
        Nicknames.AreVariants("Bob", "William").ShouldBeFalse();
    }

    [Fact]
    public void Compare_DayAndMonthSwapped_IsPartialAgreementOnDateOfBirth()
    {
        var result = PersonMatcher.Compare(Person("a", dob: "2012-03-07"), Person("b", dob: "03/07/2012"));

        var dob = Field(result, MatchField.DateOfBirth);
        dob.Description.ShouldBe("day and month swapped");
        dob.Kind.ShouldBe(AgreementKind.Partial);
        dob.Weight.ShouldBeGreaterThan(0);
        dob.Detail.ShouldStartWith("Date of birth: day and month swapped (partial agreement, +");
        dob.Explanation.ShouldBe("date of birth with day and month swapped");
    }

    [Fact]
    public void Compare_InvalidDateWithOneDigitWrong_IsPartialAgreement()
    {
        var result = PersonMatcher.Compare(Person("a", dob: "20120307"), Person("b", dob: "20120337"));

        Field(result, MatchField.DateOfBirth).Level.ShouldBe(2);
    }

    [Fact]
    public void Compare_PartialDateWithSameYearAndMonth_IsConsistent()
    {
        var result = PersonMatcher.Compare(Person("a", dob: "2012-03"), Person("b", dob: "2012-03-07"));

        Field(result, MatchField.DateOfBirth).Description.ShouldStartWith("year and month agree");
    }

    [Fact]
    public void Compare_GivenAndFamilyNamesSwapped_AgreesAndSaysSo()
    {
        var straight = PersonMatcher.Compare(Person("a"), Person("b"));
        var swapped = PersonMatcher.Compare(Person("a"), Person("b", given: "Harrington", family: "Elizabeth"));

        Field(swapped, MatchField.GivenName).Kind.ShouldBe(AgreementKind.Exact);
        Field(swapped, MatchField.FamilyName).Description.ShouldContain("swapped");
        swapped.Score.ShouldBe(straight.Score);
    }

    [Fact]
    public void Compare_TypoInFamilyName_IsPartialAgreement()
    {
        var result = PersonMatcher.Compare(Person("a", family: "Harrington"), Person("b", family: "Harringtin"));

        Field(result, MatchField.FamilyName).Description.ShouldBe("agrees apart from a small typo");
    }

    [Fact]
    public void Compare_FormerFamilyName_AgreesWithAlias()
    {
        var result = PersonMatcher.Compare(Person("a", family: "Smith"), Person("b", family: "Jones", otherNames: ["Smith"]));

        Field(result, MatchField.FamilyName).Level.ShouldBe(1);
    }

    [Fact]
    public void Compare_SameValidNhsNumber_CountsHeavily()
    {
        var result = PersonMatcher.Compare(Person("a", nhs: "943 476 5919"), Person("b", given: "Beth", nhs: "9434765919"));

        var nhs = Field(result, MatchField.NhsNumber);
        nhs.Kind.ShouldBe(AgreementKind.Exact);
        nhs.Weight.ShouldBeGreaterThan(15);
    }

    [Fact]
    public void Compare_DifferentValidNhsNumbers_CountStronglyAgainstAndAreNeverCertain()
    {
        var result = PersonMatcher.Compare(Person("a", nhs: "9434765919"), Person("b", nhs: "4010232137"));

        Field(result, MatchField.NhsNumber).Weight.ShouldBeLessThan(-8);
        result.Band.ShouldNotBe(MatchBand.Certain);
    }

    [Fact]
    public void Compare_InvalidNhsNumber_IsTreatedAsMissing()
    {
        var result = PersonMatcher.Compare(Person("a", nhs: "9434765918"), Person("b", nhs: "9434765918"));

        var nhs = Field(result, MatchField.NhsNumber);
        nhs.Kind.ShouldBe(AgreementKind.Missing);
        nhs.Detail.ShouldBe("NHS number: missing on one or both records (0)");
        nhs.Explanation.ShouldBe("no NHS number to compare");
    }

    [Fact]
    public void Compare_Twins_AreNeverCertain()
    {
        var result = PersonMatcher.Compare(Person("a", given: "Olivia"), Person("b", given: "Amelia"));

        Field(result, MatchField.GivenName).Kind.ShouldBe(AgreementKind.Disagreement);
        result.Band.ShouldNotBe(MatchBand.Certain);
    }

    [Fact]
    public void Compare_MovedHouse_CountsOnceAsDifferentAddress()
    {
        var result = PersonMatcher.Compare(
            Person("a", nhs: "9434765919"),
            Person("b", nhs: "9434765919", line: "2 Acacia Avenue", postcode: "M1 1AE", town: "Manchester"));

        var address = Field(result, MatchField.Address);
        address.Kind.ShouldBe(AgreementKind.Disagreement);
        result.Band.ShouldBe(MatchBand.Certain);
    }

    [Fact]
    public void Detail_NamesEveryFieldWithItsWeight()
    {
        var result = PersonMatcher.Compare(Person("a"), Person("b", given: "Liz"));

        var text = string.Join("\n", result.Fields.Select(f => f.Detail));
        foreach (var label in new[] { "Given name:", "Family name:", "Date of birth:", "Sex:", "NHS number:", "Other identifier", "Address:" })
        {
            text.ShouldContain(label);
        }

        result.Fields.ShouldContain(f => f.Detail.StartsWith("Family name: agrees exactly (+", StringComparison.Ordinal));
    }

    [Fact]
    public void Explanation_IsPlainWordsWithoutWeights()
    {
        var result = PersonMatcher.Compare(Person("a"), Person("b", given: "Liz", line: "2 Acacia Avenue", postcode: "M1 1AE", town: "Manchester"));

        result.Explanation.ShouldContain("same date of birth");
        result.Explanation.ShouldContain("same family name");
        result.Explanation.ShouldContain("first name is a nickname, alias or one of several first names");
        result.Explanation.ShouldContain("different address (may have moved)");
        foreach (var line in result.Explanation) line.ShouldNotMatch(@"agreement|[+-]\d|\d\)$");
    }

    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.84)]
    [InlineData("dixon", "dicksonx", 0.813)]
    public void JaroWinkler_KnownValues(string a, string b, double expected)
    {
        StringSimilarity.JaroWinkler(a, b).ShouldBe(expected, 0.001);
    }

    [Theory]
    [InlineData("ca", "ac", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("smith", "smtih", 1)]
    public void DamerauLevenshtein_KnownValues(string a, string b, int expected)
    {
        StringSimilarity.DamerauLevenshtein(a, b).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Ashcraft", "A261")]
    [InlineData("Tymczak", "T522")]
    [InlineData("Pfister", "P236")]
    public void Soundex_KnownValues(string name, string code)
    {
        Phonetics.Soundex(name).ShouldBe(code);
    }
}
