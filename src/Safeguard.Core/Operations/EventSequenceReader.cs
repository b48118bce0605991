using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Operations;

/// <summary>Reads every event once, in id order, into an <see cref="EventSequence"/>.</summary>
internal static class EventSequenceReader
{
    /// <summary>About 70 checkpoints for the large council's 4.7 million events: a difference is placed within 65,536 events.</summary>
    public const int CheckpointEvery = 65_536;

    public static async Task<EventSequence> ReadAsync(SafeguardDbContext db, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var checkpoints = new List<EventCheckpoint>();
        long count = 0;
        long? first = null, last = null;
        var rows = db.Events.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Type, e.OccurredAt, e.PersonId, e.SubjectType, e.SubjectId, e.ActorName })
            .AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(ct))
        {
            first ??= e.Id;
            last = e.Id;
            count++;
            // Ticks, not text: the same instant reads back the same on both databases.
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{e.Id}|{e.Type}|{e.OccurredAt.UtcTicks}|{e.PersonId}|{e.SubjectType}|{e.SubjectId}|{e.ActorName}\n");
            hash.AppendData(Encoding.UTF8.GetBytes(line));
            if (count % CheckpointEvery == 0) checkpoints.Add(new EventCheckpoint(e.Id, count, Hex(hash.GetCurrentHash())));
        }
        return new EventSequence(count, first, last, Hex(hash.GetHashAndReset()), checkpoints);
    }

    private static string Hex(byte[] digest) => Convert.ToHexStringLower(digest);
}
