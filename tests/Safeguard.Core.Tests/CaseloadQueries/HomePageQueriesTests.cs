using Microsoft.Extensions.Options;
using Safeguard.Core.Allocation;
using Safeguard.Core.People.Access;
using Safeguard.Core.Records;
using Safeguard.Core.Security;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using static Safeguard.Core.Tests.CaseloadQueries.CaseloadData;

namespace Safeguard.Core.Tests.CaseloadQueries;

/// <summary>The queries behind the home pages: a worker's own work overdue first, their cases, and a manager's team overview.</summary>
public sealed class HomePageQueriesTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private static WorkItem Item(Guid team, Guid? owner, string title, Priority priority, DateTimeOffset openedAt, DateTimeOffset dueAt,
        WorkKind kind = WorkKind.Visit, Guid? subject = null, Guid? personId = null)
    {
        var item = new WorkItem(kind, subject ?? Guid.NewGuid(), title, team, priority, openedAt, dueAt, personId);
        if (owner is not null) item.AssignTo(team, owner);
        return item;
    }

    [Fact]
    public async Task AWorkersOwnWork_PutsOverdueItemsFirst_ThenByPriorityAndDueTime_AcrossPages()
    {
        Guid worker;
        await using (var db = _database.CreateContext(_time))
        {
            var (team, _, _, _) = await TestData.CreateCouncilAsync(db);
            worker = (await WorkerAsync(db, "Mo Mywork", team.Id)).Id;
            var opened = Now.AddDays(-10);
            db.WorkItems.AddRange(
                Item(team.Id, worker, "CP due tomorrow", Priority.ChildProtection, opened, Now.AddDays(1)),
                Item(team.Id, worker, "Standard two days late", Priority.Standard, opened, Now.AddDays(-2)),
                Item(team.Id, worker, "Urgent an hour late", Priority.Urgent, opened, Now.AddHours(-1)),
                Item(team.Id, worker, "Standard an hour late", Priority.Standard, opened, Now.AddHours(-1)),
                Item(team.Id, worker, "CP a minute late", Priority.ChildProtection, opened, Now.AddMinutes(-1)),
                Item(team.Id, worker, "Standard due today", Priority.Standard, opened, Now.AddHours(3)),
                Item(team.Id, worker, "Urgent due in a week", Priority.Urgent, opened, Now.AddDays(7)),
                Item(team.Id, null, "The team's, not theirs", Priority.ChildProtection, opened, Now.AddDays(-5)));
            await db.SaveChangesAsync();
        }
        await using var reader = _database.CreateContext(_time);
        var work = new TeamWork(reader);

        var lines = new List<string>();
        for (var page = 1; page <= 3; page++) lines.AddRange((await work.WorkerPageAsync(worker, page, pageSize: 3)).Lines.Select(l => l.Title));
        var first = await work.WorkerPageAsync(worker, 1, pageSize: 3);

        lines.ShouldBe(
        [
            "CP a minute late", "Urgent an hour late", "Standard two days late", "Standard an hour late",
            "CP due tomorrow", "Urgent due in a week", "Standard due today",
        ]);
        first.Total.ShouldBe(7);
        first.Pages.ShouldBe(3);
    }

    [Fact]
    public async Task AWorkersCases_ShowARestrictedChildAsRestricted_ToSomeoneNotOnTheList()
    {
        StaffUser worker;
        Guid open, restricted;
        Actor offList;
        await using (var db = _database.CreateContext(_time))
        {
            var (team, _, _, _) = await TestData.CreateCouncilAsync(db);
            worker = await WorkerAsync(db, "Cas Cases", team.Id);
            var manager = await WorkerAsync(db, "Nat Notonlist", team.Id, Roles.TeamManager);
            offList = new Actor(manager.Id, manager.DisplayName);
            var openChild = await ChildAsync(db, "Olive", "Open");
            var secret = await ChildAsync(db, "Sasha", "Secret");
            await AllocateAsync(db, openChild, worker, Now.AddDays(-9), acceptedAt: Now.AddDays(-8));
            await AllocateAsync(db, secret, worker, Now.AddDays(-2));
            open = openChild.Id;
            restricted = secret.Id;
        }
        await using (var asWorker = _database.CreateContext(_time, new Actor(worker.Id, worker.DisplayName)))
        {
            (await new AccessLists(asWorker).RestrictAsync(restricted, "Relative of a member of staff")).ShouldBe(AccessChange.Done);
        }

        await using var asManager = _database.CreateContext(_time, offList);
        var seenByManager = await new WorkerCases(asManager, new Core.Allocation.Caseloads(asManager, Options.Create(new CaseloadSettings())))
            .ForWorkerAsync(worker.Id);
        await using var asWorker2 = _database.CreateContext(_time, new Actor(worker.Id, worker.DisplayName));
        var seenByWorker = await new WorkerCases(asWorker2, new Core.Allocation.Caseloads(asWorker2, Options.Create(new CaseloadSettings())))
            .ForWorkerAsync(worker.Id);

        seenByManager.Select(c => c.Child).ShouldBe(["Olive Open", NeedToKnow.RestrictedTitle]);
        seenByManager[1].Restricted.ShouldBeTrue();
        seenByManager[0].Accepted.ShouldBeTrue();
        seenByManager[1].Accepted.ShouldBeFalse();
        seenByWorker.Select(c => c.Child).ShouldBe(["Olive Open", "Sasha Secret"]);
        seenByWorker.Select(c => c.PersonId).ShouldBe([open, restricted]);
    }

    [Fact]
    public async Task AManagersOverview_ListsCasesNotYetAccepted_AndOverdueWorkByWorker()
    {
        Guid team, other, busy, calm;
        CaseAllocation waiting;
        await using (var db = _database.CreateContext(_time))
        {
            var council = await TestData.CreateCouncilAsync(db);
            team = council.FrontDoor.Id;
            other = council.Assessment.Id;
            var busyWorker = await WorkerAsync(db, "Bea Busy", team);
            var calmWorker = await WorkerAsync(db, "Cal Calm", team);
            busy = busyWorker.Id;
            calm = calmWorker.Id;
            waiting = await AllocateAsync(db, await ChildAsync(db, "Willa", "Waiting"), busyWorker, Now.AddHours(-30));
            var accepted = await AllocateAsync(db, await ChildAsync(db, "Ada", "Accepted"), calmWorker, Now.AddDays(-5), acceptedAt: Now.AddDays(-4));
            var opened = Now.AddDays(-3);
            db.WorkItems.AddRange(
                Item(team, busy, "Accept a new case", Priority.Standard, waiting.AllocatedAt, Now.AddHours(-6), WorkKind.AcceptAllocation, waiting.Id, waiting.PersonId),
                Item(team, busy, "Late visit", Priority.Standard, opened, Now.AddHours(-2)),
                Item(team, busy, "Late assessment", Priority.Urgent, opened, Now.AddDays(-1), WorkKind.Assessment),
                Item(team, calm, "Late visit", Priority.Standard, opened, Now.AddMinutes(-5)),
                Item(team, calm, "Visit not due", Priority.Standard, opened, Now.AddDays(2)),
                Item(team, null, "Unallocated and late", Priority.Standard, opened, Now.AddDays(-1), WorkKind.Allocation),
                Item(other, null, "Another team's", Priority.Standard, opened, Now.AddDays(-1)));
            var closed = Item(team, calm, "Accept (done)", Priority.Standard, accepted.AllocatedAt, Now.AddDays(-4), WorkKind.AcceptAllocation, accepted.Id);
            closed.Close(Now.AddDays(-4));
            db.WorkItems.Add(closed);
            await db.SaveChangesAsync();
        }
        await using var reader = _database.CreateContext(_time);
        var overview = new TeamOverview(reader);

        var notAccepted = await overview.NotYetAcceptedAsync(team);
        var overdue = await overview.OverdueByWorkerAsync(team);
        var unallocated = await new VisibleWork(reader, new TeamWork(reader)).UnallocatedPageAsync(team);

        notAccepted.Single().AllocationId.ShouldBe(waiting.Id);
        notAccepted.Single().Child.ShouldBe("Willa Waiting");
        notAccepted.Single().Worker.ShouldBe("Bea Busy");
        notAccepted.Single().AllocatedAt.ShouldBe(waiting.AllocatedAt);
        overdue.Select(o => (o.WorkerId, o.Overdue)).ShouldBe([((Guid?)busy, 3), (calm, 1), (null, 1)]);
        unallocated.Lines.Single().Title.ShouldBe("Unallocated and late");
    }
}
