using Safeguard.Core.Supervision;
using Safeguard.Core.Timescales;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Tests.Supervision;

public sealed class SupervisionDueRuleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private static readonly SupervisionSettings Defaults = new();

    /// <summary>Friday 20 March 2026, 10:00 GMT: Good Friday (3 April) and Easter Monday (6 April) fall in the next 20 working days.</summary>
    private static readonly DateTimeOffset HeldBeforeEaster = TimeLimits.UkLocal(new DateOnly(2026, 3, 20), new TimeOnly(10, 0));

    [Fact]
    public void ChildProtection_IsDue20WorkingDaysLater_NotCountingEasterBankHolidays()
    {
        var due = SupervisionDueRule.NextCaseSupervisionDue(Calendar, Defaults, HeldBeforeEaster, CaseKind.ChildProtection);

        // 20 weekdays would be Friday 17 April; Good Friday and Easter Monday push it to Tuesday 21 April, at the same UK time (now BST).
        due.ShouldBe(TimeLimits.UkLocal(new DateOnly(2026, 4, 21), new TimeOnly(10, 0)));
        due.Offset.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void ChildInNeed_IsDue30WorkingDaysLater_NotCountingTheEarlyMayBankHoliday()
    {
        var due = SupervisionDueRule.NextCaseSupervisionDue(Calendar, Defaults, HeldBeforeEaster, CaseKind.ChildInNeed);

        due.ShouldBe(TimeLimits.UkLocal(new DateOnly(2026, 5, 6), new TimeOnly(10, 0)));
    }

    [Fact]
    public void LookedAfterAndCourt_FollowTheirOwnCycles()
    {
        SupervisionDueRule.NextCaseSupervisionDue(Calendar, Defaults, HeldBeforeEaster, CaseKind.LookedAfter)
            .ShouldBe(SupervisionDueRule.NextCaseSupervisionDue(Calendar, Defaults, HeldBeforeEaster, CaseKind.ChildInNeed));
        SupervisionDueRule.NextCaseSupervisionDue(Calendar, Defaults, HeldBeforeEaster, CaseKind.Court)
            .ShouldBe(SupervisionDueRule.NextCaseSupervisionDue(Calendar, Defaults, HeldBeforeEaster, CaseKind.ChildProtection));
    }

    [Fact]
    public void Personal_IsDue20WorkingDaysLater_AcrossChristmasAndNewYear()
    {
        // Monday 14 December 2026: Christmas Day, Boxing Day (substitute, 28th) and New Year's Day are not working days.
        var held = TimeLimits.UkLocal(new DateOnly(2026, 12, 14), new TimeOnly(14, 30));

        var due = SupervisionDueRule.NextPersonalSupervisionDue(Calendar, Defaults, held);

        due.ShouldBe(TimeLimits.UkLocal(new DateOnly(2027, 1, 14), new TimeOnly(14, 30)));
    }

    [Fact]
    public void Settings_ChangeTheCycle_AndACycleIsNeverLessThanOneWorkingDay()
    {
        var settings = new SupervisionSettings { ChildProtectionWorkingDays = 5, PersonalWorkingDays = 0 };

        SupervisionDueRule.NextCaseSupervisionDue(Calendar, settings, HeldBeforeEaster, CaseKind.ChildProtection)
            .ShouldBe(TimeLimits.UkLocal(new DateOnly(2026, 3, 27), new TimeOnly(10, 0)));
        SupervisionDueRule.NextPersonalSupervisionDue(Calendar, settings, HeldBeforeEaster)
            .ShouldBe(TimeLimits.UkLocal(new DateOnly(2026, 3, 23), new TimeOnly(10, 0)));
    }

    [Fact]
    public void Titles_SayWhatIsDueAndForWhom()
    {
        SupervisionDueRule.CaseTitle("Ruby Taylor").ShouldBe("Case supervision due: Ruby Taylor");
        SupervisionDueRule.PersonalTitle("Sam Okafor").ShouldBe("Personal supervision due: Sam Okafor");
    }
}
