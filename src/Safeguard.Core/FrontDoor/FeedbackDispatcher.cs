using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

public sealed record DispatchResult(int Sent, int Failed, int ClaimedElsewhere);

/// <summary>
/// Sends referrer feedback waiting in the outbox (<see cref="FeedbackMessage"/>). Delivery is at least once:
/// a message is claimed, sent, then marked in its own transaction; if the process dies between the send and the
/// mark, the message is sent again when its claim runs out.
/// </summary>
/// <remarks>
/// Claiming is an optimistic check on <see cref="FeedbackMessage.NextAttemptAt"/>: one conditional UPDATE moves a
/// due message's next attempt forward by the lease, and only the instance whose UPDATE changed the row sends it.
/// The result is written with <c>NextAttemptAt</c> as a concurrency token, so an instance whose lease ran out
/// and was re-claimed cannot also record the outcome.
/// </remarks>
public sealed class FeedbackDispatcher(SafeguardDbContext db, INotifier notifier, NotificationOptions options,
    ILogger<FeedbackDispatcher>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<FeedbackDispatcher>.Instance;

    public async Task<DispatchResult> DispatchDueAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var due = await db.FeedbackMessages.AsNoTracking()
            .Where(m => m.Status == FeedbackStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt)
            .Take(Math.Max(1, options.BatchSize))
            .Select(m => new { m.Id, m.NextAttemptAt })
            .ToListAsync(ct);

        int sent = 0, failed = 0, elsewhere = 0;
        foreach (var candidate in due)
        {
            ct.ThrowIfCancellationRequested();
            var lease = TruncateToMilliseconds(db.Time.GetUtcNow() + options.Lease);
            var claimed = await db.FeedbackMessages
                .Where(m => m.Id == candidate.Id && m.Status == FeedbackStatus.Pending && m.NextAttemptAt == candidate.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, lease), ct);
            if (claimed == 0)
            {
                elsewhere++;
                continue;
            }

            var message = await db.FeedbackMessages.AsNoTracking().SingleAsync(m => m.Id == candidate.Id, ct);
            string? error = null;
            try
            {
                await notifier.SendAsync(new EmailNotification(message.ToEmail, message.Subject, message.Body, message.Id.ToString()), ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                error = Describe(ex);
                _log.LogWarning(ex, "Feedback message {MessageId} for contact {ContactId} was not accepted by {Provider}",
                    message.Id, message.ContactId, notifier.Name);
            }

            var recorded = await RecordOutcomeAsync(message.Id, lease, error, ct);
            if (!recorded) elsewhere++;
            else if (error is null) sent++;
            else failed++;
        }
        return new DispatchResult(sent, failed, elsewhere);
    }

    /// <summary>Marks the message sent or failed, with the contact, the feedback work item and the events, in one transaction.</summary>
    private async Task<bool> RecordOutcomeAsync(Guid messageId, DateTimeOffset lease, string? error, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var message = await db.FeedbackMessages.SingleAsync(m => m.Id == messageId, ct);
            if (message.Status != FeedbackStatus.Pending || message.NextAttemptAt != lease)
            {
                _log.LogInformation("Feedback message {MessageId} was taken over by another instance", messageId);
                return false;
            }
            var contact = await db.Contacts.Include(c => c.Children).SingleAsync(c => c.Id == message.ContactId, ct);
            var at = db.Time.GetUtcNow();
            if (error is null)
            {
                message.MarkSent(at);
                contact.FeedbackSentAt ??= at;
                var work = new WorkItems(db);
                foreach (var item in await work.OpenAboutAsync(contact.Id, [WorkKind.ReferrerFeedback], ct)) work.Close(item, at);
                foreach (var child in contact.Children)
                {
                    db.Record(new FeedbackSent(contact.Id, contact.Reference, message.Id, message.ToEmail, notifier.Name),
                        child.PersonId, nameof(Contact), contact.Id);
                }
            }
            else
            {
                message.MarkFailed(at, error);
                if (message.Attempts == 1)
                {
                    foreach (var child in contact.Children)
                    {
                        db.Record(new FeedbackFailed(contact.Id, contact.Reference, message.Id, message.ToEmail),
                            child.PersonId, nameof(Contact), contact.Id, reason: message.LastError);
                    }
                }
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                _log.LogInformation("Feedback message {MessageId} was re-claimed while being recorded", messageId);
                db.ChangeTracker.Clear();
                return false;
            }
            await transaction.CommitAsync(ct);
            return true;
        });
    }

    private static string Describe(Exception ex)
    {
        var text = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException) text += " -> " + inner.Message;
        return text;
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
