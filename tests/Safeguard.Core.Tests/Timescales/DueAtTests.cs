using Safeguard.Core.Timescales;

namespace Safeguard.Core.Tests.Timescales;

public class DueAtTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private static readonly TimeSpan Gmt = TimeSpan.Zero;
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);

    [Fact]
    public void DueAt_ReceivedFridayAfternoon_IsDueMondayAtTheSameLocalTime()
    {
        var received = new DateTimeOffset(2024, 6, 7, 16, 45, 0, Bst);

        var due = Calendar.DueAt(received, 1);

        due.ShouldBe(new DateTimeOffset(2024, 6, 10, 16, 45, 0, Bst));
        due.Offset.ShouldBe(Bst);
    }

    [Fact]
    public void DueAt_ReceivedOnSaturday_ClockStartsAtNineOnNextWorkingDay()
    {
        var received = new DateTimeOffset(2024, 6, 8, 22, 10, 0, Bst);

        Calendar.DueAt(received, 0).ShouldBe(new DateTimeOffset(2024, 6, 10, 9, 0, 0, Bst));
        Calendar.DueAt(received, 1).ShouldBe(new DateTimeOffset(2024, 6, 11, 9, 0, 0, Bst));
    }

    [Fact]
    public void DueAt_ReceivedOnBankHoliday_ClockStartsAtNineOnNextWorkingDay()
    {
        // Easter Monday 2024; the clock starts Tuesday 2 April 09:00.
        var received = new DateTimeOffset(2024, 4, 1, 11, 0, 0, Bst);

        Calendar.DueAt(received, 1).ShouldBe(new DateTimeOffset(2024, 4, 3, 9, 0, 0, Bst));
    }

    [Fact]
    public void DueAt_AcrossClocksGoingForward_KeepsTheLocalTimeAndChangesTheOffset()
    {
        // Thursday 28 March 2024 14:00 GMT; Easter and the change to BST (Sunday 31 March) in between.
        var received = new DateTimeOffset(2024, 3, 28, 14, 0, 0, Gmt);

        var due = Calendar.DueAt(received, 1);

        due.ShouldBe(new DateTimeOffset(2024, 4, 2, 14, 0, 0, Bst));
        due.UtcDateTime.ShouldBe(new DateTime(2024, 4, 2, 13, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void DueAt_AcrossClocksGoingBack_KeepsTheLocalTime()
    {
        var received = new DateTimeOffset(2024, 10, 25, 16, 30, 0, Bst);

        Calendar.DueAt(received, 1).ShouldBe(new DateTimeOffset(2024, 10, 28, 16, 30, 0, Gmt));
    }

    [Fact]
    public void DueAt_GivenInUtc_UsesTheUkLocalDate()
    {
        // 23:30 UTC on Friday 7 June 2024 is 00:30 on Saturday in London: a non-working day.
        var received = new DateTimeOffset(2024, 6, 7, 23, 30, 0, TimeSpan.Zero);

        Calendar.DueAt(received, 1).ShouldBe(new DateTimeOffset(2024, 6, 11, 9, 0, 0, Bst));
    }

    [Fact]
    public void DueAt_NegativeWorkingDays_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.DueAt(DateTimeOffset.UnixEpoch, -1));
    }

    [Fact]
    public void DueAt_LandingInASkippedLocalHour_MovesForwardByTheGap()
    {
        // A made-up zone whose clocks go forward on Wednesday 6 March 2024 at 09:00.
        var calendar = new WorkingDayCalendar(Calendar.BankHolidays, WeekdayShiftZone());
        var receivedSaturday = new DateTimeOffset(2024, 3, 2, 12, 0, 0, Gmt);

        calendar.DueAt(receivedSaturday, 2).ShouldBe(new DateTimeOffset(2024, 3, 6, 10, 0, 0, Bst));
    }

    [Fact]
    public void DueAt_LandingInARepeatedLocalHour_TakesTheFirstOccurrence()
    {
        // The same made-up zone's clocks go back on Wednesday 6 November 2024 at 09:00 (08:00-09:00 repeats).
        var calendar = new WorkingDayCalendar(Calendar.BankHolidays, WeekdayShiftZone());
        var received = new DateTimeOffset(2024, 11, 5, 8, 30, 0, Bst);

        calendar.DueAt(received, 1).ShouldBe(new DateTimeOffset(2024, 11, 6, 8, 30, 0, Bst));
    }

    private static TimeZoneInfo WeekdayShiftZone()
    {
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2024, 1, 1), new DateTime(2024, 12, 31), TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 9, 0, 0), 3, 6),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 9, 0, 0), 11, 6));
        return TimeZoneInfo.CreateCustomTimeZone("Test/WeekdayShift", TimeSpan.Zero, "Test", "Test", "Test Summer",
            [rule]);
    }
}
