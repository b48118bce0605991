using System.Globalization;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Tests.Timescales;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-06-07", true)] // Friday
    [InlineData("2024-06-08", false)] // Saturday
    [InlineData("2024-06-09", false)] // Sunday
    [InlineData("2024-12-25", false)] // Christmas Day
    [InlineData("2021-12-27", false)] // Christmas Day substitute
    [InlineData("2021-12-29", true)]
    public void IsWorkingDay_WeekendsAndBankHolidays_AreNotWorkingDays(string date, bool expected)
    {
        Calendar.IsWorkingDay(D(date)).ShouldBe(expected);
    }

    [Fact]
    public void AddWorkingDays_OverEasterWeekend_SkipsGoodFridayAndEasterMonday()
    {
        // Thursday 28 March 2024; Good Friday 29 March, Easter Monday 1 April.
        Calendar.AddWorkingDays(D("2024-03-28"), 1).ShouldBe(D("2024-04-02"));
    }

    [Fact]
    public void AddWorkingDays_OverChristmasOnAWeekend_SkipsBothSubstituteDays()
    {
        // Christmas 2021 fell on Saturday: substitute days Monday 27 and Tuesday 28 December.
        Calendar.AddWorkingDays(D("2021-12-24"), 1).ShouldBe(D("2021-12-29"));
        Calendar.AddWorkingDays(D("2027-12-24"), 1).ShouldBe(D("2027-12-29"));
    }

    [Fact]
    public void AddWorkingDays_OverNewYearSubstituteDay_SkipsIt()
    {
        // 1 January 2022 was a Saturday: substitute Monday 3 January.
        Calendar.AddWorkingDays(D("2021-12-31"), 1).ShouldBe(D("2022-01-04"));
    }

    [Fact]
    public void AddWorkingDays_OverPlatinumJubilee_SkipsThursdayAndFriday()
    {
        Calendar.AddWorkingDays(D("2022-06-01"), 1).ShouldBe(D("2022-06-06"));
    }

    [Fact]
    public void AddWorkingDays_FromFriday_LandsOnMonday()
    {
        Calendar.AddWorkingDays(D("2024-06-07"), 1).ShouldBe(D("2024-06-10"));
    }

    [Fact]
    public void AddWorkingDays_ZeroOnWorkingDay_ReturnsSameDay()
    {
        Calendar.AddWorkingDays(D("2024-06-07"), 0).ShouldBe(D("2024-06-07"));
    }

    [Fact]
    public void AddWorkingDays_ZeroOnNonWorkingDay_ReturnsNextWorkingDay()
    {
        Calendar.AddWorkingDays(D("2024-06-08"), 0).ShouldBe(D("2024-06-10"));
        Calendar.AddWorkingDays(D("2024-03-29"), 0).ShouldBe(D("2024-04-02")); // Good Friday
    }

    [Fact]
    public void AddWorkingDays_FromSaturday_CountsFromTheWeekend()
    {
        Calendar.AddWorkingDays(D("2024-06-08"), 1).ShouldBe(D("2024-06-10"));
        Calendar.AddWorkingDays(D("2024-06-08"), 2).ShouldBe(D("2024-06-11"));
    }

    [Fact]
    public void AddWorkingDays_Negative_GoesBackOverBankHolidays()
    {
        Calendar.AddWorkingDays(D("2024-04-02"), -1).ShouldBe(D("2024-03-28"));
        Calendar.AddWorkingDays(D("2024-06-10"), -1).ShouldBe(D("2024-06-07"));
        Calendar.AddWorkingDays(D("2024-06-09"), -1).ShouldBe(D("2024-06-07")); // from Sunday
    }

    [Fact]
    public void AddWorkingDays_FortyFiveDays_MatchesAssessmentExample()
    {
        // Referral Monday 4 March 2024: 45 working days, skipping Good Friday, Easter Monday and 6 May.
        Calendar.AddWorkingDays(D("2024-03-04"), 45).ShouldBe(D("2024-05-09"));
    }

    [Fact]
    public void NextWorkingDay_IsStrictlyAfterTheDate()
    {
        Calendar.NextWorkingDay(D("2024-06-06")).ShouldBe(D("2024-06-07"));
        Calendar.NextWorkingDay(D("2024-06-07")).ShouldBe(D("2024-06-10"));
        Calendar.NextWorkingDay(D("2022-09-16")).ShouldBe(D("2022-09-20")); // over the State Funeral
    }

    [Theory]
    [InlineData("2024-03-28", "2024-04-02", 1)]
    [InlineData("2024-06-07", "2024-06-07", 0)]
    [InlineData("2024-06-07", "2024-06-09", 0)] // Friday to Sunday: nothing worked after Friday
    [InlineData("2024-06-08", "2024-06-10", 1)]
    [InlineData("2024-04-02", "2024-03-28", -1)]
    [InlineData("2024-01-01", "2024-12-31", 254)] // 261 weekdays after 1 January less 7 bank holidays
    public void WorkingDaysBetween_CountsWorkingDaysAfterStartUpToAndIncludingEnd(string from, string to, int expected)
    {
        Calendar.WorkingDaysBetween(D(from), D(to)).ShouldBe(expected);
    }

    [Fact]
    public void WorkingDaysBetween_AgreesWithDayByDayCount_AcrossTheCoveredYearsAndBeyond()
    {
        var random = new Random(20240328);
        for (var i = 0; i < 500; i++)
        {
            var from = new DateOnly(2010, 1, 1).AddDays(random.Next(0, 365 * 21));
            var to = from.AddDays(random.Next(-400, 400));
            Calendar.WorkingDaysBetween(from, to).ShouldBe(CountByDay(from, to), $"from {from:O} to {to:O}");
        }
    }

    [Fact]
    public void WorkingDaysBetween_RoundTripsAddWorkingDays()
    {
        var random = new Random(45);
        for (var i = 0; i < 500; i++)
        {
            var start = new DateOnly(2012, 1, 1).AddDays(random.Next(0, 365 * 17));
            var n = random.Next(1, 130);
            Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n)).ShouldBe(n);
            if (Calendar.IsWorkingDay(start))
            {
                Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, -n)).ShouldBe(-n);
            }
        }
    }

    [Fact]
    public void CoversYear_InsideAndOutsideTheData()
    {
        Calendar.CoversYear(2012).ShouldBeTrue();
        Calendar.CoversYear(2028).ShouldBeTrue();
        Calendar.CoversYear(2011).ShouldBeFalse();
        Calendar.CoversYear(2029).ShouldBeFalse();
    }

    [Fact]
    public void IsWorkingDay_BeyondCoveredYears_TreatsOnlyWeekendsAsNonWorking()
    {
        Calendar.IsWorkingDay(D("2029-12-25")).ShouldBeTrue(); // unknown year: no bank holidays known
        Calendar.IsWorkingDay(D("2029-12-29")).ShouldBeFalse(); // Saturday
    }

    [Fact]
    public async Task Calendar_UsedFromManyThreads_GivesTheSameAnswers()
    {
        var start = D("2024-03-04");
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 200).Select(n => Calendar.AddWorkingDays(start, n)).ToArray())));
        results.ShouldAllBe(r => r.SequenceEqual(results[0]));
    }

    private static int CountByDay(DateOnly from, DateOnly to)
    {
        var (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var count = 0;
        for (var day = low.AddDays(1); day <= high; day = day.AddDays(1))
        {
            if (Calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return sign * count;
    }
}
