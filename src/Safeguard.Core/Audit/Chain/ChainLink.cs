using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Core.Audit.Chain;

/// <summary>
/// One link of the audit chain: <c>SHA-256(previous hash || canonical bytes of the event)</c>. The canonical bytes are
/// each column in a fixed order, length-prefixed (so no two different events give the same bytes), the instant as UTC
/// ticks (the same on both databases).
/// </summary>
public static class ChainLink
{
    public const int HashLength = 32;

    /// <summary>What the first event's hash is chained to.</summary>
    public static ReadOnlySpan<byte> Start => new byte[HashLength];

    /// <summary>Bumped if the canonical form ever changes, so an old chain cannot be read with a new form by mistake.</summary>
    private const byte FormVersion = 1;

    public static byte[] Hash(ReadOnlySpan<byte> previous, long sequence, EventRecord e)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        Span<byte> number = stackalloc byte[9];
        number[0] = FormVersion;
        BinaryPrimitives.WriteInt64LittleEndian(number[1..], sequence);
        hash.AppendData(number);
        AppendLong(hash, e.Id);
        AppendText(hash, e.Type);
        AppendLong(hash, e.OccurredAt.UtcTicks);
        AppendGuid(hash, e.ActorUserId);
        AppendText(hash, e.ActorName);
        AppendGuid(hash, e.ActorOrganisationId);
        AppendGuid(hash, e.PersonId);
        AppendText(hash, e.SubjectType);
        AppendGuid(hash, e.SubjectId);
        AppendText(hash, e.Summary);
        AppendText(hash, e.Reason);
        AppendText(hash, e.Data);
        return hash.GetHashAndReset();
    }

    private static void AppendLong(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }

    private static void AppendGuid(IncrementalHash hash, Guid? value)
    {
        Span<byte> bytes = stackalloc byte[17];
        if (value is { } g)
        {
            bytes[0] = 1;
            g.TryWriteBytes(bytes[1..]);
            hash.AppendData(bytes);
        }
        else hash.AppendData(bytes[..1]);
    }

    private static void AppendText(IncrementalHash hash, string? value)
    {
        Span<byte> head = stackalloc byte[5];
        if (value is null)
        {
            hash.AppendData(head[..1]);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        head[0] = 1;
        BinaryPrimitives.WriteInt32LittleEndian(head[1..], bytes.Length);
        hash.AppendData(head);
        hash.AppendData(bytes);
    }
}
