using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Tests.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Cli;

/// <summary>`safeguard performance refresh`, run as a process against a real database of the configured provider.</summary>
public sealed class PerformanceCliTests(CalendarCliTests.CliFixture cli) : IClassFixture<CalendarCliTests.CliFixture>
{
    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString];

    [Fact]
    public async Task Refresh_ComputesTheDaysGiven_AndRefusesBadDatesWithExitCode2()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext())
        {
            var (_, team, _, _) = await TestData.CreateCouncilAsync(db);
            var child = await Performing.PerformanceData.ChildAsync(db, "Counted");
            await Performing.PerformanceData.ReferralAsync(db, child, new DateOnly(2025, 3, 4), team.Id);
        }

        var refreshed = cli.Run(On(database, "performance", "refresh", "--from", "2025-03-01", "--to", "2025-03-10"));
        var backwards = cli.Run(On(database, "performance", "refresh", "--from", "2025-03-10", "--to", "2025-03-01"));

        refreshed.ExitCode.ShouldBe(0, refreshed.StdErr);
        refreshed.StdOut.ShouldStartWith("Computed 10 days (2025-03-01 to 2025-03-10)");
        backwards.ExitCode.ShouldBe(2);
        backwards.StdErr.ShouldStartWith("--from and --to:");
        await using var check = database.CreateContext();
        (await check.PerformanceDays.CountAsync()).ShouldBe(10);
        (await check.PerformanceFigures.SingleAsync(f => f.Measure == "referrals" && f.TeamId == Guid.Empty)).Day.ShouldBe(new DateOnly(2025, 3, 4));
    }
}
