using System.Diagnostics.CodeAnalysis;

namespace Safeguard.Core.People.Identifiers;

/// <summary>
/// A unique pupil number: 13 characters, a check letter then 11 digits then a digit or (for a temporary UPN) a
/// letter. The check letter is the DfE modulus 23 check ("Unique Pupil Numbers (UPNs)" guidance, DfE).
/// </summary>
public readonly record struct Upn
{
    // 23 letters: I, O and S are never used.
    private const string Letters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private Upn(string value) => Value = value;

    public string Value { get; }

    /// <summary>True when the last character is a letter (a temporary UPN).</summary>
    public bool IsTemporary => Value is not null && char.IsAsciiLetter(Value[12]);

    public static bool TryParse([NotNullWhen(true)] string? text, out Upn upn)
    {
        upn = default;
        if (text is null)
        {
            return false;
        }

        var candidate = text.Trim().ToUpperInvariant();
        if (candidate.Length != 13 || Letters.IndexOf(candidate[0]) < 0)
        {
            return false;
        }

        for (var i = 1; i < 12; i++)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                return false;
            }
        }

        if (!char.IsAsciiDigit(candidate[12]) && Letters.IndexOf(candidate[12]) < 0)
        {
            return false;
        }

        if (CheckLetterFor(candidate.AsSpan(1)) != candidate[0])
        {
            return false;
        }

        upn = new Upn(candidate);
        return true;
    }

    public static Upn Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a valid UPN.");

    /// <summary>
    /// Characters 2 to 13 multiplied by weights 2 to 13 (a letter in position 13 counts as its index in the
    /// 23-letter alphabet); the sum modulo 23 indexes the check letter.
    /// </summary>
    public static char CheckLetterFor(ReadOnlySpan<char> lastTwelve)
    {
        if (lastTwelve.Length != 12)
        {
            throw new ArgumentException("Twelve characters are needed.", nameof(lastTwelve));
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = lastTwelve[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : Letters.IndexOf(char.ToUpperInvariant(c));
            if (value < 0)
            {
                throw new ArgumentException($"'{c}' cannot appear in a UPN.", nameof(lastTwelve));
            }

            sum += value * (i + 2);
        }

        return Letters[sum % 23];
    }

    public override string ToString() => Value ?? string.Empty;
}
