namespace Safeguard.Core.People;

/// <summary>
/// The one rule for dates people type about the people in a record: nobody alive was born before 1900 and nobody
/// is born in the future, so a year like 1800 or 2091 is a slip of the keyboard, refused with a message that says so.
/// </summary>
public static class DateRules
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>The GOV.UK-style message for an implausible date of birth, or null when it is plausible.
    /// <paramref name="field"/> starts the message, e.g. "Date of birth".</summary>
    public static string? DateOfBirthProblem(DateOnly date, DateOnly today, string field = "Date of birth") =>
        date > today ? $"{field} must be today or in the past"
        : date < Earliest ? $"{field} must be the same as or after {Earliest:d MMMM yyyy}"
        : null;

    /// <summary>For other dates in a record or a search (from, to): only the earliest year is checked.</summary>
    public static string? RecordDateProblem(DateOnly date, string field) =>
        date < Earliest ? $"{field} must be the same as or after {Earliest:d MMMM yyyy}" : null;
}
