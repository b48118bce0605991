using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Safeguard.Core.People.Identifiers;

/// <summary>
/// A UK postcode, validated against the outward/inward pattern (BS 7666) and normalised to upper case with one
/// space before the inward code, e.g. "SW1A 1AA".
/// </summary>
public readonly partial record struct Postcode
{
    private Postcode(string value) => Value = value;

    /// <summary>Normalised form, e.g. "SW1A 1AA".</summary>
    public string Value { get; }

    /// <summary>The outward code (area and district), e.g. "SW1A".</summary>
    public string OutwardCode => Value is null ? string.Empty : Value[..Value.IndexOf(' ')];

    /// <summary>The inward code (sector and unit), e.g. "1AA".</summary>
    public string InwardCode => Value is null ? string.Empty : Value[(Value.IndexOf(' ') + 1)..];

    [GeneratedRegex("^(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR)[0-9][A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Compact();

    public static bool TryParse([NotNullWhen(true)] string? text, out Postcode postcode)
    {
        postcode = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[8];
        var count = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                continue;
            }

            if (count == buffer.Length || !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            buffer[count++] = char.ToUpperInvariant(c);
        }

        if (count is < 5 or > 7)
        {
            return false;
        }

        var compact = new string(buffer[..count]);
        if (!Compact().IsMatch(compact) || (compact.StartsWith("GIR", StringComparison.Ordinal) && compact != "GIR0AA"))
        {
            return false;
        }

        postcode = new Postcode(string.Concat(compact.AsSpan(0, count - 3), " ", compact.AsSpan(count - 3)));
        return true;
    }

    public static Postcode Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a valid UK postcode.");

    public override string ToString() => Value ?? string.Empty;
}
