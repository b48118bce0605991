using Safeguard.Core.Performance;

namespace Safeguard.Core.Tests.Performing;

public sealed class PerformancePeriodTests
{
    [Fact]
    public void TwentySixWeeks_AreWeeklyPointsFromMonday_ALongerPeriodIsMonthly()
    {
        var weekly = new PerformancePeriod(new DateOnly(2026, 1, 7), new DateOnly(2026, 7, 7));
        var monthly = new PerformancePeriod(new DateOnly(2026, 1, 7), new DateOnly(2026, 7, 8));

        Assert.False(weekly.Monthly);
        Assert.Equal((new DateOnly(2026, 1, 7), new DateOnly(2026, 1, 11)), (weekly.Buckets()[0].Start, weekly.Buckets()[0].End));
        Assert.Equal(new DateOnly(2026, 1, 12), weekly.Buckets()[1].Start);
        Assert.True(monthly.Monthly);
        Assert.Equal(["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026", "Jul 2026"], monthly.Buckets().Select(b => b.Label));
        Assert.Equal(new DateOnly(2026, 7, 8), monthly.Buckets()[^1].End);
    }

    [Fact]
    public void APeriodOverFiveYears_OrBackwards_OrInTheFuture_IsRefused()
    {
        var today = new DateOnly(2026, 3, 2);

        Assert.Empty(PerformancePeriodRule.Check(today.AddYears(-5), today, today));
        Assert.Contains(PerformancePeriodRule.Check(today.AddYears(-5).AddDays(-1), today, today), e => e.Field == "From");
        Assert.Contains(PerformancePeriodRule.Check(today, today.AddDays(-1), today), e => e.Field == "To");
        Assert.Contains(PerformancePeriodRule.Check(today, today.AddDays(1), today), e => e.Field == "To");
    }
}
