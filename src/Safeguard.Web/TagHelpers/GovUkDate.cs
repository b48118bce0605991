using System.Globalization;

namespace Safeguard.Web.TagHelpers;

/// <summary>
/// What was typed into a GOV.UK date input's three boxes. Bind it like any property
/// (<c>[BindProperty] public GovUkDate DateOfBirth { get; set; } = new();</c>): the boxes post as
/// <c>DateOfBirth.Day</c>, <c>DateOfBirth.Month</c> and <c>DateOfBirth.Year</c>. Strings, so nothing typed is lost
/// when the page is shown again with an error.
/// </summary>
public sealed class GovUkDate
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static GovUkDate From(DateOnly? date) => date is { } d
        ? new GovUkDate
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new GovUkDate();

    /// <summary>True when the three parts make a real date with a four-digit year.</summary>
    public bool TryGetDate(out DateOnly date)
    {
        date = default;
        if (!TryPart(Day, 1, 31, out var day) || !TryPart(Month, 1, 12, out var month) ||
            !TryPart(Year, 1000, 9999, out var year) || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The parts that are missing, for messages like "Date of birth must include a month".</summary>
    public IReadOnlyList<DatePart> MissingParts()
    {
        var missing = new List<DatePart>(3);
        if (string.IsNullOrWhiteSpace(Day))
        {
            missing.Add(DatePart.Day);
        }

        if (string.IsNullOrWhiteSpace(Month))
        {
            missing.Add(DatePart.Month);
        }

        if (string.IsNullOrWhiteSpace(Year))
        {
            missing.Add(DatePart.Year);
        }

        return missing;
    }

    public override string ToString() => $"{Day}/{Month}/{Year}";

    private static bool TryPart(string? text, int min, int max, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
