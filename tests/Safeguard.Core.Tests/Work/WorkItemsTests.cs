using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Work;

public sealed class WorkItemsTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private static WorkItems Work(SafeguardDbContext db) => new(db, new WorkClocks(Calendar));

    private async Task<(Guid Item, Guid Team, Guid OtherTeam)> OpenAllocationAsync()
    {
        await using var db = _database.CreateContext(_time);
        var (frontDoor, assessment, _, _) = await TestData.CreateCouncilAsync(db);
        var item = Work(db).Open(WorkKind.Allocation, Guid.NewGuid(), "Allocate Ruby Taylor", assessment.Id, Priority.Standard);
        await db.SaveChangesAsync();
        return (item.Id, assessment.Id, frontDoor.Id);
    }

    [Fact]
    public async Task Opening_TakesTheDueTimeFromTheKindsClock_AndWritesItsEvent()
    {
        var (id, team, _) = await OpenAllocationAsync();

        await using var check = _database.CreateContext(_time);
        var item = await check.WorkItems.SingleAsync(w => w.Id == id);
        item.DueAt.ShouldBe(Calendar.AllocationDue(_time.GetUtcNow()));
        item.OwnerTeamId.ShouldBe(team);
        item.Version.ShouldBe(1);
        var opened = await check.Events.SingleAsync(e => e.SubjectId == id);
        opened.Type.ShouldBe(WorkOpened.Name);
        opened.SubjectType.ShouldBe(nameof(WorkItem));
        opened.Summary.ShouldBe("Allocation opened: Allocate Ruby Taylor (standard)");
    }

    [Fact]
    public async Task Reprioritising_RunsTheClockAgain_MovesTheVersionOn_AndWritesItsEvent()
    {
        await using (var db = _database.CreateContext(_time))
        {
            var (frontDoor, _, _, _) = await TestData.CreateCouncilAsync(db);
            var received = _time.GetUtcNow().AddHours(-1);
            var item = Work(db).Open(WorkKind.ScreeningDecision, Guid.NewGuid(), "Screen contact about Ruby Taylor", frontDoor.Id,
                Priority.Standard, null, received);
            await db.SaveChangesAsync();

            Work(db).Reprioritise(item, Priority.ChildProtection, received);
            await db.SaveChangesAsync();

            item.DueAt.ShouldBe(new ScreeningDecisionClock(Calendar).DecisionDue(received, Priority.ChildProtection));
            item.DueAt.ShouldBeLessThan(Calendar.ScreeningDecisionDue(received));
            item.Version.ShouldBe(2);
        }

        await using var check = _database.CreateContext(_time);
        (await check.Events.CountAsync(e => e.Type == WorkReprioritised.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task Closing_IsOnce_AndTheItemLeavesTheTrays()
    {
        var (id, team, _) = await OpenAllocationAsync();
        await using (var db = _database.CreateContext(_time))
        {
            var item = await db.WorkItems.SingleAsync(w => w.Id == id);
            Work(db).Close(item);
            Work(db).Close(item);
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext(_time);
        (await check.Events.CountAsync(e => e.Type == WorkClosed.Name && e.SubjectId == id)).ShouldBe(1);
        (await new TeamWork(check).PageAsync(team, null)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task AReassignmentFromAStaleVersion_SavesNothing_AndSaysSo()
    {
        var (id, _, otherTeam) = await OpenAllocationAsync();
        await using var db = _database.CreateContext(_time);

        (await Work(db).ReassignAsync(id, otherTeam, null, expectedVersion: 7)).ShouldBe(WorkChange.ChangedElsewhere);
        (await Work(db).ReassignAsync(Guid.NewGuid(), otherTeam, null)).ShouldBe(WorkChange.NotFound);
    }

    /// <summary>
    /// Two people change one work item at the same moment, each from the version they read: one change is saved, the
    /// other saves nothing and is told someone else changed it (no exception), on either database.
    /// </summary>
    [Fact]
    public async Task TwoChangesOfOneItemAtOnce_EndWithOneResult_AndTheOtherIsToldItChangedElsewhere()
    {
        for (var round = 0; round < 8; round++)
        {
            var (id, _, otherTeam) = await OpenAllocationAsync();
            var worker = Guid.NewGuid();
            await using var a = _database.CreateContext(_time);
            await using var b = _database.CreateContext(_time);
            var itemA = await a.WorkItems.SingleAsync(w => w.Id == id);
            var itemB = await b.WorkItems.SingleAsync(w => w.Id == id);
            Work(a).Reassign(itemA, otherTeam, worker);
            Work(b).Reprioritise(itemB, Priority.ChildProtection, itemB.OpenedAt);

            var start = new TaskCompletionSource();
            var saves = new[] { Task.Run(async () => { await start.Task; return await Work(a).SaveAsync(); }),
                Task.Run(async () => { await start.Task; return await Work(b).SaveAsync(); }) };
            start.SetResult();
            var results = await Task.WhenAll(saves);

            results.Count(r => r == WorkChange.Changed).ShouldBe(1, $"round {round}");
            results.Count(r => r == WorkChange.ChangedElsewhere).ShouldBe(1, $"round {round}");
            await using var check = _database.CreateContext(_time);
            var saved = await check.WorkItems.SingleAsync(w => w.Id == id);
            saved.Version.ShouldBe(2);
            var reassigned = results[0] == WorkChange.Changed;
            saved.OwnerUserId.ShouldBe(reassigned ? worker : null);
            saved.Priority.ShouldBe(reassigned ? Priority.Standard : Priority.ChildProtection);
            (await check.Events.CountAsync(e => e.SubjectId == id && (e.Type == WorkReassigned.Name || e.Type == WorkReprioritised.Name)))
                .ShouldBe(1);
        }
    }
}
