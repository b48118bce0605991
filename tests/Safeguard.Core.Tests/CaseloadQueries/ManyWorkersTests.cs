using Safeguard.Core.Allocation;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.TestCommon;
using static Safeguard.Core.Tests.CaseloadQueries.CaseloadData;

namespace Safeguard.Core.Tests.CaseloadQueries;

/// <summary>Children with three or more workers in twelve months: who counts, at the edges of the window, and need to know.</summary>
public sealed class ManyWorkersTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task AWorkerCounts_WhenTheirAllocationWasOpenAtAnyTimeInTheLastTwelveMonths()
    {
        Guid three, edge, tooOld, sameWorkerTwice, four;
        await using (var db = _database.CreateContext(_time))
        {
            var (team, _, _, _) = await TestData.CreateCouncilAsync(db);
            var a = await WorkerAsync(db, "Alf Able", team.Id);
            var b = await WorkerAsync(db, "Bo Baker", team.Id);
            var c = await WorkerAsync(db, "Cy Cole", team.Id);
            var d = await WorkerAsync(db, "Di Dale", team.Id);
            var windowStart = ManyWorkersRule.WindowStart(Now);

            var child = await ChildAsync(db, "Three");
            await AllocateAsync(db, child, a, Now.AddMonths(-20), endedAt: Now.AddMonths(-11)); // ended inside the window
            await AllocateAsync(db, child, b, Now.AddMonths(-11), endedAt: Now.AddMonths(-2));
            await AllocateAsync(db, child, c, Now.AddMonths(-2));
            three = child.Id;

            child = await ChildAsync(db, "Edge");
            await AllocateAsync(db, child, a, Now.AddMonths(-30), endedAt: windowStart); // ended the moment the window starts: counts
            await AllocateAsync(db, child, b, windowStart, endedAt: Now.AddMonths(-1));
            await AllocateAsync(db, child, c, Now.AddMonths(-1));
            edge = child.Id;

            child = await ChildAsync(db, "Old");
            await AllocateAsync(db, child, a, Now.AddMonths(-30), endedAt: windowStart.AddSeconds(-1)); // ended just before: does not
            await AllocateAsync(db, child, b, windowStart.AddDays(1), endedAt: Now.AddMonths(-1));
            await AllocateAsync(db, child, c, Now.AddMonths(-1));
            tooOld = child.Id;

            child = await ChildAsync(db, "Twice");
            await AllocateAsync(db, child, a, Now.AddMonths(-10), endedAt: Now.AddMonths(-8));
            await AllocateAsync(db, child, b, Now.AddMonths(-8), endedAt: Now.AddMonths(-4));
            await AllocateAsync(db, child, a, Now.AddMonths(-4)); // the same worker again: two workers, not three
            sameWorkerTwice = child.Id;

            child = await ChildAsync(db, "Four");
            await AllocateAsync(db, child, a, Now.AddMonths(-9), endedAt: Now.AddMonths(-7));
            await AllocateAsync(db, child, b, Now.AddMonths(-7), endedAt: Now.AddMonths(-5));
            await AllocateAsync(db, child, c, Now.AddMonths(-5), endedAt: Now.AddMonths(-3));
            await AllocateAsync(db, child, d, Now.AddMonths(-3), endedAt: Now.AddDays(-1)); // case closed: no worker now
            four = child.Id;
        }
        await using var reader = _database.CreateContext(_time);

        var list = await new ManyWorkersList(reader).ListAsync();

        list.Hidden.ShouldBe(0);
        list.Shown.Select(c => c.PersonId).ShouldBe([edge, three, four], "the most recent change of worker first");
        list.Visible.ShouldBe(3);
        list.Shown.Single(c => c.PersonId == four).Workers.ShouldBe(4);
        list.Shown.Single(c => c.PersonId == four).WorkerNow.ShouldBeNull();
        list.Shown.Single(c => c.PersonId == three).WorkerNow.ShouldBe("Cy Cole");
        list.Shown.ShouldNotContain(c => c.PersonId == tooOld || c.PersonId == sameWorkerTwice);
    }

    [Fact]
    public async Task ARestrictedChild_IsLeftOutAndCounted_ForSomeoneNotOnTheirList_AndListedForSomeoneOnIt()
    {
        Guid restricted;
        Actor onList, offList;
        await using (var db = _database.CreateContext(_time))
        {
            var (team, _, _, _) = await TestData.CreateCouncilAsync(db);
            var a = await WorkerAsync(db, "Ann Ash", team.Id);
            var b = await WorkerAsync(db, "Bill Birch", team.Id);
            var c = await WorkerAsync(db, "Cath Cedar", team.Id);
            var manager = await WorkerAsync(db, "Meg Maple", team.Id, Roles.TeamManager);
            var other = await WorkerAsync(db, "Ned Oak", team.Id, Roles.TeamManager);
            onList = new Actor(manager.Id, manager.DisplayName);
            offList = new Actor(other.Id, other.DisplayName);
            var child = await ChildAsync(db, "Secret", "Child");
            await AllocateAsync(db, child, a, Now.AddMonths(-6), endedAt: Now.AddMonths(-4));
            await AllocateAsync(db, child, b, Now.AddMonths(-4), endedAt: Now.AddMonths(-2));
            await AllocateAsync(db, child, c, Now.AddMonths(-2));
            restricted = child.Id;
        }
        await using (var asManager = _database.CreateContext(_time, onList))
        {
            (await new AccessLists(asManager).RestrictAsync(restricted, "Relative of a member of staff")).ShouldBe(AccessChange.Done);
        }

        await using var asOther = _database.CreateContext(_time, offList);
        var hidden = await new ManyWorkersList(asOther).ListAsync();
        await using var asHolder = _database.CreateContext(_time, onList);
        var shown = await new ManyWorkersList(asHolder).ListAsync();

        hidden.Shown.ShouldBeEmpty();
        hidden.Visible.ShouldBe(0);
        hidden.Hidden.ShouldBe(1);
        hidden.Total.ShouldBe(1);
        shown.Shown.Single().Name.ShouldBe("Secret Child");
        shown.Hidden.ShouldBe(0);
    }

    [Fact]
    public async Task TheListIsPaged_AndAChildDropsOffWhenTheirThirdWorkerWasLastSeenMoreThanTwelveMonthsAgo()
    {
        var children = new List<Guid>();
        await using (var db = _database.CreateContext(_time))
        {
            var (team, _, _, _) = await TestData.CreateCouncilAsync(db);
            var a = await WorkerAsync(db, "Ava Alder", team.Id);
            var b = await WorkerAsync(db, "Ben Beech", team.Id);
            var c = await WorkerAsync(db, "Col Cherry", team.Id);
            for (var i = 0; i < ManyWorkersList.PageSize + 2; i++)
            {
                var child = await ChildAsync(db, $"Child{i:D3}");
                await AllocateAsync(db, child, a, Now.AddMonths(-6), endedAt: Now.AddMonths(-4));
                await AllocateAsync(db, child, b, Now.AddMonths(-4), endedAt: Now.AddMonths(-2).AddMinutes(i));
                await AllocateAsync(db, child, c, Now.AddMonths(-2).AddMinutes(i));
                children.Add(child.Id);
            }
        }
        await using (var reader = _database.CreateContext(_time))
        {
            var first = await new ManyWorkersList(reader).ListAsync(1);
            var second = await new ManyWorkersList(reader).ListAsync(2);
            var beyond = await new ManyWorkersList(reader).ListAsync(99);

            first.Visible.ShouldBe(ManyWorkersList.PageSize + 2);
            first.Pages.ShouldBe(2);
            first.Shown.Count.ShouldBe(ManyWorkersList.PageSize);
            first.Shown[0].PersonId.ShouldBe(children[^1], "the most recent change of worker first");
            second.Shown.Select(s => s.PersonId).ShouldBe([children[1], children[0]]);
            beyond.Page.ShouldBe(2, "a page beyond the end shows the last page");
            first.Shown.ShouldAllBe(s => s.Workers == 3);
        }

        // Ten months on, the first worker (seen until four months before "now") falls out of the window: two workers each.
        _time.Advance(TimeSpan.FromDays(300));
        await using var later = _database.CreateContext(_time);
        (await new ManyWorkersList(later).ListAsync()).Total.ShouldBe(0);
    }
}
