using System.Collections.Frozen;
using System.Globalization;

namespace Safeguard.Core.Timescales;

/// <summary>
/// Immutable, thread-safe working-day calendar for England and Wales. Built from the embedded bank-holiday file
/// (<see cref="Default"/>) or from a council's own file (<see cref="FromFile"/>, configuration key
/// <see cref="ConfigurationKey"/>). Outside the covered years only weekends are non-working; see docs/calendar.md.
/// </summary>
public sealed class WorkingDayCalendar : IWorkingDayCalendar
{
    /// <summary>Configuration key naming a replacement bank-holiday file (environment: Calendar__BankHolidaysFile).</summary>
    public const string ConfigurationKey = "Calendar:BankHolidaysFile";

    /// <summary>The same key as an environment variable name.</summary>
    public const string EnvironmentVariable = "Calendar__BankHolidaysFile";

    /// <summary>Local time at which a clock starts when work arrives on a non-working day.</summary>
    public static readonly TimeOnly NonWorkingDayClockStart = new(9, 0);

    private const string EmbeddedResourceSuffix = "Timescales.Data.bank-holidays-england-and-wales.csv";

    private static readonly Lazy<WorkingDayCalendar> DefaultCalendar = new(LoadEmbedded);
    private static readonly Lazy<TimeZoneInfo> UkTimeZone = new(FindUkTimeZone);

    /// <summary>UK local time (Europe/London): the time zone of every clock and every time shown to a user.</summary>
    public static TimeZoneInfo UkTime => UkTimeZone.Value;

    private readonly BankHoliday[] _holidays;
    private readonly FrozenSet<DateOnly> _holidayDates;
    private readonly int[] _weekdayHolidayDayNumbers;
    private readonly TimeZoneInfo _timeZone;

    /// <summary>Builds a calendar from a list of bank holidays; the covered years are the first..last year listed.</summary>
    /// <exception cref="ArgumentException">The list is empty or lists a date twice.</exception>
    public WorkingDayCalendar(IEnumerable<BankHoliday> bankHolidays)
        : this(bankHolidays, UkTimeZone.Value)
    {
    }

    /// <summary>For tests: the same calendar with another local time zone.</summary>
    internal WorkingDayCalendar(IEnumerable<BankHoliday> bankHolidays, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(bankHolidays);
        ArgumentNullException.ThrowIfNull(timeZone);

        _holidays = bankHolidays.OrderBy(h => h.Date).ToArray();
        if (_holidays.Length == 0)
        {
            throw new ArgumentException("A working-day calendar needs at least one bank holiday.", nameof(bankHolidays));
        }

        for (var i = 1; i < _holidays.Length; i++)
        {
            if (_holidays[i].Date == _holidays[i - 1].Date)
            {
                throw new ArgumentException(
                    $"Bank holiday {_holidays[i].Date:yyyy-MM-dd} is listed twice.", nameof(bankHolidays));
            }
        }

        _holidayDates = _holidays.Select(h => h.Date).ToFrozenSet();
        _weekdayHolidayDayNumbers = _holidays.Where(h => !IsWeekend(h.Date)).Select(h => h.Date.DayNumber).ToArray();
        _timeZone = timeZone;
        FirstCoveredYear = _holidays[0].Date.Year;
        LastCoveredYear = _holidays[^1].Date.Year;
    }

    /// <summary>The calendar built from the bank-holiday file embedded in Safeguard.Core (loaded once, shared).</summary>
    public static WorkingDayCalendar Default() => DefaultCalendar.Value;

