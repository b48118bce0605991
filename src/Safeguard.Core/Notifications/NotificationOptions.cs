namespace Safeguard.Core.Notifications;

public enum NotificationProvider { Smtp, Notify }

/// <summary>
/// Configuration section <c>Notifications</c>. The defaults suit development and the demo: SMTP to localhost:2525,
/// where nothing need listen (messages then wait in the outbox and are retried).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary><c>Notifications:Provider</c>: Smtp (default) or Notify.</summary>
    public NotificationProvider Provider { get; set; } = NotificationProvider.Smtp;

    public SmtpNotificationOptions Smtp { get; set; } = new();

    public NotifyNotificationOptions Notify { get; set; } = new();

    /// <summary><c>Notifications:BackgroundEnabled</c>: run the dispatcher and the overdue sweep in the web host.</summary>
    public bool BackgroundEnabled { get; set; } = true;

    /// <summary><c>Notifications:DispatchIntervalSeconds</c>: how often the outbox is read.</summary>
    public int DispatchIntervalSeconds { get; set; } = 15;

    /// <summary><c>Notifications:SweepIntervalSeconds</c>: how often overdue work is looked for.</summary>
    public int SweepIntervalSeconds { get; set; } = 60;

    /// <summary><c>Notifications:BatchSize</c>: messages claimed per dispatch run.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// <c>Notifications:LeaseSeconds</c>: how long a claimed message is hidden from other instances while it is sent.
    /// If an instance dies mid-send, the message becomes due again after this.
    /// </summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary><c>Notifications:UndeliveredAlertAttempts</c>: failed attempts before a manager is alerted.</summary>
    public int UndeliveredAlertAttempts { get; set; } = 3;

    /// <summary><c>Notifications:EmailAlertsToManagers</c>: email each new alert to the team managers of its team.</summary>
    public bool EmailAlertsToManagers { get; set; } = true;

    public TimeSpan DispatchInterval => TimeSpan.FromSeconds(Math.Max(1, DispatchIntervalSeconds));
    public TimeSpan SweepInterval => TimeSpan.FromSeconds(Math.Max(1, SweepIntervalSeconds));
    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(10, LeaseSeconds));
}

/// <summary>Configuration section <c>Notifications:Smtp</c>.</summary>
public sealed class SmtpNotificationOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 2525;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "safeguard@localhost";
    public string? FromName { get; set; } = "Safeguard";

    /// <summary>When set, messages are written as .eml files to this folder instead of being sent (no server needed).</summary>
    public string? PickupDirectory { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Configuration section <c>Notifications:Notify</c> (GOV.UK Notify).</summary>
public sealed class NotifyNotificationOptions
{
    public string? ApiKey { get; set; }

    /// <summary>An email template whose subject is <c>((subject))</c> and whose body is <c>((body))</c>.</summary>
    public string? TemplateId { get; set; }

    /// <summary>Optional reply-to address id set up in Notify.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>Optional base URL (only for Notify's test environments).</summary>
    public string? BaseUrl { get; set; }
}
