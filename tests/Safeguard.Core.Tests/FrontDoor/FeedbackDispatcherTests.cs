using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Notifications;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>The outbox dispatcher sending to a real SMTP server on loopback.</summary>
public sealed class FeedbackDispatcherTests : MailTestBase
{
    private FeedbackDispatcher Dispatcher(SafeguardDbContext db) => new(db, new SmtpNotifier(Options.Smtp), Options);

    /// <summary>A contact decided as early help, its feedback waiting in the outbox.</summary>
    private async Task<RecordedContact> DecidedContactAsync()
    {
        await using var db = Db();
        var council = await TestData.CreateCouncilAsync(db);
        var contact = await TestData.Intake(db)
            .RecordAsync(TestData.Contact([TestData.Child()], ["neglect"], organisationId: council.Police.Id));
        await new ScreeningDecisions(db, WorkingDayCalendar.Default()).DecideAsync(
            new DecisionInput(contact.Id, ScreeningOutcome.EarlyHelp, "Family agree to support", "We have offered the family early help."),
            Guid.NewGuid(), false);
        return contact;
    }

    [Fact]
    public async Task DecidedContact_FeedbackIsDeliveredWithOutcomeAndReasons_AndTheFeedbackWorkCloses()
    {
        var contact = await DecidedContactAsync();
        Time.Advance(TimeSpan.FromMinutes(1));

        await using var db = Db();
        var result = await Dispatcher(db).DispatchDueAsync();

        result.Sent.ShouldBe(1);
        var mail = Smtp.Received.ShouldHaveSingleItem();
        mail.To.ShouldBe(["referrer@police.example"]);
        mail.From.ShouldBe("frontdoor@council.example");
        mail.Subject.ShouldContain(contact.Reference);
        mail.Body.ShouldContain("Outcome: early help.");
        mail.Body.ShouldContain("We have offered the family early help.");

        await using var check = Db();
        var message = await check.FeedbackMessages.SingleAsync();
        message.Status.ShouldBe(FeedbackStatus.Sent);
        message.Attempts.ShouldBe(1);
        message.SentAt.ShouldBe(Time.GetUtcNow());
        (await check.Contacts.SingleAsync(c => c.Id == contact.Id)).FeedbackSentAt.ShouldBe(Time.GetUtcNow());
        (await check.WorkItems.SingleAsync(w => w.Kind == WorkKind.ReferrerFeedback && w.SubjectId == contact.Id)).ClosedAt.ShouldBe(Time.GetUtcNow());
        var sent = await check.Events.SingleAsync(e => e.Type == FeedbackSent.Name);
        sent.PersonId.ShouldBe(contact.Children.Single().PersonId);
        sent.SubjectId.ShouldBe(contact.Id);
    }

