namespace Safeguard.Core.Security.Authenticator;

/// <summary>The shared key as Identity stores it and apps take it: Base32 (RFC 4648), upper case, without padding.</summary>
public static class AuthenticatorKeys
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The key's bytes, or null when it is not Base32 (spaces, padding and case are forgiven).</summary>
    public static byte[]? FromBase32(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '=') continue;
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c));
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return bytes.Count == 0 ? null : [.. bytes];
    }
}
