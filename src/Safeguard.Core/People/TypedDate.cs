using System.Globalization;

namespace Safeguard.Core.People;

/// <summary>
/// A date as people type it into a search box: "31/5/19", "31/05/2019", "31-5-2019", "31.5.19", "31 May 2019",
/// "31 may 19", "31 Sept 2019", "2019-05-31". Anything that is not a real date ("31/2/19") is simply not a date.
/// </summary>
public static class TypedDate
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Reads one date. A two-digit year is the most recent year ending in those digits that is not after
    /// <paramref name="today"/> (a date of birth is never in the future): on 2 December 2026 "19" is 2019, "30" is 1930.</summary>
    public static bool TryParse(string? text, DateOnly today, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return false;
        var parts = text.Trim().Split([' ', '/', '-', '.', ','], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3) return false;
        if (parts[0].Length == 4 && IsNumber(parts[0]))
        {
            // ISO order: 2019-05-31.
            return IsNumber(parts[1]) && IsNumber(parts[2]) && Make(Number(parts[0]), Number(parts[1]), Number(parts[2]), out date);
        }
        if (!IsNumber(parts[0]) || !IsNumber(parts[2]) || parts[0].Length > 2) return false;
        var month = IsNumber(parts[1]) && parts[1].Length <= 2 ? Number(parts[1]) : MonthNamed(parts[1]);
        if (month is 0) return false;
        var year = parts[2].Length switch
        {
            4 => Number(parts[2]),
            2 => FullYear(Number(parts[2]), today),
            _ => 0,
        };
        return year != 0 && Make(year, month, Number(parts[0]), out date)
            // A two-digit year whose date would be later this century than today belongs to the century before.
            && (parts[2].Length == 4 || date <= today || Make(year - 100, month, Number(parts[0]), out date));
    }

    private static int FullYear(int twoDigits, DateOnly today)
    {
        var year = today.Year / 100 * 100 + twoDigits;
        return year > today.Year ? year - 100 : year;
    }

    private static int MonthNamed(string word)
    {
        if (word.Length < 3 || !word.All(char.IsLetter)) return 0;
        var lower = word.ToLowerInvariant();
        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i].StartsWith(lower, StringComparison.Ordinal)) return i + 1;
        }
        return 0;
    }

    private static bool Make(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool IsNumber(string s) => s.Length is > 0 and <= 4 && s.All(char.IsAsciiDigit);

    private static int Number(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
