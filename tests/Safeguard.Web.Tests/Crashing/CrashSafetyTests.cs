using Safeguard.TestCommon;
using Safeguard.TestCommon.Crashing;

namespace Safeguard.Web.Tests.Crashing;

/// <summary>
/// The short form of the crash harness (<see cref="CrashRun"/>; the full form is the benchmark's `crash` command): the
/// real web process, SIGKILLed at a random point of a burst of partner referrals and decisions, three times, on the
/// suite's database (SQLite, or PostgreSQL with SAFEGUARD_TEST_PROVIDER=Postgres). The seed is printed; set
/// SAFEGUARD_CRASH_SEED to run the same kill points again.
/// </summary>
public sealed class CrashSafetyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task KilledMidBurst_AndEveryRequestResent_EachAcknowledgedReferralAndDecisionIsStoredOnce_AndEachFeedbackDeliveredOnce()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SAFEGUARD_CRASH_SEED"), out var s) ? s : Random.Shared.Next(1_000_000);
        await using var database = await TestDatabase.CreateEmptyAsync();
        var run = new CrashRun(database.Provider, database.ConnectionString,
            new CrashRunOptions(Rounds: 3, ReferralsPerRound: 12, DecisionsPerRound: 4, Seed: seed, Log: output.WriteLine));

        var report = await run.RunAsync(WebProcess.BesideThisProgram());
        output.WriteLine(report.ToString());

        report.Problems.ShouldBeEmpty($"seed {seed}:\n{report}");
        report.Kills.ShouldBe(3);
        report.ReferralsAcknowledged.ShouldBe(3 * (12 + 4), "every referral is acknowledged in the end");
        report.ReferralsExactlyOnce.ShouldBe(report.ReferralsAcknowledged);
        report.DecisionsAcknowledged.ShouldBe(3 * 4);
        report.DecisionsExactlyOnce.ShouldBe(report.DecisionsAcknowledged);
        report.OutboxMessages.ShouldBe(3 * 4, "one feedback message per decision");
        report.OutboxDelivered.ShouldBe(report.OutboxMessages);
        (report.Lost, report.Duplicates, report.OutboxLost, report.OutboxDuplicates).ShouldBe((0, 0, 0, 0));
    }
}
