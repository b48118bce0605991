using Microsoft.EntityFrameworkCore;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

public sealed class ContactIntakeTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    // Friday 6 March 2026, 15:30 London (GMT).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 6, 15, 30, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ContactIntake Intake(Safeguard.Core.Data.SafeguardDbContext db) => new(db, new ExactPersonLinker(), WorkingDayCalendar.Default());

    [Fact]
    public async Task Record_OnFridayAfternoon_IsDueMondayAndFeedbackDueSunday_OnTheFrontDoorTray()
    {
        await using var db = _database.CreateContext(_time);
        var council = await TestData.CreateCouncilAsync(db);

        var recorded = await Intake(db).RecordAsync(TestData.Contact(TestData.Child()));

        recorded.DecisionDueAt.ShouldBe(new DateTimeOffset(2026, 3, 9, 15, 30, 0, TimeSpan.Zero));
        recorded.FeedbackDueAt.ShouldBe(new DateTimeOffset(2026, 3, 8, 15, 30, 0, TimeSpan.Zero));
        var items = await db.WorkItems.Where(w => w.SubjectId == recorded.Id).ToListAsync();
        items.Select(i => i.Kind).OrderBy(k => k).ShouldBe([WorkKind.ScreeningDecision, WorkKind.ReferrerFeedback]);
        items.ShouldAllBe(i => i.OwnerTeamId == council.FrontDoor.Id && i.ClosedAt == null);
    }

    [Fact]
    public async Task Record_WithImmediateRisk_IsAChildProtectionPriorityWithItsReason()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);

        var recorded = await Intake(db).RecordAsync(TestData.Contact([TestData.Child()], ["neglect"], immediateRisk: true));

        recorded.Priority.ShouldBe(Priority.ChildProtection);
        (await db.Contacts.SingleAsync(c => c.Id == recorded.Id)).PriorityReason.ShouldBe("Immediate risk to a child was reported");
    }

    [Fact]
    public async Task Record_ChildWithAKnownNhsNumber_LinksToTheExistingPersonInsteadOfTypingThemAgain()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);
        var known = await TestData.PersonAsync(db, "Jack", "Reed", new DateOnly(2015, 1, 2), "9434765919");

        var recorded = await Intake(db).RecordAsync(TestData.Contact(TestData.Child("Jackie", "Reid", new DateOnly(2015, 1, 2), nhs: "943 476 5919")));

        recorded.Children.Single().PersonId.ShouldBe(known.Id);
        recorded.Children.Single().NewPerson.ShouldBeFalse();
        (await db.People.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Record_TwoChildren_WritesAContactReceivedEventInEachChildsChronology()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);

        var recorded = await Intake(db).RecordAsync(TestData.Contact(TestData.Child("Ava", "Hill"), TestData.Child("Leo", "Hill", new DateOnly(2020, 2, 2))));

        foreach (var child in recorded.Children)
        {
            (await db.Events.CountAsync(e => e.PersonId == child.PersonId && e.Type == ContactReceived.Name)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task EveryOpenWorkItem_HasAnOwnerAndADueTime()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);
        await Intake(db).RecordAsync(TestData.Contact(TestData.Child()));

        var unowned = await db.WorkItems.Where(w => w.ClosedAt == null && (w.OwnerTeamId == Guid.Empty || w.DueAt == default)).CountAsync();

        (await db.WorkItems.CountAsync(w => w.ClosedAt == null)).ShouldBeGreaterThan(0);
        unowned.ShouldBe(0);
    }

    [Fact]
    public async Task AReferenceAlreadyInUse_OrDrawnTwiceInOneBatch_IsDrawnAgain_SoNoContactFailsForIt()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);
        var first = await Intake(db).RecordAsync(TestData.Contact(TestData.Child("Ava", "Hill")));
        var intake = Intake(db);
        var draws = new Queue<string>([first.Reference, "C260306-AAAAAA", "C260306-AAAAAA", first.Reference, "C260306-BBBBBB"]);
        intake.ReferenceSource = _ => draws.Dequeue();

        var results = await intake.RecordBatchAsync([
            new IntakeRequest(TestData.Contact(TestData.Child("Leo", "Reed")), null, TestActors.Tester),
            new IntakeRequest(TestData.Contact(TestData.Child("Mia", "Ward")), null, TestActors.Tester)]);

        results.Select(r => r.Recorded!.Reference).Order().ShouldBe(["C260306-AAAAAA", "C260306-BBBBBB"]);
        draws.ShouldBeEmpty();
        (await db.Contacts.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task OneBatch_TwoOrganisationsUsingTheSameKey_AreEachJudgedOnTheirOwnKeys()
    {
        await using var db = _database.CreateContext(_time);
        var police = (await TestData.CreateCouncilAsync(db)).Police.Id;
        var school = new Safeguard.Core.Workforce.Organisation("Northbridge Primary", Safeguard.Core.Workforce.OrganisationKind.Education);
        db.Organisations.Add(school);
        await db.SaveChangesAsync();
        var intake = Intake(db);
        var earlier = await intake.RecordAsync(TestData.Contact(TestData.Child("Ava", "Hill")), new IdempotencyClaim(police, "k1", "h1"));

        var results = await intake.RecordBatchAsync([
            new IntakeRequest(TestData.Contact(TestData.Child("Ava", "Hill")), new IdempotencyClaim(police, "k1", "h1"), TestActors.Tester),
            new IntakeRequest(TestData.Contact(TestData.Child("Leo", "Reed")), new IdempotencyClaim(school.Id, "k1", "h2"), TestActors.Tester),
            new IntakeRequest(TestData.Contact(TestData.Child("Mia", "Ward")), new IdempotencyClaim(police, "k2", "h3"), TestActors.Tester)]);

        results[0].Result.ShouldBe(IntakeResult.Replayed);
        results[0].ContactId.ShouldBe(earlier.ContactId);
        results[1].Result.ShouldBe(IntakeResult.Recorded);
        results[2].Result.ShouldBe(IntakeResult.Recorded);
        (await db.Contacts.CountAsync()).ShouldBe(3);
    }
}
