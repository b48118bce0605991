using Safeguard.Core.Timescales;

namespace Safeguard.Core.Tests.Timescales;

public sealed class CalendarFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("safeguard-calendar-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFile(string text)
    {
        var path = Path.Combine(_directory, $"holidays-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void FromFile_ReplacementData_IsHonoured()
    {
        // A council's own file: a local extra day off on Tuesday 2 July 2030, beyond the built-in data.
        var path = WriteFile("date,title\n# council extra day\n2030-01-01,New Year's Day\n2030-07-02,\"Council day, local\"\n");

        var calendar = WorkingDayCalendar.FromFile(path);

        calendar.IsWorkingDay(new DateOnly(2030, 7, 2)).ShouldBeFalse();
        calendar.AddWorkingDays(new DateOnly(2030, 7, 1), 1).ShouldBe(new DateOnly(2030, 7, 3));
        calendar.CoversYear(2030).ShouldBeTrue();
        calendar.CoversYear(2024).ShouldBeFalse();
        calendar.IsWorkingDay(new DateOnly(2024, 12, 25)).ShouldBeTrue(); // not in this file
        calendar.BankHolidays[1].Title.ShouldBe("Council day, local");
    }

    [Fact]
    public void FromFileOrDefault_NoPath_UsesTheEmbeddedData()
    {
        WorkingDayCalendar.FromFileOrDefault(null).ShouldBeSameAs(WorkingDayCalendar.Default());
        WorkingDayCalendar.FromFileOrDefault(" ").ShouldBeSameAs(WorkingDayCalendar.Default());
    }

    [Fact]
    public void FromFile_BadDate_NamesTheFileAndLine()
    {
        var path = WriteFile("date,title\n2024-01-01,New Year's Day\n2024-13-01,Nonsense\n");

        var ex = Should.Throw<CalendarDataException>(() => WorkingDayCalendar.FromFile(path));

        ex.LineNumber.ShouldBe(3);
        ex.Message.ShouldBe($"Bank holiday data '{path}' line 3: '2024-13-01' is not a valid date (expected YYYY-MM-DD).");
    }

    [Fact]
    public void FromFile_MissingHeader_NamesLineOne()
    {
        var path = WriteFile("2024-01-01,New Year's Day\n");

        var ex = Should.Throw<CalendarDataException>(() => WorkingDayCalendar.FromFile(path));

        ex.LineNumber.ShouldBe(1);
        ex.Message.ShouldContain("expected the header 'date,title'");
    }

    [Fact]
    public void FromFile_LineWithoutComma_NamesTheLine()
    {
        var path = WriteFile("date,title\n\n2024-01-01\n");

        var ex = Should.Throw<CalendarDataException>(() => WorkingDayCalendar.FromFile(path));

        ex.LineNumber.ShouldBe(3);
        ex.Message.ShouldContain("expected 'YYYY-MM-DD,title'");
    }

    [Fact]
    public void FromFile_MissingTitle_NamesTheLine()
    {
        var path = WriteFile("date,title\n2024-01-01,\n");

        Should.Throw<CalendarDataException>(() => WorkingDayCalendar.FromFile(path)).LineNumber.ShouldBe(2);
    }

    [Fact]
    public void FromFile_DuplicateDate_NamesBothLines()
    {
        var path = WriteFile("date,title\n2024-12-25,Christmas Day\n2024-12-26,Boxing Day\n2024-12-25,Again\n");

        var ex = Should.Throw<CalendarDataException>(() => WorkingDayCalendar.FromFile(path));

        ex.LineNumber.ShouldBe(4);
        ex.Message.ShouldContain("2024-12-25 is listed twice (first on line 2)");
    }

    [Fact]
    public void FromFile_YearMissingInTheMiddle_IsRejected()
    {
        var path = WriteFile("date,title\n2024-01-01,New Year's Day\n2026-01-01,New Year's Day\n");

        Should.Throw<CalendarDataException>(() => WorkingDayCalendar.FromFile(path))
            .Message.ShouldContain("no bank holidays are listed for 2025");
    }

    [Fact]
    public void FromFile_NoHolidays_IsRejected()
    {
        var path = WriteFile("date,title\n");

        Should.Throw<CalendarDataException>(() => WorkingDayCalendar.FromFile(path))
            .Message.ShouldContain("lists no bank holidays");
    }

    [Fact]
    public void FromFile_FileDoesNotExist_SaysSo()
    {
        var path = Path.Combine(_directory, "missing.csv");

        Should.Throw<CalendarDataException>(() => WorkingDayCalendar.FromFile(path))
            .Message.ShouldBe($"Bank holiday data '{path}': the file does not exist.");
    }
}
