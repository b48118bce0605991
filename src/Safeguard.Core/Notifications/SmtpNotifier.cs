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
        if (message.Reference is { Length: > 0 } reference)
        {
            mail.Headers.Add("X-Safeguard-Reference", reference);
            // The same Message-ID on every attempt: a message sent again (the process died after the server took it
            // but before the outbox marked it sent) is recognisably the same message, and mail systems drop the copy.
            mail.Headers.Add("Message-ID", MessageId(reference, options.From));
        }

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

    /// <summary>A stable RFC 5322 Message-ID for our own reference: &lt;reference@domain of the sender&gt;.</summary>
    public static string MessageId(string reference, string from)
    {
        var at = from.LastIndexOf('@');
        var domain = at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "safeguard.invalid";
        var local = new string(reference.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').ToArray());
        return $"<{(local.Length > 0 ? local : "message")}@{domain}>";
    }
}
