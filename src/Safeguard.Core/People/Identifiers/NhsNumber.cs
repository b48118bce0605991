using System.Diagnostics.CodeAnalysis;

namespace Safeguard.Core.People.Identifiers;

/// <summary>
/// An NHS number: ten digits whose last digit is a modulus 11 check digit
/// (NHS Data Dictionary, "NHS Number"). Spaces and hyphens are allowed on input.
/// </summary>
public readonly record struct NhsNumber
{
    private NhsNumber(string value) => Value = value;

    /// <summary>The ten digits with no separators, e.g. "9434765919".</summary>
    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, out NhsNumber nhsNumber)
    {
        nhsNumber = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<char> digits = stackalloc char[10];
        var count = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (c is < '0' or > '9' || count == 10)
            {
                return false;
            }

            digits[count++] = c;
        }

        if (count != 10 || !HasValidCheckDigit(digits))
        {
            return false;
        }

        nhsNumber = new NhsNumber(new string(digits));
        return true;
    }

    public static NhsNumber Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a valid NHS number.");

    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>Weights 10..2 on the first nine digits; check = 11 - (sum mod 11); 11 means 0 and 10 is never valid.</summary>
    internal static bool HasValidCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>Formatted as "943 476 5919".</summary>
    /// <summary>A stored NHS number as people read it ("943 476 5919"), as stored if it is not a valid one, or "Not known".</summary>
    public static string Display(string? stored) =>
        TryParse(stored, out var number) ? number.ToString() : string.IsNullOrWhiteSpace(stored) ? "Not known" : stored;

    public override string ToString() =>
        Value is null ? string.Empty : $"{Value[..3]} {Value[3..6]} {Value[6..]}";
}
