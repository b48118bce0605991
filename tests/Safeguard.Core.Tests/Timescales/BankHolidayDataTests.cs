using Safeguard.Core.Timescales;

namespace Safeguard.Core.Tests.Timescales;

/// <summary>The embedded England-and-Wales data, checked against dates published on GOV.UK.</summary>
public class BankHolidayDataTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();

    [Theory]
    [InlineData(2012, 9)] // Diamond Jubilee added, spring bank holiday moved
    [InlineData(2013, 8)]
    [InlineData(2014, 8)]
    [InlineData(2015, 8)]
    [InlineData(2016, 8)]
    [InlineData(2017, 8)]
    [InlineData(2018, 8)]
    [InlineData(2019, 8)]
    [InlineData(2020, 8)] // early May moved, not added
    [InlineData(2021, 8)]
    [InlineData(2022, 10)] // Platinum Jubilee and the Queen's funeral added
    [InlineData(2023, 9)] // Coronation added
    [InlineData(2024, 8)]
    [InlineData(2025, 8)]
    [InlineData(2026, 8)]
    [InlineData(2027, 8)]
    [InlineData(2028, 8)]
    public void DefaultData_EachYear_HasThePublishedNumberOfBankHolidays(int year, int expected)
    {
        Calendar.BankHolidays.Count(h => h.Date.Year == year).ShouldBe(expected);
    }

    [Fact]
    public void DefaultData_CoversExactly2012To2028()
    {
        Calendar.FirstCoveredYear.ShouldBe(2012);
        Calendar.LastCoveredYear.ShouldBe(2028);
        Calendar.BankHolidays.Count.ShouldBe(140);
    }

    [Fact]
    public void DefaultData_EveryBankHoliday_FallsOnAWeekdayAndHasATitle()
    {
        Calendar.BankHolidays.ShouldAllBe(h =>
            h.Date.DayOfWeek != DayOfWeek.Saturday && h.Date.DayOfWeek != DayOfWeek.Sunday
            && !string.IsNullOrWhiteSpace(h.Title));
    }

    public static TheoryData<string> KnownBankHolidays =>
    [
        // 2012: New Year substitute, Easter, Diamond Jubilee and the moved spring bank holiday
        "2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-26",
        "2013-01-01", "2013-03-29", "2013-04-01", "2013-05-06", "2013-05-27", "2013-08-26", "2013-12-25",
        "2014-04-18", "2014-04-21", "2014-05-05", "2014-05-26", "2014-08-25",
        "2015-04-03", "2015-04-06", "2015-05-04", "2015-05-25", "2015-08-31", "2015-12-28",
        "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27",
        "2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28",
        "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27",
        "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26",
        // 2020: early May moved to Friday 8 May (VE Day); Boxing Day (Saturday) substitute
        "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-28",
        // 2021: Christmas and Boxing Day on a weekend
        "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28",
        // 2022: New Year substitute, Platinum Jubilee, State Funeral, Christmas substitute
        "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
        "2022-09-19", "2022-12-26", "2022-12-27",
        // 2023: Coronation
        "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
        "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
    ];

    [Theory]
    [MemberData(nameof(KnownBankHolidays))]
    public void DefaultData_KnownBankHoliday_IsNotAWorkingDay(string isoDate)
    {
        var date = DateOnly.Parse(isoDate, System.Globalization.CultureInfo.InvariantCulture);
        Calendar.IsBankHoliday(date).ShouldBeTrue();
        Calendar.IsWorkingDay(date).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2012-05-28")] // usual spring bank holiday date, moved to 4 June in 2012
    [InlineData("2020-05-04")] // usual early May date, moved to 8 May in 2020
    [InlineData("2022-05-30")] // usual spring bank holiday date, moved to 2 June in 2022
    [InlineData("2021-12-29")]
    [InlineData("2027-12-29")]
    public void DefaultData_MovedOrOrdinaryWeekday_IsAWorkingDay(string isoDate)
    {
        Calendar.IsWorkingDay(DateOnly.Parse(isoDate, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeTrue();
    }
}
