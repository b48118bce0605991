using System.CommandLine;
using System.Globalization;
using Safeguard.Core.Timescales;

namespace Safeguard.Cli.Commands;

/// <summary>
/// `safeguard calendar ...`: ask the working-day calendar a question. Exit code 0 on success, 2 when the input or the
/// bank-holiday file is wrong (message on stderr, no stack trace).
/// </summary>
internal static class CalendarCommands
{
    private const int BadInput = 2;

    public static Command Create()
    {
        var holidays = new Option<string?>("--holidays")
        {
            Description = "Bank-holiday CSV file (date,title) to use instead of the built-in England and Wales list. "
                          + $"Defaults to the {WorkingDayCalendar.EnvironmentVariable} environment variable, then the built-in list.",
            Recursive = true,
        };

        var command = new Command("calendar", "Working days: England and Wales, weekends and bank holidays excluded");
        command.Options.Add(holidays);
        command.Subcommands.Add(CreateAddWorkingDays(holidays));
        command.Subcommands.Add(CreateIsWorkingDay(holidays));
        return command;
    }

    private static Command CreateAddWorkingDays(Option<string?> holidays)
    {
        var dateArgument = new Argument<string>("date") { Description = "Start date, YYYY-MM-DD" };
        var countArgument = new Argument<string>("n")
        {
            Description = "Working days to add (negative goes back; 0 rolls a non-working day forward)",
        };
        var command = new Command("add-working-days", "Print the date N working days after DATE (YYYY-MM-DD)");
        command.Arguments.Add(dateArgument);
        command.Arguments.Add(countArgument);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;

            if (!TryParseDate(parseResult.GetValue(dateArgument), error, out var date)
                || !TryParseCount(parseResult.GetValue(countArgument), error, out var count)
                || !TryLoadCalendar(parseResult.GetValue(holidays), error, out var calendar))
            {
                return BadInput;
            }

            DateOnly result;
            try
            {
                result = calendar.AddWorkingDays(date, count);
            }
            catch (ArgumentOutOfRangeException)
            {
                error.WriteLine($"{count} working days from {Format(date)} is outside the supported range of dates.");
                return BadInput;
            }

            WarnIfNotCovered(calendar, error, date, result);
            output.WriteLine(Format(result));
            return 0;
        });
        return command;
    }

    private static Command CreateIsWorkingDay(Option<string?> holidays)
    {
        var dateArgument = new Argument<string>("date") { Description = "Date, YYYY-MM-DD" };
        var command = new Command("is-working-day", "Print true if DATE (YYYY-MM-DD) is a working day, otherwise false");
        command.Arguments.Add(dateArgument);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;

            if (!TryParseDate(parseResult.GetValue(dateArgument), error, out var date)
                || !TryLoadCalendar(parseResult.GetValue(holidays), error, out var calendar))
            {
                return BadInput;
            }

            WarnIfNotCovered(calendar, error, date, date);
            output.WriteLine(calendar.IsWorkingDay(date) ? "true" : "false");
            return 0;
        });
        return command;
    }

    private static bool TryParseDate(string? text, TextWriter error, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out date))
        {
            return true;
        }

        error.WriteLine($"'{text}' is not a valid date. Use YYYY-MM-DD, for example 2024-03-28.");
        return false;
    }

    private static bool TryParseCount(string? text, TextWriter error, out int count)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count))
        {
            return true;
        }

        error.WriteLine($"'{text}' is not a whole number of working days, for example 5 or -5.");
        return false;
    }

    private static bool TryLoadCalendar(string? holidaysFile, TextWriter error, out IWorkingDayCalendar calendar)
    {
        var path = string.IsNullOrWhiteSpace(holidaysFile)
            ? Environment.GetEnvironmentVariable(WorkingDayCalendar.EnvironmentVariable)
            : holidaysFile;
        try
        {
            calendar = WorkingDayCalendar.FromFileOrDefault(path);
            return true;
        }
        catch (Exception ex) when (ex is CalendarDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(ex.Message);
            calendar = null!;
            return false;
        }
    }

    private static void WarnIfNotCovered(IWorkingDayCalendar calendar, TextWriter error, DateOnly from, DateOnly to)
    {
        var first = Math.Min(from.Year, to.Year);
        var last = Math.Max(from.Year, to.Year);
        if (!calendar.CoversYear(first) || !calendar.CoversYear(last))
        {
            error.WriteLine(
                $"warning: bank holidays are known for {calendar.FirstCoveredYear}-{calendar.LastCoveredYear} only; "
                + "outside those years only weekends are treated as non-working days.");
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
