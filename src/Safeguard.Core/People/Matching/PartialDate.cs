namespace Safeguard.Core.People.Matching;

/// <summary>
/// A date as it was recorded: the raw text, plus whichever of year, month and day could be read from it.
/// Accepts yyyyMMdd, yyyy-MM-dd, dd/MM/yyyy, yyyy-MM, MM/yyyy and yyyy. Invalid dates keep their raw digits so
/// that a typo can still be compared.
/// </summary>
public readonly record struct PartialDate
{
    public string? Raw { get; init; }
    public int? Year { get; init; }
    public int? Month { get; init; }
    public int? Day { get; init; }

    /// <summary>True when year, month and day are all known and form a real calendar date.</summary>
    public bool IsComplete => Year is not null && Month is not null && Day is not null;

    /// <summary>True when nothing at all was recorded.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Raw) && Year is null;

    public static PartialDate FromDate(DateOnly date) =>
        new() { Raw = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Year = date.Year, Month = date.Month, Day = date.Day };

    public static PartialDate Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        var raw = text.Trim();
        var parts = raw.Split(['-', '/', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        int? year = null, month = null, day = null;
        if (parts.Length == 1 && parts[0].Length == 8 && AllDigits(parts[0]))
        {
            year = int.Parse(parts[0].AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
            month = int.Parse(parts[0].AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
            day = int.Parse(parts[0].AsSpan(6, 2), System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (parts.Length == 1 && parts[0].Length == 4 && AllDigits(parts[0]))
        {
            year = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (parts.All(AllDigits) && parts.Length is 2 or 3)
        {
            var numbers = parts.Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            if (parts[0].Length == 4)
            {
                year = numbers[0];
                month = numbers[1];
                day = parts.Length == 3 ? numbers[2] : null;
            }
            else if (parts[^1].Length == 4)
            {
                year = numbers[^1];
                month = numbers[^2];
                day = parts.Length == 3 ? numbers[0] : null;
            }
        }

        if (year is null or < 1850 or > 2200)
        {
            return new PartialDate { Raw = raw };
        }

        if (month is not null && month is < 1 or > 12)
        {
            return new PartialDate { Raw = raw, Year = year };
        }

        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year.Value, month.Value)))
        {
            return new PartialDate { Raw = raw, Year = year, Month = month };
        }

        return new PartialDate { Raw = raw, Year = year, Month = month, Day = day };
    }

    /// <summary>The digits of the raw text (e.g. "19561340" for an invalid date), used to compare typos.</summary>
    public string Digits
    {
        get
        {
            if (IsComplete)
            {
                return $"{Year:D4}{Month:D2}{Day:D2}";
            }

            return Raw is null ? string.Empty : new string(Raw.Where(char.IsAsciiDigit).ToArray());
        }
    }

    private static bool AllDigits(string s) => s.Length is > 0 and <= 8 && s.All(char.IsAsciiDigit);

    public override string ToString() => Raw ?? string.Empty;
}
