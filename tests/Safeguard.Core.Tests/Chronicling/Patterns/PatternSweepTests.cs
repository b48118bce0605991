using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Chronology;
using Safeguard.Core.Chronology.Patterns;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Chronicling.Patterns;

/// <summary>
/// Where the pattern sweep reads the event log, on a database of its own: the first run, a backlog, and a run's time.
/// Each bruised baby below is an alert when the sweep checks them; the other children's events never are.
/// </summary>
public sealed class PatternSweepTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private SafeguardDbContext Db(TimeProvider? time = null) => _database.CreateContext(time ?? _time);

    /// <summary>A clock on which every reading finds a run's time used up: a run by it reads one batch at most.</summary>
    private static FakeTimeProvider Hurried() => new(Now) { AutoAdvanceAmount = PatternSweep.TimePerRun };

    private async Task<int> RunAsync(TimeProvider? time = null)
    {
        await using var db = Db(time);
        var settings = Options.Create(new PatternAlertSettings());
        var alerts = new PatternAlerts(db, new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default())), settings);
        return await new PatternSweep(db, alerts, settings).RunAsync();
    }

    private async Task CouncilAsync()
    {
        await using var db = Db();
        await TestData.CreateCouncilAsync(db);
    }

    /// <summary>A baby with an injury added to the chronology now.</summary>
    private async Task<Guid> BruisedBabyAsync(string given)
    {
        await using var db = Db();
        var baby = await TestData.PersonAsync(db, given, "Baby", TimeLimits.UkDay(Now).AddMonths(-4));
        (await new SignificantEvents(db).AddAsync(baby.Id,
            new SignificantEventInput(Now.AddDays(-1), "Bruise on the cheek", "Health visitor", AddedEventKind.Injury))).ShouldBe(SignificanceResult.Saved);
        return baby.Id;
    }

    /// <summary>Events about older children, saved together as a bulk load writes them, as if recorded at <paramref name="recordedAt"/>.</summary>
    private async Task OtherEventsAsync(int count, DateTimeOffset recordedAt)
    {
        await using var db = Db(new FakeTimeProvider(recordedAt));
        var children = new List<Guid>();
        for (var i = 0; i < 5; i++) children.Add((await TestData.PersonAsync(db, $"Child{i}", "Older", new DateOnly(2015, 1, 1))).Id);
        for (var i = 0; i < count; i++)
        {
            db.Record(new SignificantEventAdded(recordedAt, "Home visit", "Social worker"), children[i % children.Count], SignificantEvents.SubjectType);
        }
        await db.SaveChangesAsync();
    }

    private async Task<long?> MarkAsync()
    {
        await using var db = Db();
        return await db.PatternSweepMarks.Select(m => (long?)m.LastEventId).SingleOrDefaultAsync();
    }

    private async Task<long> EndOfLogAsync()
    {
        await using var db = Db();
        return await db.Events.MaxAsync(e => e.Id);
    }

    /// <summary>The mark is at or past <paramref name="end"/>: past it by the events of the alerts the run raised.</summary>
    private async Task ShouldHaveReadToAsync(long end) => (await MarkAsync()).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(end);

    private async Task<List<Guid>> AlertedAsync()
    {
        await using var db = Db();
        return await db.PatternAlerts.Select(a => a.PersonId).Distinct().ToListAsync();
    }

    [Fact]
    public void TheHurriedClock_MovesOnAtEveryReadingOfItsTimestampToo()
    {
        var clock = Hurried();
        var started = clock.GetTimestamp();
        clock.GetElapsedTime(started).ShouldBeGreaterThanOrEqualTo(PatternSweep.TimePerRun);
    }

    [Fact]
    public async Task FirstRun_OnALogLoadedOutOfTimeOrder_FindsTheRecentChildByTime_AndGoesOnFromTheEndOfTheLog()
    {
        await CouncilAsync();
        // The baby's injury is recent but early in the log; a year-old history loaded after it fills two batches.
        var baby = await BruisedBabyAsync("Noah");
        await OtherEventsAsync(2 * PatternSweep.BatchSize, Now.AddDays(-400));
        var end = await EndOfLogAsync();

        // Reading by id could take one batch in this run, not the whole log.
        (await RunAsync(Hurried())).ShouldBe(1);

        (await AlertedAsync()).ShouldBe([baby]);
        await ShouldHaveReadToAsync(end);
    }

    [Fact]
    public async Task FirstRun_StoppedBeforeItsChildrenAreChecked_LeavesNoMark_SoTheNextRunChecksThemAgain()
    {
        // No front door team yet: the first check fails, as a run stopped half way would.
        var baby = await BruisedBabyAsync("Noah");
        await Should.ThrowAsync<InvalidOperationException>(() => RunAsync());
        (await MarkAsync()).ShouldBeNull();

        await CouncilAsync();
        var end = await EndOfLogAsync();
        (await RunAsync()).ShouldBe(1);

        (await AlertedAsync()).ShouldBe([baby]);
        await ShouldHaveReadToAsync(end);
    }

    [Fact]
    public async Task ABacklogOfSeveralBatches_IsWorkedOffInOneRun()
    {
        await CouncilAsync();
        await RunAsync();
        var first = await BruisedBabyAsync("Amy");
        await OtherEventsAsync(PatternSweep.BatchSize, Now);
        var middle = await BruisedBabyAsync("Ben");
        await OtherEventsAsync(PatternSweep.BatchSize, Now);
        var last = await BruisedBabyAsync("Cara");
        var end = await EndOfLogAsync();

        (await RunAsync()).ShouldBe(3);

        (await AlertedAsync()).ShouldBe([first, middle, last], ignoreOrder: true);
        await ShouldHaveReadToAsync(end);
    }

    [Fact]
    public async Task ARunStopsWhenItsTimeIsUp_AndTheNextRunGoesOnFromItsMark_MissingNobody()
    {
        await CouncilAsync();
        await RunAsync();
        var start = (await MarkAsync()).ShouldNotBeNull();
        var first = await BruisedBabyAsync("Amy");
        await OtherEventsAsync(PatternSweep.BatchSize, Now);
        var middle = await BruisedBabyAsync("Ben");
        await OtherEventsAsync(PatternSweep.BatchSize, Now);
        var last = await BruisedBabyAsync("Cara");
        var end = await EndOfLogAsync();

        (await RunAsync(Hurried())).ShouldBe(1);

        (await AlertedAsync()).ShouldBe([first]);
        (await MarkAsync()).ShouldNotBeNull().ShouldBeInRange(start + 1, end - 1);

        (await RunAsync()).ShouldBe(2);

        (await AlertedAsync()).ShouldBe([first, middle, last], ignoreOrder: true);
        await ShouldHaveReadToAsync(end);
    }
}
