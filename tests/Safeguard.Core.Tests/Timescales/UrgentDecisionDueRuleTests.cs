using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Tests.Timescales;

public class UrgentDecisionDueRuleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private static readonly TimeOnly FivePm = new(17, 0);
    private static readonly TimeSpan Gmt = TimeSpan.Zero;
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(0, 5)]   // just after midnight on a working day
    [InlineData(9, 14)]
    [InlineData(16, 59)]
    public void ReceivedOnAWorkingDayBeforeFive_IsDueAtFiveTheSameDay(int hour, int minute)
    {
        // Wednesday 2 December 2026 (GMT).
        var received = new DateTimeOffset(2026, 12, 2, hour, minute, 0, Gmt);

        UrgentDecisionDueRule.DueAt(Calendar, received, FivePm).ShouldBe(new DateTimeOffset(2026, 12, 2, 17, 0, 0, Gmt));
    }

    [Theory]
    [InlineData(17, 0)]
    [InlineData(17, 1)]
    [InlineData(23, 30)]
    public void ReceivedAtOrAfterFive_IsDueAtFiveTheNextWorkingDay(int hour, int minute)
    {
        var received = new DateTimeOffset(2026, 12, 2, hour, minute, 0, Gmt);

        UrgentDecisionDueRule.DueAt(Calendar, received, FivePm).ShouldBe(new DateTimeOffset(2026, 12, 3, 17, 0, 0, Gmt));
    }

    [Fact]
    public void ReceivedFridayEvening_IsDueMondayAtFive()
    {
        var received = new DateTimeOffset(2026, 12, 4, 18, 45, 0, Gmt);

        UrgentDecisionDueRule.DueAt(Calendar, received, FivePm).ShouldBe(new DateTimeOffset(2026, 12, 7, 17, 0, 0, Gmt));
    }

    [Fact]
    public void ReceivedOnSaturday_IsDueMondayAtFive()
    {
        var received = new DateTimeOffset(2026, 12, 5, 10, 0, 0, Gmt);

        UrgentDecisionDueRule.DueAt(Calendar, received, FivePm).ShouldBe(new DateTimeOffset(2026, 12, 7, 17, 0, 0, Gmt));
    }

    [Fact]
    public void ReceivedChristmasEveEvening_SkipsChristmasAndTheBoxingDaySubstitute_DueTuesdayTwentyNinth()
    {
        // Thu 24 Dec 2026 evening; Fri 25 Christmas Day, Mon 28 Boxing Day (substitute day) are not working days.
        var received = new DateTimeOffset(2026, 12, 24, 19, 0, 0, Gmt);

        UrgentDecisionDueRule.DueAt(Calendar, received, FivePm).ShouldBe(new DateTimeOffset(2026, 12, 29, 17, 0, 0, Gmt));
    }

    [Fact]
    public void ReceivedOnABankHolidayMorning_IsDueAtFiveTheNextWorkingDay_InSummerTime()
    {
        // Early May bank holiday, Monday 4 May 2026, 10:00 BST.
        var received = new DateTimeOffset(2026, 5, 4, 10, 0, 0, Bst);

        var due = UrgentDecisionDueRule.DueAt(Calendar, received, FivePm);

        due.ShouldBe(new DateTimeOffset(2026, 5, 5, 17, 0, 0, Bst));
        due.Offset.ShouldBe(Bst);
    }

    [Fact]
    public void TheEndOfTheDayIsASetting()
    {
        var received = new DateTimeOffset(2026, 12, 2, 15, 30, 0, Gmt);

        UrgentDecisionDueRule.DueAt(Calendar, received, new TimeOnly(15, 0)).ShouldBe(new DateTimeOffset(2026, 12, 3, 15, 0, 0, Gmt));
        UrgentDecisionDueRule.DueAt(Calendar, received, new TimeOnly(18, 0)).ShouldBe(new DateTimeOffset(2026, 12, 2, 18, 0, 0, Gmt));
    }

    [Fact]
    public void Clock_StandardIsOneWorkingDay_UrgentAndChildProtectionAreTheSameDayByFive()
    {
        var clock = new ScreeningDecisionClock(Calendar);
        var received = new DateTimeOffset(2026, 12, 2, 9, 14, 0, Gmt);

        clock.DecisionDue(received, Priority.Standard).ShouldBe(new DateTimeOffset(2026, 12, 3, 9, 14, 0, Gmt));
        clock.DecisionDue(received, Priority.Urgent).ShouldBe(new DateTimeOffset(2026, 12, 2, 17, 0, 0, Gmt));
        clock.DecisionDue(received, Priority.ChildProtection).ShouldBe(new DateTimeOffset(2026, 12, 2, 17, 0, 0, Gmt));
    }

    [Fact]
    public void Clock_UrgentIsNeverLaterThanStandard_AtAnyTimeOfAnyDayOverAYear()
    {
        var clock = new ScreeningDecisionClock(Calendar);
        for (var at = new DateTimeOffset(2026, 1, 1, 0, 7, 0, Gmt); at.Year == 2026; at = at.AddMinutes(97))
        {
            var urgent = clock.DecisionDue(at, Priority.Urgent);
            urgent.ShouldBeGreaterThan(at);
            urgent.ShouldBeLessThanOrEqualTo(clock.DecisionDue(at, Priority.Standard));
        }
    }
}
