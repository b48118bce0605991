using Safeguard.Core.Text;

namespace Safeguard.Core.Tests.Text;

public sealed class ClipTests
{
    [Theory]
    [InlineData("abc", 3, "abc")]
    [InlineData("abcd", 3, "abc")]
    [InlineData("ab🙂", 3, "ab")]
    [InlineData("a🙂b", 3, "a🙂")]
    [InlineData("", 3, "")]
    public void ToLength_KeepsAtMostTheLength_AndNeverHalfACharacter(string text, int max, string expected)
    {
        Clip.ToLength(text, max).ShouldBe(expected);
    }

    [Theory]
    [InlineData("abcdef", 6, "abcdef")]
    [InlineData("abcdefg", 6, "abc...")]
    [InlineData("ab🙂defg", 6, "ab...")]
    [InlineData("a🙂cdefg", 6, "a🙂...")]
    public void WithMarker_EndsACutTextWithTheMarker_AndNeverHalfACharacter(string text, int max, string expected)
    {
        Clip.WithMarker(text, max).ShouldBe(expected);
    }

    [Fact]
    public void EveryCutOfALongTextOfEmoji_IsValidText()
    {
        var text = "x" + string.Concat(Enumerable.Repeat("🙂", 50));
        for (var max = 1; max < text.Length; max++)
        {
            var cut = Clip.WithMarker(text, max + 1, "…");
            cut.Length.ShouldBeLessThanOrEqualTo(max + 1);
            System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(cut)).ShouldBe(cut, $"cut at {max}");
        }
    }
}
