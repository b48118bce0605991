using System.Security.Cryptography;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>The app with two-factor sign-in required, as in production.</summary>
public sealed class TwoFactorAppFactory : SafeguardAppFactory
{
    protected override bool RequireTwoFactor => true;
}

/// <summary>
/// RFC 6238 time-based codes (HMAC-SHA1, 30-second steps, 6 digits) from a base32 key, computed here rather than by the
/// code under test, at the app's clock (the test's <see cref="TimeProvider"/>), which the authenticator check reads.
/// A code is accepted once: a test signing in again moves the clock on a step first (<see cref="NextStep"/>).
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at) => CodeForStep(base32Key, at.ToUnixTimeSeconds() / 30);

    public static string Now(string base32Key, TimeProvider time) => Code(base32Key, time.GetUtcNow());

    /// <summary>Moves the fake clock into the next 30-second step, so the app shows a code not used yet.</summary>
    public static void NextStep(FakeTimeProvider time) => time.Advance(TimeSpan.FromSeconds(30));

    /// <summary>A 6-digit code that is none of the codes accepted around the time.</summary>
    public static string Wrong(string base32Key, TimeProvider time)
    {
        var step = time.GetUtcNow().ToUnixTimeSeconds() / 30;
        var near = Enumerable.Range(-4, 9).Select(i => CodeForStep(base32Key, step + i)).ToHashSet();
        var candidate = int.Parse(Now(base32Key, time));
        string wrong;
        do
        {
            candidate = (candidate + 1) % 1_000_000;
            wrong = candidate.ToString("D6");
        }
        while (near.Contains(wrong));
        return wrong;
    }

    private static string CodeForStep(string base32Key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
