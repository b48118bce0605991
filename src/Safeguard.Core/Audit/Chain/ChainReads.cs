using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Audit.Chain;

/// <summary>The chain as the sealer, the verifier and the anchor read it.</summary>
internal static class ChainReads
{
    /// <summary>The chain's last seal (its event, position and hash), or null when nothing is sealed yet.</summary>
    public static Task<ChainTail?> TailAsync(this SafeguardDbContext db, CancellationToken ct) =>
        db.AuditSeals.AsNoTracking()
            .OrderByDescending(s => s.Sequence)
            .Select(s => new ChainTail(s.EventId, s.Sequence, s.Hash))
            .FirstOrDefaultAsync(ct);

    /// <summary>Every event in id order with its seal, if it has one (streamed by the caller).</summary>
    public static IQueryable<SealedOrNot> EventsWithSeals(this SafeguardDbContext db) =>
        from e in db.Events.AsNoTracking()
        join s in db.AuditSeals.AsNoTracking() on e.Id equals s.EventId into seal
        from s in seal.DefaultIfEmpty()
        orderby e.Id
        select new SealedOrNot(e, s == null ? null : (long?)s.Sequence, s == null ? null : s.Hash);
}

internal sealed record ChainTail(long EventId, long Sequence, byte[] Hash);

/// <summary>An event and, once sealed, its chain position and hash.</summary>
internal sealed record SealedOrNot(EventRecord Event, long? Sequence, byte[]? Hash);
