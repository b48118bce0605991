using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

public enum FeedbackStatus { Pending, Sent }

/// <summary>
/// Feedback to a referrer waiting in the durable outbox. Written in the same transaction as the decision, so it
/// cannot be lost; a dispatcher sends it and retries with back-off until it is delivered.
/// </summary>
public sealed class FeedbackMessage
{
    private FeedbackMessage() { }

    public FeedbackMessage(Guid contactId, string toEmail, string subject, string body, DateTimeOffset createdAt)
    {
        Id = NewId.Next();
        ContactId = contactId;
        ToEmail = toEmail;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = FeedbackStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    public string ToEmail { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public FeedbackStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public static readonly TimeSpan MaximumBackoff = TimeSpan.FromMinutes(30);

    public void MarkSent(DateTimeOffset at)
    {
        Attempts++;
        Status = FeedbackStatus.Sent;
        SentAt = at;
        LastError = null;
    }

    /// <summary>Never gives up: waits 1, 2, 4 ... minutes, at most 30, between attempts.</summary>
    public void MarkFailed(DateTimeOffset at, string error)
    {
        Attempts++;
        LastError = Text.Clip.ToLength(error, 1000);
        var wait = TimeSpan.FromMinutes(Math.Min(MaximumBackoff.TotalMinutes, Math.Pow(2, Math.Min(Attempts - 1, 10))));
        NextAttemptAt = at + wait;
    }
}
