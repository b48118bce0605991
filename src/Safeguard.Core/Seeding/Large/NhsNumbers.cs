namespace Safeguard.Core.Seeding.Large;

/// <summary>NHS numbers for synthetic people: the 999 range reserved for test data, with a valid modulus 11 check digit.</summary>
internal static class NhsNumbers
{
    /// <summary>The check digit for nine digits, or -1 when the number cannot be issued (remainder gives 10).</summary>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (nineDigits[i] - '0') * (10 - i);
        var check = 11 - sum % 11;
        return check switch { 11 => 0, 10 => -1, _ => check };
    }

    public static bool IsValid(string? value) =>
        value is { Length: 10 } && value.All(char.IsAsciiDigit) && CheckDigit(value) == value[9] - '0';

    /// <summary>Takes the next issuable number in the 999 test range after <paramref name="serial"/>.</summary>
    public static string Next(ref int serial)
    {
        while (true)
        {
            serial++;
            var nine = $"999{(long)serial * 7919 % 1_000_000:D6}";
            var check = CheckDigit(nine);
            if (check >= 0) return nine + (char)('0' + check);
        }
    }
}
