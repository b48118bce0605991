using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Core.Security.Authenticator;

/// <summary>
/// Time-based one-time codes as authenticator apps make them (RFC 6238: HMAC-SHA1 over the count of 30-second steps since
/// 1970, 6 digits). A code is accepted for the step it was made in or the one either side, for clocks a little apart.
/// </summary>
public static class AuthenticatorCodes
{
    public const int Digits = 6;
    public const int StepSeconds = 30;

    /// <summary>Steps either side of now whose codes are accepted (RFC 6238 section 5.2 advises at most one back).</summary>
    public const int StepsEitherSide = 1;

    /// <summary>The time step <paramref name="at"/> falls in.</summary>
    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for a step (RFC 4226 section 5.3: dynamic truncation of the HMAC).</summary>
    public static string CodeFor(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The latest step near <paramref name="now"/> whose code is <paramref name="code"/>, or null. Every step of the window
    /// is computed and compared in fixed time, so how long it takes says nothing about which step (if any) matched.
    /// </summary>
    public static long? MatchingStep(byte[] key, string code, DateTimeOffset now)
    {
        if (code.Length != Digits || !code.All(char.IsAsciiDigit)) return null;
        var typed = Encoding.ASCII.GetBytes(code);
        var current = StepAt(now);
        long? matched = null;
        for (var step = current - StepsEitherSide; step <= current + StepsEitherSide; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(typed, Encoding.ASCII.GetBytes(CodeFor(key, step)))) matched = step;
        }
        return matched;
    }
}
