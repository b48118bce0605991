using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Intake;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>
/// A new contact about a child whose case is open reaches the worker who holds it, by every door (the form's intake and
/// the partner API's group-commit writer), as work due in one working day; the worker marks it read once.
/// </summary>
public sealed class ContactOnOpenCaseTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 10:00 UK time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private StaffUser _manager = default!;
    private StaffUser _sam = default!;
    private Referral _referral = default!;
    private Guid _police;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        Guid team;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var council = await TestData.CreateCouncilAsync(db);
            team = council.Assessment.Id;
            _police = council.Police.Id;
            _manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, team);
            _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, team);
            await AllocationTestData.QualifyAsync(db, _sam.Id, TimeLimits.UkDay(_time.GetUtcNow()), childProtectionTrained: true);
        }
        _referral = await AllocationTestData.AllocatedReferralAsync(_database, _time, team, _manager, _sam);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private NewContact AboutTheChild() => TestData.Contact(TestData.Child("Maya", "Green", personId: _referral.PersonId)) with { ReceivedAt = _time.GetUtcNow() };

    private async Task<List<WorkItem>> ForWorkerAsync(Guid contactId)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return await db.WorkItems.AsNoTracking().Where(w => w.SubjectId == contactId && w.Kind == WorkKind.ContactOnOpenCase).ToListAsync();
    }

    [Fact]
    public async Task AContactAboutAChildWhoseCaseIsOpen_IsOnTheWorkersTray_DueInAWorkingDay_AndStillScreenedByTheFrontDoor()
    {
        RecordedContact recorded;
        await using (var db = _database.CreateContext(_time, Actor.System)) recorded = await TestData.Intake(db).RecordAsync(AboutTheChild());

        var item = (await ForWorkerAsync(recorded.Id)).ShouldHaveSingleItem();
        (item.OwnerUserId, item.PersonId, item.Priority).ShouldBe((_sam.Id, _referral.PersonId, recorded.Priority));
        item.DueAt.ShouldBe(WorkingDayCalendar.Default().NewInformationReadDue(_time.GetUtcNow()));
        item.Title.ShouldBe("New contact about Maya Green, whose case you hold: read it");
        await using var read = _database.CreateContext(_time, Actor.System);
        (await read.WorkItems.CountAsync(w => w.SubjectId == recorded.Id && w.Kind == WorkKind.ScreeningDecision && w.OwnerUserId == null)).ShouldBe(1);
    }

    [Fact]
    public async Task AChildWithNoOpenCase_OrAClosedOne_HasNothingOnAWorkersTray()
    {
        RecordedContact newChild, closedCase;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            newChild = await TestData.Intake(db).RecordAsync(TestData.Contact(TestData.Child("Ava", "Hill")));
        }
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            await db.Referrals.Where(r => r.Id == _referral.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReferralStatus.Closed));
        }
        await using (var db = _database.CreateContext(_time, Actor.System)) closedCase = await TestData.Intake(db).RecordAsync(AboutTheChild());

        (await ForWorkerAsync(newChild.Id)).ShouldBeEmpty();
        (await ForWorkerAsync(closedCase.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task APartnerReferralThroughTheGroupCommitWriter_AlsoReachesTheWorker()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSafeguardCore(_database.Provider, _database.ConnectionString);
        await using var provider = services.BuildServiceProvider();
        var writer = provider.GetRequiredService<IntakeWriter>();

        var outcome = await writer.RecordAsync(TestData.Contact([TestData.Child("Maya", "Green", personId: _referral.PersonId)], [], organisationId: _police),
            new IdempotencyClaim(_police, "open-case-1", "h1"), new Actor(null, "Northbridge Police (API)", _police));

        outcome.Result.ShouldBe(IntakeResult.Recorded);
        (await ForWorkerAsync(outcome.ContactId)).ShouldHaveSingleItem().OwnerUserId.ShouldBe(_sam.Id);
    }

    [Fact]
    public async Task TheWorkerMarksItRead_Once_EvenFromTwoTabsAtOnce()
    {
        RecordedContact recorded;
        await using (var db = _database.CreateContext(_time, Actor.System)) recorded = await TestData.Intake(db).RecordAsync(AboutTheChild());
        await using (var db = _database.CreateContext(_time, new Actor(_manager.Id, _manager.DisplayName)))
        {
            (await Service(db).MarkReadAsync(recorded.Id, _manager.Id)).ShouldBeFalse();
        }

        await using var first = _database.CreateContext(_time, new Actor(_sam.Id, _sam.DisplayName));
        await using var second = _database.CreateContext(_time, new Actor(_sam.Id, _sam.DisplayName));
        (await Service(first).UnreadByAsync(recorded.Id, _sam.Id)).ShouldBeTrue();
        var results = await Task.WhenAll(Service(first).MarkReadAsync(recorded.Id, _sam.Id), Service(second).MarkReadAsync(recorded.Id, _sam.Id));

        results.Count(r => r).ShouldBe(1);
        (await ForWorkerAsync(recorded.Id)).ShouldHaveSingleItem().ClosedAt.ShouldNotBeNull();
        await using var read = _database.CreateContext(_time, Actor.System);
        (await read.Events.CountAsync(e => e.Type == ContactReadByWorker.Name && e.SubjectId == recorded.Id)).ShouldBe(1);
        (await Service(read).UnreadByAsync(recorded.Id, _sam.Id)).ShouldBeFalse();
    }

    private static ContactsOnOpenCases Service(SafeguardDbContext db) => new(db, new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default())));
}
