using System.Net;
using System.Net.Mail;
using System.Text;

namespace Safeguard.Core.Notifications;

/// <summary>
/// Sends through an SMTP server with <see cref="SmtpClient"/> (or into a pickup directory). Connects only when
/// sending, so a server that is down never stops the app from starting: the send fails and the outbox retries.
/// </summary>
public sealed class SmtpNotifier(SmtpNotificationOptions options) : INotifier
{
    public string Name => options.PickupDirectory is { Length: > 0 } ? "smtp-pickup" : "smtp";

    public async Task SendAsync(EmailNotification message, CancellationToken ct = default)
    {
        using var mail = new MailMessage
        {
            From = new MailAddress(options.From, options.FromName),
            Subject = message.Subject,
            Body = message.Body,
            IsBodyHtml = false,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.To));
        if (message.Reference is { Length: > 0 } reference) mail.Headers.Add("X-Safeguard-Reference", reference);

        using var client = new SmtpClient
        {
            Timeout = Math.Max(1, options.TimeoutSeconds) * 1000,
        };
        if (options.PickupDirectory is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = Path.GetFullPath(folder);
        }
        else
        {
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            client.Host = options.Host;
            client.Port = options.Port;
            client.EnableSsl = options.EnableSsl;
            if (options.UserName is { Length: > 0 } user)
            {
                client.Credentials = new NetworkCredential(user, options.Password);
            }
        }
        await client.SendMailAsync(mail, ct);
    }
}