    [Fact]
    public async Task MailServerDown_MessageStaysPending_WithBackOff_AndIsDeliveredWhenTheServerIsBack()
    {
        var contact = await DecidedContactAsync();
        await Smtp.StopAsync();

        await using (var db = Db())
        {
            (await Dispatcher(db).DispatchDueAsync()).Failed.ShouldBe(1);
        }
        await using (var check = Db())
        {
            var message = await check.FeedbackMessages.SingleAsync();
            message.Status.ShouldBe(FeedbackStatus.Pending);
            message.Attempts.ShouldBe(1);
            message.LastError.ShouldNotBeNullOrWhiteSpace();
            message.NextAttemptAt.ShouldBe(Time.GetUtcNow() + TimeSpan.FromMinutes(1));
            (await check.Contacts.SingleAsync(c => c.Id == contact.Id)).FeedbackSentAt.ShouldBeNull();
            (await check.WorkItems.SingleAsync(w => w.Kind == WorkKind.ReferrerFeedback)).ClosedAt.ShouldBeNull();
            (await check.Events.CountAsync(e => e.Type == FeedbackFailed.Name)).ShouldBe(1);
        }

        // Not due yet: nothing is tried.
        await using (var db = Db())
        {
            (await Dispatcher(db).DispatchDueAsync()).ShouldBe(new DispatchResult(0, 0, 0));
        }

        // Second failure backs off further and writes no second event.
        Time.Advance(TimeSpan.FromMinutes(1));
        await using (var db = Db())
        {
            (await Dispatcher(db).DispatchDueAsync()).Failed.ShouldBe(1);
        }
        await using (var check = Db())
        {
            var message = await check.FeedbackMessages.SingleAsync();
            message.Attempts.ShouldBe(2);
            message.NextAttemptAt.ShouldBe(Time.GetUtcNow() + TimeSpan.FromMinutes(2));
            (await check.Events.CountAsync(e => e.Type == FeedbackFailed.Name)).ShouldBe(1);
        }

        Smtp.Restart();
        Time.Advance(TimeSpan.FromMinutes(2));
        await using (var db = Db())
        {
            (await Dispatcher(db).DispatchDueAsync()).Sent.ShouldBe(1);
        }
        Smtp.Received.ShouldHaveSingleItem().Body.ShouldContain("Outcome: early help.");
        await using (var check = Db())
        {
            var message = await check.FeedbackMessages.SingleAsync();
            message.Status.ShouldBe(FeedbackStatus.Sent);
            message.Attempts.ShouldBe(3);
            (await check.Contacts.SingleAsync(c => c.Id == contact.Id)).FeedbackSentAt.ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task MailServerRefuses_With451_MessageIsRetriedLater()
    {
        await DecidedContactAsync();
        Smtp.RejectWith = "451 4.3.0 Mailbox temporarily unavailable";

        await using (var db = Db())
        {
            (await Dispatcher(db).DispatchDueAsync()).Failed.ShouldBe(1);
        }
        await using (var check = Db())
        {
            var message = await check.FeedbackMessages.SingleAsync();
            message.Status.ShouldBe(FeedbackStatus.Pending);
            message.LastError.ShouldNotBeNull();
        }
        Smtp.Received.ShouldBeEmpty();

        Smtp.RejectWith = null;
        Time.Advance(TimeSpan.FromMinutes(1));
        await using (var db = Db())
        {
            (await Dispatcher(db).DispatchDueAsync()).Sent.ShouldBe(1);
        }
        Smtp.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TwoInstances_DispatchingAtOnce_SendEachMessageOnce()
    {
        for (var i = 0; i < 4; i++) await DecidedContactAsync();

        await using var first = Db();
        await using var second = Db();
        var results = await Task.WhenAll(Dispatcher(first).DispatchDueAsync(), Dispatcher(second).DispatchDueAsync());

        results.Sum(r => r.Sent).ShouldBe(4);
        Smtp.Received.Count.ShouldBe(4);
        await using var check = Db();
        (await check.FeedbackMessages.CountAsync(m => m.Status == FeedbackStatus.Sent)).ShouldBe(4);
        (await check.Events.CountAsync(e => e.Type == FeedbackSent.Name)).ShouldBe(4);
    }

    [Fact]
    public async Task ClaimedMessage_IsNotTakenByAnotherInstance_UntilItsLeaseRunsOut()
    {
        await DecidedContactAsync();
        var blocking = new BlockingNotifier();
        await using var first = Db();
        var running = new FeedbackDispatcher(first, blocking, Options).DispatchDueAsync();
        await blocking.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await using (var second = Db())
        {
            (await Dispatcher(second).DispatchDueAsync()).ShouldBe(new DispatchResult(0, 0, 0));
        }
        blocking.Release.SetResult();
        (await running).Sent.ShouldBe(1);
        Smtp.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task ProcessDiesAfterTheServerTookTheMessage_ItIsSentAgainAfterTheLease_UnderTheSameMessageId_AndRecordedOnce()
    {
        var contact = await DecidedContactAsync();
        using var dies = new CancellationTokenSource();
        await using (var first = Db())
        {
            // The server accepts the message, then the process "dies" before the outbox marks it sent.
            var dying = new SendsThenDies(new SmtpNotifier(Options.Smtp), dies);
            await Should.ThrowAsync<OperationCanceledException>(() => new FeedbackDispatcher(first, dying, Options).DispatchDueAsync(dies.Token));
        }
        await using (var early = Db())
        {
            (await Dispatcher(early).DispatchDueAsync()).Sent.ShouldBe(0, "claimed: not sent again before the lease runs out");
        }
        Time.Advance(Options.Lease + TimeSpan.FromSeconds(1));
        await using (var db = Db())
        {
            (await Dispatcher(db).DispatchDueAsync()).Sent.ShouldBe(1);
        }

        Smtp.Received.Count.ShouldBe(2, "at least once on the wire: the server took it twice");
        var ids = Smtp.Received.Select(m => m.Headers["Message-ID"]).Distinct().ToList();
        await using var check = Db();
        var message = await check.FeedbackMessages.SingleAsync(m => m.ContactId == contact.Id);
        ids.ShouldBe([SmtpNotifier.MessageId(message.Id.ToString(), Options.Smtp.From)], "one Message-ID: the receiver keeps one copy");
        message.Status.ShouldBe(FeedbackStatus.Sent);
        (await check.Events.CountAsync(e => e.Type == FeedbackSent.Name)).ShouldBe(1);
    }

    private sealed class SendsThenDies(INotifier inner, CancellationTokenSource dies) : INotifier
    {
        public string Name => inner.Name;

        public async Task SendAsync(EmailNotification message, CancellationToken ct = default)
        {
            await inner.SendAsync(message, CancellationToken.None);
            await dies.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }
    }

    private sealed class BlockingNotifier : INotifier
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Name => "blocking";

        public async Task SendAsync(EmailNotification message, CancellationToken ct = default)
        {
            Entered.TrySetResult();
            await Release.Task;
        }
    }
}
