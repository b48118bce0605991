using System.Globalization;

namespace Safeguard.Core.Text;

/// <summary>Counts in words for people: "1 child", "2 children", "0 contacts", "1 working day".</summary>
public static class Plural
{
    /// <summary>The number and the noun, singular for exactly one. <paramref name="many"/> defaults to the noun plus "s".</summary>
    public static string Count(long n, string one, string? many = null) =>
        $"{n.ToString("#,0", CultureInfo.InvariantCulture)} {Noun(n, one, many)}";

    /// <summary>Just the noun for the count: "child" for 1, "children" otherwise.</summary>
    public static string Noun(long n, string one, string? many = null) => n == 1 ? one : many ?? one + "s";
}
