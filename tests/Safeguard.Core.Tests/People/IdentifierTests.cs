using Safeguard.Core.People.Identifiers;

namespace Safeguard.Core.Tests.People;

public class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919", "943 476 5919")]
    [InlineData("943 476 5919", "943 476 5919")]
    [InlineData("4010232137", "401 023 2137")]
    [InlineData(" 401-023-2137 ", "401 023 2137")]
    public void TryParse_ValidNumber_FormatsWithSpaces(string input, string formatted)
    {
        NhsNumber.TryParse(input, out var number).ShouldBeTrue();
        number.ToString().ShouldBe(formatted);
        number.Value.ShouldBe(formatted.Replace(" ", ""));
    }

    [Theory]
    [InlineData("9434765919", "943 476 5919")]
    [InlineData("943 476 5919", "943 476 5919")]
    [InlineData("9434765918", "9434765918")] // stored before numbers were checked: shown as it is
    [InlineData(null, "Not known")]
    [InlineData(" ", "Not known")]
    public void Display_ShowsAStoredNumberAsPeopleReadIt(string? stored, string shown) =>
        NhsNumber.Display(stored).ShouldBe(shown);

    [Theory]
    [InlineData("9434765918")] // wrong check digit
    [InlineData("1234567890")] // check digit would be 10: never valid
    [InlineData("943476591")] // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("94347A5919")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_InvalidNumber_IsRejected(string? input)
    {
        NhsNumber.TryParse(input, out _).ShouldBeFalse();
    }
}

public class UpnTests
{
    [Theory]
    [InlineData("B801200005001")]
    [InlineData("b801200005001")]
    public void TryParse_ValidUpn_IsAccepted(string input)
    {
        Upn.TryParse(input, out var upn).ShouldBeTrue();
        upn.Value.ShouldBe("B801200005001");
        upn.IsTemporary.ShouldBeFalse();
    }

    [Fact]
    public void CheckLetterFor_TemporaryUpnEndingInLetter_IsComputedAndAccepted()
    {
        var check = Upn.CheckLetterFor("80120000500A");
        Upn.TryParse(check + "80120000500A", out var upn).ShouldBeTrue();
        upn.IsTemporary.ShouldBeTrue();
    }

    [Theory]
    [InlineData("A801200005001")] // wrong check letter
    [InlineData("I801200005001")] // I is never used
    [InlineData("B80120000500")] // twelve characters
    [InlineData("B8012000050011")]
    [InlineData("B8012000X5001")]
    [InlineData(null)]
    public void TryParse_InvalidUpn_IsRejected(string? input)
    {
        Upn.TryParse(input, out _).ShouldBeFalse();
    }
}

public class PostcodeTests
{
    [Theory]
    [InlineData("sw1a1aa", "SW1A 1AA", "SW1A")]
    [InlineData("SW1A 1AA", "SW1A 1AA", "SW1A")]
    [InlineData(" m1 1ae ", "M1 1AE", "M1")]
    [InlineData("B338TH", "B33 8TH", "B33")]
    [InlineData("cr2 6xh", "CR2 6XH", "CR2")]
    [InlineData("DN55 1PT", "DN55 1PT", "DN55")]
    [InlineData("W1A 0AX", "W1A 0AX", "W1A")]
    [InlineData("GIR 0AA", "GIR 0AA", "GIR")]
    public void TryParse_ValidPostcode_IsNormalised(string input, string normalised, string outward)
    {
        Postcode.TryParse(input, out var postcode).ShouldBeTrue();
        postcode.Value.ShouldBe(normalised);
        postcode.OutwardCode.ShouldBe(outward);
    }

    [Theory]
    [InlineData("SW1A")]
    [InlineData("SW1A 1A")]
    [InlineData("1W1A 1AA")]
    [InlineData("SW1A-1AA")]
    [InlineData("4011")]
    [InlineData("GIR 1AA")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_InvalidPostcode_IsRejected(string? input)
    {
        Postcode.TryParse(input, out _).ShouldBeFalse();
    }
}
