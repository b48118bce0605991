using Notify.Client;

namespace Safeguard.Core.Notifications;

/// <summary>
/// Sends through GOV.UK Notify (package GovukNotify) with one email template whose subject is <c>((subject))</c> and
/// whose body is <c>((body))</c>. Our outbox id goes as Notify's client reference, so a resend can be traced.
/// </summary>
public sealed class GovUkNotifyNotifier : INotifier
{
    private readonly NotificationClient _client;
    private readonly NotifyNotificationOptions _options;

    public GovUkNotifyNotifier(NotifyNotificationOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
            throw new InvalidOperationException("Notifications:Notify:ApiKey is required when Notifications:Provider is Notify.");
        if (string.IsNullOrWhiteSpace(options.TemplateId))
            throw new InvalidOperationException("Notifications:Notify:TemplateId is required when Notifications:Provider is Notify.");
        _options = options;
        _client = string.IsNullOrWhiteSpace(options.BaseUrl)
            ? new NotificationClient(options.ApiKey)
            : new NotificationClient(options.BaseUrl, options.ApiKey);
    }

    public string Name => "govuk-notify";

    public async Task SendAsync(EmailNotification message, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var personalisation = new Dictionary<string, dynamic>
        {
            ["subject"] = message.Subject,
            ["body"] = message.Body,
        };
        await _client.SendEmailAsync(message.To, _options.TemplateId, personalisation, message.Reference,
            string.IsNullOrWhiteSpace(_options.ReplyToId) ? null : _options.ReplyToId);
    }
}
