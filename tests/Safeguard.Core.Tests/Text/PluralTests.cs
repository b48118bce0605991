using Safeguard.Core.Text;

namespace Safeguard.Core.Tests.Text;

public class PluralTests
{
    [Theory]
    [InlineData(0, "0 children")]
    [InlineData(1, "1 child")]
    [InlineData(2, "2 children")]
    [InlineData(1500, "1,500 children")]
    public void Count_IrregularNoun_UsesTheGivenPlural(int n, string expected) =>
        Plural.Count(n, "child", "children").ShouldBe(expected);

    [Theory]
    [InlineData(1, "1 working day")]
    [InlineData(3, "3 working days")]
    public void Count_RegularNoun_AddsAnS(int n, string expected) =>
        Plural.Count(n, "working day").ShouldBe(expected);
}
