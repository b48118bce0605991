using Microsoft.EntityFrameworkCore;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>The decision and feedback clocks run from when a contact was received, by its priority's clock.</summary>
public sealed class ReceivedClockTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    // Thursday 3 December 2026, 10:00 London (GMT).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset YesterdayAfternoon = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static ContactIntake Intake(Safeguard.Core.Data.SafeguardDbContext db) =>
        new(db, new ExactPersonLinker(), WorkingDayCalendar.Default(), clock: new ScreeningDecisionClock(WorkingDayCalendar.Default()));

    private static NewContact ByPhone(IReadOnlyList<string> categories, DateTimeOffset? receivedAt) =>
        TestData.Contact([TestData.Child()], categories) with
        {
            Channel = ContactChannel.FrontDoor, Method = ContactMethod.Phone, ReceivedAt = receivedAt,
        };

    [Fact]
    public async Task StandardContactReceivedYesterdayAfternoon_IsDueOneWorkingDayFromReceipt_NotFromRecording()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);

        var recorded = await Intake(db).RecordAsync(ByPhone([], YesterdayAfternoon));

        recorded.ReceivedAt.ShouldBe(YesterdayAfternoon);
        recorded.DecisionDueAt.ShouldBe(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero));
        recorded.FeedbackDueAt.ShouldBe(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == recorded.Id);
        contact.Method.ShouldBe(ContactMethod.Phone);
        contact.ReceivedAt.ShouldBe(YesterdayAfternoon);
        var items = await db.WorkItems.AsNoTracking().Where(w => w.SubjectId == recorded.Id).ToListAsync();
        items.ShouldAllBe(w => w.OpenedAt == YesterdayAfternoon);
        items.Single(w => w.Kind == WorkKind.ScreeningDecision).DueAt.ShouldBe(recorded.DecisionDueAt);
        items.Single(w => w.Kind == WorkKind.ReferrerFeedback).DueAt.ShouldBe(recorded.FeedbackDueAt);
    }

    [Fact]
    public async Task UrgentContactReceivedYesterdayAfternoon_WasDueAtFiveYesterday_SoIsAlreadyLateWhenRecorded()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);

        var recorded = await Intake(db).RecordAsync(ByPhone(["neglect"], YesterdayAfternoon));

        recorded.Priority.ShouldBe(Priority.Urgent);
        recorded.DecisionDueAt.ShouldBe(new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero));
        recorded.DecisionDueAt.ShouldBeLessThan(_time.GetUtcNow());
    }

    [Fact]
    public async Task ChildProtectionContactReceivedThisMorning_IsDueByFiveToday()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);

        var recorded = await Intake(db).RecordAsync(ByPhone(["physical-abuse"], new DateTimeOffset(2026, 12, 3, 9, 14, 0, TimeSpan.Zero)));

        recorded.Priority.ShouldBe(Priority.ChildProtection);
        recorded.DecisionDueAt.ShouldBe(new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task TheUrgentEndOfDayIsTheClocksSetting()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);
        var intake = new ContactIntake(db, new ExactPersonLinker(), WorkingDayCalendar.Default(),
            clock: new ScreeningDecisionClock(WorkingDayCalendar.Default(), new TimeOnly(9, 30)));

        // Received now, Thursday 10:00: after a 09:30 end of day, so due by 09:30 on Friday.
        var recorded = await intake.RecordAsync(ByPhone(["neglect"], null));

        recorded.DecisionDueAt.ShouldBe(new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ContactWithoutAReceivedTime_IsReceivedNow_WithTheMethodItsDoorImplies()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);

        var recorded = await Intake(db).RecordAsync(TestData.Contact(TestData.Child()));

        recorded.ReceivedAt.ShouldBe(_time.GetUtcNow());
        (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == recorded.Id)).Method.ShouldBe(ContactMethod.PartnerApi);
    }

    [Fact]
    public async Task ContactReceivedInTheFuture_IsRefused_AndNothingIsWritten()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);

        await Should.ThrowAsync<ArgumentException>(() => Intake(db).RecordAsync(ByPhone([], _time.GetUtcNow().AddMinutes(5))));

        (await db.Contacts.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ManagerChangesPriority_TheOpenScreeningItemFollowsTheNewClockFromReceipt()
    {
        var receivedAt = new DateTimeOffset(2026, 12, 3, 9, 14, 0, TimeSpan.Zero);
        Guid contactId;
        await using (var db = _database.CreateContext(_time))
        {
            await TestData.CreateCouncilAsync(db);
            contactId = (await Intake(db).RecordAsync(ByPhone([], receivedAt))).Id;
        }
        var clock = new ScreeningDecisionClock(WorkingDayCalendar.Default());

        await using (var db = _database.CreateContext(_time))
        {
            await new ContactDetails(db, clock).ChangePriorityAsync(contactId, Priority.Urgent, "Mother has left the baby alone before");
        }
        await using (var db = _database.CreateContext(_time))
        {
            var fivePm = new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero);
            (await db.Contacts.SingleAsync(c => c.Id == contactId)).DecisionDueAt.ShouldBe(fivePm);
            var items = await db.WorkItems.Where(w => w.SubjectId == contactId).ToListAsync();
            items.Single(w => w.Kind == WorkKind.ScreeningDecision).DueAt.ShouldBe(fivePm);
            items.ShouldAllBe(w => w.Priority == Priority.Urgent);
            items.Single(w => w.Kind == WorkKind.ReferrerFeedback).DueAt.ShouldBe(receivedAt + TimeLimits.ReferrerFeedback);
        }

        await using (var db = _database.CreateContext(_time))
        {
            await new ContactDetails(db, clock).ChangePriorityAsync(contactId, Priority.Standard, "Checked: the baby was with her grandmother");
        }
        await using (var check = _database.CreateContext(_time))
        {
            var standard = new DateTimeOffset(2026, 12, 4, 9, 14, 0, TimeSpan.Zero);
            (await check.WorkItems.SingleAsync(w => w.SubjectId == contactId && w.Kind == WorkKind.ScreeningDecision)).DueAt.ShouldBe(standard);
        }
    }
}
