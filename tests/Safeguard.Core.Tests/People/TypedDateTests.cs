using Safeguard.Core.People;
using Safeguard.Core.Records;

namespace Safeguard.Core.Tests.People;

public class TypedDateTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("31/5/19", 2019, 5, 31)]
    [InlineData("31/05/2019", 2019, 5, 31)]
    [InlineData("31 May 2019", 2019, 5, 31)]
    [InlineData("31 may 19", 2019, 5, 31)]
    [InlineData("31-5-2019", 2019, 5, 31)]
    [InlineData("31.5.19", 2019, 5, 31)]
    [InlineData("2019-05-31", 2019, 5, 31)]
    [InlineData("3 Sept 2019", 2019, 9, 3)]
    [InlineData("3 SEP 19", 2019, 9, 3)]
    [InlineData("1/1/30", 1930, 1, 1)]
    [InlineData("2/12/26", 2026, 12, 2)]
    [InlineData("3/12/26", 1926, 12, 3)]
    [InlineData("29/2/2020", 2020, 2, 29)]
    public void TryParse_DatesAsPeopleTypeThem_AreRead(string text, int year, int month, int day)
    {
        TypedDate.TryParse(text, Today, out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("31/2/19")]
    [InlineData("29/2/2019")]
    [InlineData("32/1/2019")]
    [InlineData("0/1/2019")]
    [InlineData("31/13/19")]
    [InlineData("31 Mayday 2019")]
    [InlineData("31 ma 2019")]
    [InlineData("31/5")]
    [InlineData("31/5/219")]
    [InlineData("943 476 5919")]
    [InlineData("99999/5/2019")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Maya Green")]
    public void TryParse_NotARealDate_IsNotADate(string? text)
    {
        TypedDate.TryParse(text, Today, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParse_AnyShortText_NeverThrows()
    {
        var pieces = new[] { "31", "2", "0", "-1", "19", "2019", "May", "x", "/", " ", ".", "-", "99999999999" };
        var random = new Random(7);
        for (var n = 0; n < 5000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => pieces[random.Next(pieces.Length)]));
            Should.NotThrow(() => TypedDate.TryParse(text, Today, out _));
        }
    }

    [Theory]
    [InlineData("Maya 31/5/19", "Maya")]
    [InlineData("Maya 31 May 2019", "Maya")]
    [InlineData("31 may 19 green", "green")]
    public void SearchTerms_NameAndTypedDate_AreReadApart(string text, string name)
    {
        var terms = SearchTerms.Parse(text, Today);

        terms.DateOfBirth.ShouldBe(new DateOnly(2019, 5, 31));
        terms.Names.ShouldBe([name]);
    }

    [Fact]
    public void SearchTerms_ImpossibleDate_IsNotTakenAsADateAndDoesNotThrow()
    {
        var terms = SearchTerms.Parse("31/2/19", Today);

        terms.DateOfBirth.ShouldBeNull();
    }

    [Theory]
    [InlineData("٩٤٣٤٧٦٥٩١٩")]
    [InlineData("٩٤٣ ٤٧٦ ٥٩١٩")]
    public void SearchTerms_DigitsOfAnotherScript_AreNotTakenForAnNhsNumber(string text)
    {
        var terms = SearchTerms.Parse(text, Today);

        terms.NhsNumber.ShouldBeNull();
    }

    [Theory]
    [InlineData("--")]
    [InlineData("-' '-")]
    public void SearchTerms_WordsWithoutLetters_AreNotNames(string text)
    {
        SearchTerms.Parse(text, Today).Names.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--", null)]
    [InlineData(" - ", null)]
    [InlineData("Okafor-Smith", "O216")]
    public void PersonKeys_OfANameWithoutAWord_IsNone(string name, string? key)
    {
        PersonKeys.Name(name).ShouldBe(key);
    }
}
