using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

public sealed class ScreeningDecisionTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(Safeguard.Core.Data.SafeguardDbContext Db, RecordedContact Contact, (Workforce.Team FrontDoor, Workforce.Team Assessment, Workforce.Team ChildProtection, Workforce.Organisation Police) Council)> ContactAsync(
        IReadOnlyList<string> categories, string? email = "referrer@police.example")
    {
        var db = _database.CreateContext(_time);
        var council = await TestData.CreateCouncilAsync(db);
        var intake = TestData.Intake(db);
        var contact = await intake.RecordAsync(TestData.Contact([TestData.Child()], categories, organisationId: council.Police.Id, email: email));
        return (db, contact, council);
    }

    private ScreeningDecisions Decisions(Safeguard.Core.Data.SafeguardDbContext db) => new(db, WorkingDayCalendar.Default());

    [Fact]
    public async Task Referral_OpensTheChildsCase_AndPutsAwaitingAllocationOnTheAssessmentTray()
    {
        var (db, contact, council) = await ContactAsync(["neglect"]);
        await using var _ = db;

        var result = await Decisions(db).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.ReferralToSocialCare, "Neglect needs assessment", null), Worker, false);

        result.Result.ShouldBe(DecisionResult.Decided);
        var referral = await db.Referrals.SingleAsync();
        referral.PersonId.ShouldBe(contact.Children.Single().PersonId);
        referral.SourceCode.ShouldBe("6");
        referral.Status.ShouldBe(ReferralStatus.AwaitingAllocation);
        var allocation = await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.Allocation);
        allocation.OwnerTeamId.ShouldBe(council.Assessment.Id);
        allocation.DueAt.ShouldBe(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero));
        (await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.ScreeningDecision)).ClosedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Decision_QueuesFeedbackForTheReferrerInTheOutbox()
    {
        var (db, contact, _) = await ContactAsync(["neglect"]);
        await using var _db = db;

        await Decisions(db).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.EarlyHelp, "Family agree to support", "We have offered the family early help."), Worker, false);

        var message = await db.FeedbackMessages.SingleAsync();
        message.ToEmail.ShouldBe("referrer@police.example");
        message.Body.ShouldContain("Outcome: early help.");
        message.Body.ShouldContain("We have offered the family early help.");
        message.Status.ShouldBe(FeedbackStatus.Pending);
    }

    [Fact]
    public async Task NoFurtherAction_OnAChildProtectionConcern_WaitsForAManager()
    {
        var (db, contact, _) = await ContactAsync(["physical-abuse"]);
        await using var _db = db;

        var result = await Decisions(db).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.NoFurtherAction, "Accidental injury explained", null), Worker, false);

        result.Result.ShouldBe(DecisionResult.AwaitingManagerConfirmation);
        (await db.FeedbackMessages.CountAsync()).ShouldBe(0);
        (await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.ManagerConfirmation && w.ClosedAt == null)).SubjectId.ShouldBe(contact.Id);

        await Decisions(db).ConfirmAsync(contact.Id, Manager);

        var decided = await db.Contacts.SingleAsync(c => c.Id == contact.Id);
        decided.Status.ShouldBe(ContactStatus.Decided);
        decided.ConfirmedByUserId.ShouldBe(Manager);
        (await db.FeedbackMessages.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task NoFurtherAction_ReturnedByTheManager_GoesBackOnTheTrayToDecideAgain()
    {
        var (db, contact, _) = await ContactAsync(["sexual-abuse"]);
        await using var _db = db;
        await Decisions(db).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.NoFurtherAction, "Unfounded", null), Worker, false);

        await Decisions(db).ReturnAsync(contact.Id, "Speak to the school first");

        (await db.Contacts.SingleAsync(c => c.Id == contact.Id)).Status.ShouldBe(ContactStatus.AwaitingDecision);
        (await db.WorkItems.CountAsync(w => w.Kind == WorkKind.ScreeningDecision && w.ClosedAt == null)).ShouldBe(1);
    }

    [Fact]
    public async Task Decision_WithoutReasons_IsRefused()
    {
        var (db, contact, _) = await ContactAsync([]);
        await using var _db = db;

        await Should.ThrowAsync<ArgumentException>(() =>
            Decisions(db).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.EarlyHelp, "  ", null), Worker, false));
    }

    [Theory]
    [InlineData(true, false, "neglect", Priority.ChildProtection)]
    [InlineData(false, false, "sexual-abuse", Priority.ChildProtection)]
    [InlineData(false, true, "other", Priority.Urgent)]
    [InlineData(false, false, "domestic-abuse", Priority.Urgent)]
    [InlineData(false, false, "other", Priority.Standard)]
    public void PriorityRule_PutsSafeguardingFirst(bool immediateRisk, bool injury, string category, Priority expected)
    {
        var (priority, reason) = ContactPriorityRule.Assess([category], immediateRisk, injury, [new DateOnly(2015, 1, 1)], new DateOnly(2026, 3, 4));

        priority.ShouldBe(expected);
        reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void PriorityRule_InjuryToABabyUnderOne_IsChildProtection()
    {
        var (priority, _) = ContactPriorityRule.Assess(["other"], false, true, [new DateOnly(2025, 11, 1)], new DateOnly(2026, 3, 4));

        priority.ShouldBe(Priority.ChildProtection);
    }
}
