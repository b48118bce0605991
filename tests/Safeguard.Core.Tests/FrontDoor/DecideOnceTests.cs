using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>
/// A contact is decided once, and the confirmation clock is the screening's own: against a real database, with two
/// contexts standing in for two people (the concurrent HTTP tests are in Safeguard.Web.Tests, DecideOnceTests).
/// </summary>
public sealed class DecideOnceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private static readonly Guid Worker = Guid.NewGuid();
    private static readonly Guid OtherWorker = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private SafeguardDbContext Context(Guid? actor = null) =>
        _database.CreateContext(_time, actor is { } id ? new Actor(id, "Test person") : null);

    private static ScreeningDecisions Decisions(SafeguardDbContext db) => new(db, WorkingDayCalendar.Default());

    private async Task<RecordedContact> ContactAsync(params string[] categories)
    {
        await using var db = Context();
        var council = await TestData.CreateCouncilAsync(db);
        db.Users.AddRange(
            new StaffUser { Id = Worker, UserName = $"w{Worker:N}", DisplayName = "Tom Evans" },
            new StaffUser { Id = OtherWorker, UserName = $"o{OtherWorker:N}", DisplayName = "Priya Shah" },
            new StaffUser { Id = Manager, UserName = $"m{Manager:N}", DisplayName = "Jo Bennett" });
        await db.SaveChangesAsync();
        return await TestData.Intake(db).RecordAsync(TestData.Contact([TestData.Child()], categories, organisationId: council.Police.Id));
    }

    [Fact]
    public async Task Decide_WhenSomeoneElseDecidedSinceItWasRead_SavesNothingOfTheLoser_AndSaysWhoDecidedWhat()
    {
        var contact = await ContactAsync("neglect");
        await using var loser = Context(OtherWorker);
        // The loser has read the contact (as it was) before the winner's decision is committed.
        await loser.Contacts.Include(c => c.Children).SingleAsync(c => c.Id == contact.Id);
        await using (var winner = Context(Worker))
        {
            (await Decisions(winner).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.ReferralToSocialCare, "Needs assessment", null), Worker, false))
                .Result.ShouldBe(DecisionResult.Decided);
        }

        var attempt = await Decisions(loser).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.EarlyHelp, "Family agree", null), OtherWorker, false);

        attempt.Result.ShouldBe(DecisionResult.ChangedElsewhere);
        attempt.Conflict.ShouldNotBeNull();
        attempt.Conflict.Status.ShouldBe(ContactStatus.Decided);
        attempt.Conflict.Outcome.ShouldBe(ScreeningOutcome.ReferralToSocialCare);
        attempt.Conflict.DecidedBy.ShouldBe("Tom Evans");
        await using var check = Context();
        (await check.Referrals.CountAsync(r => r.ContactId == contact.Id)).ShouldBe(1);
        (await check.FeedbackMessages.CountAsync(m => m.ContactId == contact.Id)).ShouldBe(1);
        (await check.Events.CountAsync(e => e.Type == ContactDecided.Name && e.SubjectId == contact.Id)).ShouldBe(1);
        (await check.Contacts.SingleAsync(c => c.Id == contact.Id)).DecidedByUserId.ShouldBe(Worker);
        // The loser's context is left clean: a later save writes nothing of the lost decision.
        loser.ChangeTracker.HasChanges().ShouldBeFalse();
    }

    [Fact]
    public async Task Decide_WithTheVersionBeforeAPriorityChange_IsNotSaved_AndTheVersionNowIsGiven()
    {
        var contact = await ContactAsync("neglect");
        await using var db = Context(Worker);
        var seen = (await Decisions(db).StateAsync(contact.Id))!.Version;
        (await new ContactDetails(db, new ScreeningDecisionClock(WorkingDayCalendar.Default())).ChangePriorityAsync(contact.Id, Priority.Urgent, "Younger sibling at home", seen)).ShouldBeNull();

        var attempt = await Decisions(db).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.EarlyHelp, "Family agree", null, seen), Worker, false);

        attempt.Result.ShouldBe(DecisionResult.ChangedElsewhere);
        attempt.Conflict!.Status.ShouldBe(ContactStatus.AwaitingDecision);
        attempt.Conflict.Priority.ShouldBe(Priority.Urgent);
        attempt.Conflict.Version.ShouldBeGreaterThan(seen);
        (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id)).Outcome.ShouldBeNull();

        (await Decisions(db).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.EarlyHelp, "Family agree", null, attempt.Conflict.Version),
            Worker, false)).Result.ShouldBe(DecisionResult.Decided);
    }

    [Fact]
    public async Task TheLongestReasonsTheFormsAllow_AreSavedWhole_InTheContactAndItsEvents()
    {
        var contact = await ContactAsync("neglect");
        var priorityReason = new string('p', Contact.ManagerPriorityReasonMaxLength);
        var reasons = new string('r', Contact.DecisionReasonsMaxLength);
        await using (var db = Context(Manager))
        {
            (await new ContactDetails(db, new ScreeningDecisionClock(WorkingDayCalendar.Default()))
                .ChangePriorityAsync(contact.Id, Priority.Urgent, priorityReason)).ShouldBeNull();
            (await Decisions(db).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.ReferralToSocialCare, reasons, null), Manager, true))
                .Result.ShouldBe(DecisionResult.Decided);
        }

        await using var check = Context();
        var saved = await check.Contacts.SingleAsync(c => c.Id == contact.Id);
        saved.PriorityReason!.ShouldEndWith(priorityReason);
        saved.DecisionReasons.ShouldBe(reasons);
        (await check.Events.Where(e => e.Type == ContactDecided.Name && e.SubjectId == contact.Id).Select(e => e.Reason).FirstAsync()).ShouldBe(reasons);
    }

    [Fact]
    public async Task ChangePriority_AfterTheContactWasDecided_IsNotSaved()
    {
        var contact = await ContactAsync("neglect");
        await using var db = Context(Worker);
        await Decisions(db).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.EarlyHelp, "Family agree", null), Worker, false);

        var conflict = await new ContactDetails(db, new ScreeningDecisionClock(WorkingDayCalendar.Default())).ChangePriorityAsync(contact.Id, Priority.ChildProtection, "New information");

        conflict.ShouldNotBeNull();
        conflict.Outcome.ShouldBe(ScreeningOutcome.EarlyHelp);
        (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id)).Priority.ShouldNotBe(Priority.ChildProtection);
        (await db.Events.CountAsync(e => e.Type == ContactPriorityChanged.Name)).ShouldBe(0);
    }

    [Fact]
    public async Task Confirm_WhenAnotherManagerReturnedItFirst_IsNotSaved()
    {
        var contact = await ContactAsync("physical-abuse");
        await using (var worker = Context(Worker))
        {
            await Decisions(worker).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.NoFurtherAction, "Explained", null), Worker, false);
        }
        await using var confirming = Context(Manager);
        await confirming.Contacts.Include(c => c.Children).SingleAsync(c => c.Id == contact.Id);
        await using (var returning = Context(OtherWorker))
        {
            (await Decisions(returning).ReturnAsync(contact.Id, "Speak to the school first")).ShouldBeNull();
        }

        var conflict = await Decisions(confirming).ConfirmAsync(contact.Id, Manager);

        conflict.ShouldNotBeNull();
        conflict.Status.ShouldBe(ContactStatus.AwaitingDecision);
        conflict.ReturnedBy.ShouldBe("Priya Shah");
        await using var check = Context();
        (await check.FeedbackMessages.CountAsync(m => m.ContactId == contact.Id)).ShouldBe(0);
        (await check.Contacts.SingleAsync(c => c.Id == contact.Id)).ConfirmedByUserId.ShouldBeNull();
    }

    [Fact]
    public async Task ManagerConfirmation_IsDueWhenTheScreeningWasDue_SoALateScreeningStaysLate()
    {
        var contact = await ContactAsync("physical-abuse");
        _time.SetUtcNow(contact.DecisionDueAt.AddHours(3));
        await using var db = Context(Worker);

        await Decisions(db).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.NoFurtherAction, "Explained", null), Worker, false);

        var confirmation = await db.WorkItems.SingleAsync(w => w.SubjectId == contact.Id && w.Kind == WorkKind.ManagerConfirmation && w.ClosedAt == null);
        confirmation.DueAt.ShouldBe(contact.DecisionDueAt);
        (confirmation.DueAt < _time.GetUtcNow()).ShouldBeTrue("the confirmation of a late screening is late too");
    }

    [Fact]
    public async Task Return_KeepsTheProposalAndTheReasonForTheWorker_AndDecidingAgainKeepsTheOriginalClock()
    {
        var contact = await ContactAsync("sexual-abuse");
        await using (var worker = Context(Worker))
        {
            await Decisions(worker).DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.NoFurtherAction, "Unfounded\nChild seen", null), Worker, false);
        }
        _time.Advance(TimeSpan.FromHours(2));
        await using var manager = Context(Manager);

        (await Decisions(manager).ReturnAsync(contact.Id, "Speak to the school first")).ShouldBeNull();

        var state = (await Decisions(manager).StateAsync(contact.Id))!;
        state.Returned.ShouldNotBeNull();
        state.Returned.Reason.ShouldBe("Speak to the school first");
        state.Returned.ReturnedBy.ShouldBe("Jo Bennett");
        state.Returned.ReturnedAt.ShouldBe(_time.GetUtcNow());
        state.Returned.Outcome.ShouldBe(ScreeningOutcome.NoFurtherAction);
        state.Returned.Reasons.ShouldBe("Unfounded\nChild seen");
        state.Returned.ProposedBy.ShouldBe("Tom Evans");
        var again = await manager.WorkItems.SingleAsync(w => w.SubjectId == contact.Id && w.Kind == WorkKind.ScreeningDecision && w.ClosedAt == null);
        again.DueAt.ShouldBe(contact.DecisionDueAt);
        (await new FrontDoorTray(manager).ListAsync()).Lines.Single(l => l.ContactId == contact.Id).Returned.ShouldBeTrue();
    }

    [Fact]
    public async Task RecordOnce_TheSameFormKeyTwice_RecordsOneContact_AndGivesTheFirstToTheSecond()
    {
        await using (var setup = Context()) await TestData.CreateCouncilAsync(setup);
        var key = Guid.NewGuid();
        var form = TestData.Contact(TestData.Child()) with { SubmissionKey = key };

        await using var first = Context();
        var recorded = await TestData.Intake(first).RecordOnceAsync(form);
        await using var second = Context();
        var again = await TestData.Intake(second).RecordOnceAsync(form);

        recorded.AlreadyRecorded.ShouldBeFalse();
        again.AlreadyRecorded.ShouldBeTrue();
        again.Id.ShouldBe(recorded.Id);
        (await second.Contacts.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task RecordOnce_TwoPostsOfOneFormAtTheSameMoment_RecordOneContact()
    {
        await using (var setup = Context()) await TestData.CreateCouncilAsync(setup);
        for (var round = 0; round < 5; round++)
        {
            var form = TestData.Contact(TestData.Child()) with { SubmissionKey = Guid.NewGuid() };
            await using var a = Context();
            await using var b = Context();
            using var start = new Barrier(2);
            var results = await Task.WhenAll(
                Task.Run(async () => { start.SignalAndWait(); return await TestData.Intake(a).RecordOnceAsync(form); }),
                Task.Run(async () => { start.SignalAndWait(); return await TestData.Intake(b).RecordOnceAsync(form); }));

            results.Select(r => r.Id).Distinct().Count().ShouldBe(1);
            results.Count(r => !r.AlreadyRecorded).ShouldBe(1);
            await using var check = Context();
            (await check.Contacts.CountAsync(c => c.SubmissionKey == form.SubmissionKey)).ShouldBe(1);
        }
    }
}
