using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Work;

public sealed class TeamWorkTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    /// <summary>A busy team: 60 standard items due within the hour, 5 urgent ones, and one child protection item due latest of all.</summary>
    private async Task<(Guid Team, Guid ChildProtection)> BusyTeamAsync()
    {
        await using var db = _database.CreateContext(_time);
        var (team, _, _, _) = await TestData.CreateCouncilAsync(db);
        var now = _time.GetUtcNow();
        for (var i = 0; i < 60; i++)
        {
            db.WorkItems.Add(new WorkItem(WorkKind.ScreeningDecision, Guid.NewGuid(), $"Standard {i:00}", team.Id, Priority.Standard, now,
                now.AddMinutes(i)));
        }
        for (var i = 0; i < 5; i++)
        {
            db.WorkItems.Add(new WorkItem(WorkKind.ScreeningDecision, Guid.NewGuid(), $"Urgent {i}", team.Id, Priority.Urgent, now,
                now.AddHours(5 + i)));
        }
        var cp = new WorkItem(WorkKind.ScreeningDecision, Guid.NewGuid(), "Child protection", team.Id, Priority.ChildProtection, now, now.AddDays(3));
        db.WorkItems.Add(cp);
        await db.SaveChangesAsync();
        return (team.Id, cp.Id);
    }

    [Fact]
    public async Task ABusyTeamsFirstPage_StartsWithTheChildProtectionItem_EvenWhenItIsDueLatest()
    {
        var (team, cp) = await BusyTeamAsync();
        await using var db = _database.CreateContext(_time);

        var page = await new TeamWork(db).PageAsync(team, null);

        page.Lines.Count.ShouldBe(TeamWork.DefaultPageSize);
        page.Lines[0].Id.ShouldBe(cp);
        page.Lines.Skip(1).Take(5).ShouldAllBe(l => l.Priority == Priority.Urgent);
        page.Lines.Skip(6).ShouldAllBe(l => l.Priority == Priority.Standard);
        page.Total.ShouldBe(66);
        page.HasMore.ShouldBeTrue();
    }

    [Fact]
    public async Task PagesTogether_HoldEveryOpenItemOnce_ByPriorityThenDueTime()
    {
        var (team, _) = await BusyTeamAsync();
        await using var db = _database.CreateContext(_time);
        var work = new TeamWork(db);

        var lines = new List<OpenWorkLine>();
        WorkPage page;
        var number = 1;
        do
        {
            page = await work.PageAsync(team, null, number++, pageSize: 4);
            lines.AddRange(page.Lines);
        } while (page.HasMore);

        page.Pages.ShouldBe(17);
        lines.Count.ShouldBe(66);
        lines.Select(l => l.Id).ShouldBeUnique();
        lines.ShouldBe(lines.OrderBy(l => (int)l.Priority).ThenBy(l => l.DueAt).ToList());
        (await work.PageAsync(team, null, 2)).Lines.Count.ShouldBe(16);
    }

    [Fact]
    public async Task APageBeforeTheFirstOrPastTheLast_ShowsTheFirstOrTheLast()
    {
        var (team, cp) = await BusyTeamAsync();
        await using var db = _database.CreateContext(_time);
        var work = new TeamWork(db);

        (await work.PageAsync(team, null, -1)).Lines[0].Id.ShouldBe(cp);
        var last = await work.PageAsync(team, null, 99);
        last.Page.ShouldBe(2);
        last.Lines.Count.ShouldBe(16);
    }

    [Fact]
    public async Task AWorkersTray_HoldsTheirOwnItems_NotEveryUnassignedItem()
    {
        var (team, _) = await BusyTeamAsync();
        Guid mine;
        await using (var db = _database.CreateContext(_time))
        {
            var (otherTeam, _, _, _) = await TestData.CreateCouncilAsync(db);
            var item = new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default())).Open(WorkKind.Visit, Guid.NewGuid(), "Visit", otherTeam.Id, Priority.Standard, null, null, _time.GetUtcNow());
            await db.SaveChangesAsync();
            mine = item.Id;
        }
        var worker = Guid.NewGuid();
        await using (var db = _database.CreateContext(_time))
        {
            (await new WorkItems(db).ReassignAsync(mine, (await db.WorkItems.FindAsync(mine))!.OwnerTeamId, worker)).ShouldBe(WorkChange.Changed);
        }

        await using var check = _database.CreateContext(_time);
        var page = await new TeamWork(check).PageAsync(null, worker);
        page.Lines.Select(l => l.Id).ShouldBe([mine]);
        (await new TeamWork(check).PageAsync(team, worker)).Total.ShouldBe(67);
    }
}
