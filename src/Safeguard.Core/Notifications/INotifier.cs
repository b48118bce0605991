namespace Safeguard.Core.Notifications;

/// <summary>One email to one person: feedback to a referrer, or an alert to a manager.</summary>
/// <param name="Reference">Our own reference for the message (e.g. the outbox row id), passed to providers that keep one.</param>
public sealed record EmailNotification(string To, string Subject, string Body, string? Reference = null);

/// <summary>
/// Sends an email through the configured provider (SMTP or GOV.UK Notify). Throws when the provider does not
/// accept the message; callers that must not lose a message keep it in an outbox and retry.
/// </summary>
public interface INotifier
{
    /// <summary>The provider's name, for logs and events.</summary>
    string Name { get; }

    Task SendAsync(EmailNotification message, CancellationToken ct = default);
}
