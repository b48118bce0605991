using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Arrangements;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Arranging;

/// <summary>
/// Connected-person checks on a real database (either provider): each check is work until done; agreeing needs every
/// check, or a manager's reason, and the missing checks stay open; two agreeing at once keep one.
/// </summary>
public sealed class CarerArrangementsTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 10:00 UK time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private StaffUser _manager = default!;
    private StaffUser _sam = default!;
    private Guid _personId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        Guid team;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            team = (await TestData.CreateCouncilAsync(db)).Assessment.Id;
            _manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, team);
            _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, team);
            await AllocationTestData.QualifyAsync(db, _sam.Id, TimeLimits.UkDay(_time.GetUtcNow()), childProtectionTrained: true);
        }
        _personId = (await AllocationTestData.AllocatedReferralAsync(_database, _time, team, _manager, _sam)).PersonId;
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private static CarerArrangements Service(SafeguardDbContext db) => new(db, new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default())));

    private DateOnly Today => TimeLimits.UkDay(_time.GetUtcNow());

    private async Task<Guid> ProposeAsync()
    {
        await using var db = As(_sam);
        var result = await Service(db).ProposeAsync(_personId, new ArrangementInput("Jean Green", "Maternal grandmother", "4 Mill Lane, Northbridge", Today.AddDays(2)));
        result.Outcome.ShouldBe(ArrangementOutcome.Done, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Id!.Value;
    }

    private async Task<List<WorkItem>> OpenChecksAsync()
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return await db.WorkItems.AsNoTracking().Where(w => w.Kind == WorkKind.CarerCheck && w.PersonId == _personId && w.ClosedAt == null).ToListAsync();
    }

    [Fact]
    public async Task Proposing_PutsEachCheckOnTheWorkersTray_DueTheDayBeforeTheStay()
    {
        await ProposeAsync();

        var checks = await OpenChecksAsync();
        checks.Count.ShouldBe(4);
        checks.ShouldAllBe(w => w.OwnerUserId == _sam.Id && w.DueAt == TimeLimits.EndOfDay(new DateOnly(2026, 3, 5)));
        checks.Select(w => w.Title).ShouldContain("Police and DBS checks: Jean Green for Maya Green");
    }

    [Fact]
    public async Task WithEveryCheckDone_TheWorkerAgreesIt()
    {
        var id = await ProposeAsync();
        await using (var db = As(_sam))
        {
            foreach (var kind in Enum.GetValues<CarerCheckKind>())
            {
                (await Service(db).RecordCheckAsync(id, kind, Today, "Nothing of concern")).Outcome.ShouldBe(ArrangementOutcome.Done);
            }
            var view = (await Service(db).FindAsync(id))!;
            view.Missing.ShouldBeEmpty();
            (await Service(db).AgreeAsync(id, view.Version, asManager: false, null)).Outcome.ShouldBe(ArrangementOutcome.Done);
        }

        (await OpenChecksAsync()).ShouldBeEmpty();
        await using var read = _database.CreateContext(_time, Actor.System);
        (await read.CarerArrangements.SingleAsync(a => a.Id == id)).Status.ShouldBe(ArrangementStatus.Agreed);
        (await read.Events.SingleAsync(e => e.Type == ArrangementAgreed.Name)).Summary.ShouldBe("Arrangement with the connected person agreed; every check done");
    }

    [Fact]
    public async Task WithChecksMissing_OnlyAManagerWithAReasonAgreesIt_AndTheMissingChecksStayOpen()
    {
        var id = await ProposeAsync();
        int version;
        await using (var db = As(_sam))
        {
            (await Service(db).RecordCheckAsync(id, CarerCheckKind.HomeVisit, Today, "Clean, two bedrooms")).Outcome.ShouldBe(ArrangementOutcome.Done);
            version = (await Service(db).FindAsync(id))!.Version;
            (await Service(db).AgreeAsync(id, version, asManager: false, "Tonight")).Errors.ShouldHaveSingleItem().Message
                .ShouldBe("Checks are still missing: only a manager can agree the arrangement now, with a reason");
        }
        await using (var db = As(_manager))
        {
            (await Service(db).AgreeAsync(id, version, asManager: true, " ")).Errors.ShouldHaveSingleItem().Field.ShouldBe("MissingChecksReason");
            (await Service(db).AgreeAsync(id, version, asManager: true, "Mother arrested tonight; no other safe adult")).Outcome.ShouldBe(ArrangementOutcome.Done);
        }

        (await OpenChecksAsync()).Count.ShouldBe(3);
        await using var read = _database.CreateContext(_time, Actor.System);
        (await read.Events.SingleAsync(e => e.Type == ArrangementAgreed.Name)).Summary
            .ShouldBe("Arrangement agreed by a manager with checks missing (police and dbs checks, local authority records, references)");
    }

    [Fact]
    public async Task TwoManagersAgreeingAtOnce_OneIsKept()
    {
        var id = await ProposeAsync();
        await using var first = As(_manager);
        await using var second = As(_manager);

        var results = await Task.WhenAll(
            Task.Run(() => Service(first).AgreeAsync(id, 1, true, "Emergency")),
            Task.Run(() => Service(second).AgreeAsync(id, 1, true, "Emergency too")));

        results.Select(r => r.Outcome).ShouldBe([ArrangementOutcome.Done, ArrangementOutcome.ChangedElsewhere], ignoreOrder: true);
    }

    [Fact]
    public async Task AProposalNeedsTheCarerAndWhen()
    {
        await using var db = As(_sam);
        var result = await Service(db).ProposeAsync(_personId, new ArrangementInput(" ", null, "", null));
        result.Errors.Select(e => e.Field).ShouldBe(["CarerName", "Relationship", "Address", "From"]);
        (await Service(db).ProposeAsync(Guid.NewGuid(), new ArrangementInput("A", "B", "C", Today))).Outcome.ShouldBe(ArrangementOutcome.NotFound);
    }
}