    /// <summary>A calendar built from a bank-holiday CSV file (<c>date,title</c>, ISO dates).</summary>
    /// <exception cref="CalendarDataException">The file is missing or malformed; the message names the line.</exception>
    public static WorkingDayCalendar FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new CalendarDataException(fullPath, null, "the file does not exist.");
        }

        using var reader = new StreamReader(fullPath);
        return new WorkingDayCalendar(ParseCsv(reader, fullPath));
    }

    /// <summary>
    /// <see cref="FromFile"/> when <paramref name="path"/> is given (e.g. the value of <see cref="ConfigurationKey"/>),
    /// otherwise <see cref="Default"/>.
    /// </summary>
    public static WorkingDayCalendar FromFileOrDefault(string? path) =>
        string.IsNullOrWhiteSpace(path) ? Default() : FromFile(path);

    /// <summary>
    /// Reads bank holidays from CSV text: a header line <c>date,title</c>, then one <c>YYYY-MM-DD,Title</c> per line.
    /// Blank lines and lines starting with '#' are ignored. Every year between the first and last must be listed.
    /// </summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">File path or resource name, used in error messages.</param>
    /// <exception cref="CalendarDataException">The text is malformed; the message names the line.</exception>
    public static IReadOnlyList<BankHoliday> ParseCsv(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);

        var holidays = new List<BankHoliday>();
        var firstLineOf = new Dictionary<DateOnly, int>();
        var headerSeen = false;
        var lineNumber = 0;

        while (reader.ReadLine() is { } rawLine)
        {
            lineNumber++;
            var line = rawLine.TrimStart('\uFEFF').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                var columns = line.Split(',', StringSplitOptions.TrimEntries);
                if (columns.Length != 2
                    || !columns[0].Equals("date", StringComparison.OrdinalIgnoreCase)
                    || !columns[1].Equals("title", StringComparison.OrdinalIgnoreCase))
                {
                    throw new CalendarDataException(sourceName, lineNumber,
                        $"expected the header 'date,title' but found '{line}'.");
                }

                headerSeen = true;
                continue;
            }

            var comma = line.IndexOf(',');
            if (comma < 0)
            {
                throw new CalendarDataException(sourceName, lineNumber,
                    $"expected 'YYYY-MM-DD,title' but found '{line}'.");
            }

            var datePart = line[..comma].Trim();
            if (!DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                    out var date))
            {
                throw new CalendarDataException(sourceName, lineNumber,
                    $"'{datePart}' is not a valid date (expected YYYY-MM-DD).");
            }

            var title = Unquote(line[(comma + 1)..].Trim());
            if (title.Length == 0)
            {
                throw new CalendarDataException(sourceName, lineNumber, $"the title for {datePart} is missing.");
            }

            if (firstLineOf.TryGetValue(date, out var firstLine))
            {
                throw new CalendarDataException(sourceName, lineNumber,
                    $"{datePart} is listed twice (first on line {firstLine}).");
            }

            firstLineOf[date] = lineNumber;
            holidays.Add(new BankHoliday(date, title));
        }

        if (!headerSeen)
        {
            throw new CalendarDataException(sourceName, null, "the file is empty (expected the header 'date,title').");
        }

        if (holidays.Count == 0)
        {
            throw new CalendarDataException(sourceName, null, "the file lists no bank holidays.");
        }

        var years = holidays.Select(h => h.Date.Year).ToHashSet();
        var first = years.Min();
        var last = years.Max();
        for (var year = first; year <= last; year++)
        {
            if (!years.Contains(year))
            {
                throw new CalendarDataException(sourceName, null,
                    $"no bank holidays are listed for {year}; every year from {first} to {last} must be listed.");
            }
        }

        return holidays;
    }

    public int FirstCoveredYear { get; }

    public int LastCoveredYear { get; }

    public IReadOnlyList<BankHoliday> BankHolidays => _holidays;

    public bool CoversYear(int year) => year >= FirstCoveredYear && year <= LastCoveredYear;

    public bool IsBankHoliday(DateOnly date) => _holidayDates.Contains(date);

    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !_holidayDates.Contains(date);

    public DateOnly NextWorkingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        if (workingDays == 0)
        {
            return IsWorkingDay(date) ? date : NextWorkingDay(date);
        }

        var step = workingDays > 0 ? 1 : -1;
        var remaining = Math.Abs((long)workingDays);
        var day = date;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var weekdays = WeekdaysFromEpochThrough(to.DayNumber) - WeekdaysFromEpochThrough(from.DayNumber);
        var holidays = WeekdayHolidaysThrough(to.DayNumber) - WeekdayHolidaysThrough(from.DayNumber);
        return checked((int)(weekdays - holidays));
    }

    public DateTimeOffset DueAt(DateTimeOffset start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        var local = TimeZoneInfo.ConvertTime(start, _timeZone);
        var localDate = DateOnly.FromDateTime(local.DateTime);

        DateOnly dueDate;
        TimeOnly dueTime;
        if (IsWorkingDay(localDate))
        {
            dueDate = AddWorkingDays(localDate, workingDays);
            dueTime = TimeOnly.FromDateTime(local.DateTime);
        }
        else
        {
            dueDate = AddWorkingDays(NextWorkingDay(localDate), workingDays);
            dueTime = NonWorkingDayClockStart;
        }

        return ToLocalOffset(dueDate.ToDateTime(dueTime));
    }

    /// <summary>
    /// A local wall-clock time as an instant with its local offset. A time skipped by a clock change moves forward by
    /// the gap; a repeated time takes its first occurrence. (UK clocks change on Sundays, which are never due days.)
    /// </summary>
    private DateTimeOffset ToLocalOffset(DateTime localTime)
    {
        if (_timeZone.IsInvalidTime(localTime))
        {
            var gap = _timeZone.GetUtcOffset(localTime.AddHours(6)) - _timeZone.GetUtcOffset(localTime.AddHours(-6));
            localTime = localTime.Add(gap);
        }

        var offset = _timeZone.IsAmbiguousTime(localTime)
            ? _timeZone.GetAmbiguousTimeOffsets(localTime).Max()
            : _timeZone.GetUtcOffset(localTime);
        return new DateTimeOffset(localTime, offset);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Weekdays in [0001-01-01, day]. Day number 0 (0001-01-01) is a Monday.</summary>
    private static long WeekdaysFromEpochThrough(int dayNumber)
    {
        long days = (long)dayNumber + 1;
        return days / 7 * 5 + Math.Min(days % 7, 5);
    }

    private long WeekdayHolidaysThrough(int dayNumber)
    {
        var index = Array.BinarySearch(_weekdayHolidayDayNumbers, dayNumber);
        return index >= 0 ? index + 1 : ~index;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal).Trim();
        }

        return value;
    }

    private static WorkingDayCalendar LoadEmbedded()
    {
        var assembly = typeof(WorkingDayCalendar).Assembly;
        var name = assembly.GetManifestResourceNames()
                       .SingleOrDefault(n => n.EndsWith(EmbeddedResourceSuffix, StringComparison.Ordinal))
                   ?? throw new InvalidOperationException(
                       $"The embedded bank-holiday file '{EmbeddedResourceSuffix}' is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return new WorkingDayCalendar(ParseCsv(reader, $"embedded:{name}"));
    }

    private static TimeZoneInfo FindUkTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // Windows without IANA support.
            return TimeZoneInfo.FindSystemTimeZoneById("GMT Standard Time");
        }
    }
}
