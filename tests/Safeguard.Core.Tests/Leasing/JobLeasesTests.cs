using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Jobs;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Leasing;

public sealed class JobLeasesTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<bool> TakeAsync(string holder, string job = "overdue-sweep", TimeSpan? leaseFor = null)
    {
        await using var db = _database.CreateContext(_time);
        return await new JobLeases(db).TryTakeAsync(job, holder, leaseFor ?? Minute);
    }

    private async Task<JobLease> LeaseAsync(string job = "overdue-sweep")
    {
        await using var db = _database.CreateContext(_time);
        return (await new JobLeases(db).ListAsync()).Single(l => l.Name == job);
    }

    [Fact]
    public async Task TryTake_TheFirstTime_TakesTheLeaseAndCountsOneRun()
    {
        (await TakeAsync("web-1")).ShouldBeTrue();

        var lease = await LeaseAsync();
        lease.Holder.ShouldBe("web-1");
        lease.Runs.ShouldBe(1);
        lease.ExpiresAt.ShouldBe(_time.GetUtcNow() + Minute);
    }

    [Fact]
    public async Task TryTake_WhileAnotherInstanceHoldsIt_IsRefused()
    {
        await TakeAsync("web-1");
        _time.Advance(TimeSpan.FromSeconds(59));

        (await TakeAsync("web-2")).ShouldBeFalse();
        (await TakeAsync("web-1")).ShouldBeFalse();

        (await LeaseAsync()).Holder.ShouldBe("web-1");
    }

    [Fact]
    public async Task TryTake_AfterTheLeaseRunsOut_AnotherInstanceTakesIt()
    {
        await TakeAsync("web-1");
        _time.Advance(Minute);

        (await TakeAsync("web-2")).ShouldBeTrue();

        var lease = await LeaseAsync();
        lease.Holder.ShouldBe("web-2");
        lease.Runs.ShouldBe(2);
    }

    [Fact]
    public async Task HoldUntil_KeepsEveryInstanceOutUntilTheJobsNextTurn()
    {
        await TakeAsync("web-1", leaseFor: TimeSpan.FromMinutes(10));
        await using (var db = _database.CreateContext(_time))
        {
            await new JobLeases(db).HoldUntilAsync("overdue-sweep", "web-1", _time.GetUtcNow() + TimeSpan.FromMinutes(30));
        }

        _time.Advance(TimeSpan.FromMinutes(29));
        (await TakeAsync("web-2")).ShouldBeFalse();
        _time.Advance(Minute);
        (await TakeAsync("web-2")).ShouldBeTrue();
    }

    [Fact]
    public async Task HoldUntil_ByAnInstanceThatLostTheLease_ChangesNothing()
    {
        await TakeAsync("web-1");
        _time.Advance(Minute);
        await TakeAsync("web-2");
        await using (var db = _database.CreateContext(_time))
        {
            await new JobLeases(db).HoldUntilAsync("overdue-sweep", "web-1", _time.GetUtcNow() + TimeSpan.FromHours(5));
        }

        (await LeaseAsync()).ExpiresAt.ShouldBe(_time.GetUtcNow() + Minute);
    }

    [Fact]
    public async Task Jobs_HaveLeasesOfTheirOwn()
    {
        (await TakeAsync("web-1", job: "duplicate-sweep")).ShouldBeTrue();
        (await TakeAsync("web-2", job: "flow-watch")).ShouldBeTrue();
    }

    [Fact]
    public async Task ManyInstancesAtOnce_ExactlyOneTakesEachTurn()
    {
        for (var turn = 1; turn <= 3; turn++)
        {
            var holders = Enumerable.Range(1, 6).Select(i => $"web-{i}").ToList();
            var taken = await Task.WhenAll(holders.Select(h => Task.Run(() => TakeAsync(h))));

            taken.Count(t => t).ShouldBe(1, $"turn {turn}");
            (await LeaseAsync()).Runs.ShouldBe(turn);
            _time.Advance(Minute);
        }
    }
}
