using System.Text;
using QRCoder;

namespace Safeguard.Web.Pages.TwoFactor;

/// <summary>The shared key shown at set-up: as a QR code of its otpauth address, and as text in groups of four.</summary>
public static class AuthenticatorKey
{
    public const string Issuer = "Safeguard";

    /// <summary>The key in groups of 4 for people who type it into their app rather than scan it.</summary>
    public static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) grouped.Append(' ');
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return grouped.ToString().ToUpperInvariant();
    }

    /// <summary>The Key URI Format authenticator apps read (issuer, account, secret; 6 digits every 30 seconds).</summary>
    public static string OtpAuthUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>A PNG data URI of the QR code (the pages' security policy allows data: images; no script needed).</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
