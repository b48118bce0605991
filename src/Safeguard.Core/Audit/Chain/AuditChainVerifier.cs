using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Audit.Chain;

/// <summary>The first place the chain does not hold: the event, and what is wrong there.</summary>
public sealed record ChainBreak(long EventId, string Problem);

/// <summary>What <see cref="AuditChainVerifier"/> found.</summary>
/// <param name="Breaks">How many links do not hold (each checked on its own, so one changed event is one break).</param>
public sealed record ChainVerification(long Checked, long Sealed, long NotYetSealed, long Breaks, ChainBreak? FirstBreak, TimeSpan Elapsed)
{
    public bool Intact => Breaks == 0;
}

/// <summary>
/// Reads every event once, in id order (streamed: memory does not grow with the table), and checks the chain: positions
/// 1, 2, 3, ... with none missing (a missing one is a deleted event) and none out of order, each hash equal to
/// <c>SHA-256(previous hash || the event)</c> (a difference is an event changed after sealing), and no sealed event after
/// one that is not. Events not yet sealed are counted, not judged: they are the newest, waiting for the sealer.
/// </summary>
public sealed class AuditChainVerifier(SafeguardDbContext db)
{
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long checkedCount = 0, sealedCount = 0, unsealed = 0, breaks = 0, expected = 1;
        long? firstUnsealed = null;
        ChainBreak? first = null;
        byte[] previous = ChainLink.Start.ToArray();
        void Break(long id, string problem)
        {
            breaks++;
            first ??= new ChainBreak(id, problem);
        }

        await foreach (var e in db.Events.AsNoTracking().OrderBy(e => e.Id).AsChained().AsAsyncEnumerable().WithCancellation(ct))
        {
            checkedCount++;
            if (e.ChainSequence is not { } sequence)
            {
                unsealed++;
                firstUnsealed ??= e.Id;
                continue;
            }
            sealedCount++;
            if (firstUnsealed is { } gap)
            {
                Break(e.Id, $"it is sealed, but event {gap} before it is not: reordered, or its seal removed");
            }
            if (sequence > expected)
            {
                Break(e.Id, expected == sequence - 1
                    ? $"chain position {expected} is missing before it: an event was deleted"
                    : $"chain positions {expected} to {sequence - 1} are missing before it: {sequence - expected} events were deleted");
            }
            else if (sequence < expected)
            {
                Break(e.Id, $"its chain position is {sequence}, where {expected} was expected: reordered or repeated");
            }
            else if (e.ChainHash is not { Length: ChainLink.HashLength } stored || !ChainLink.Hash(previous, sequence, e).AsSpan().SequenceEqual(stored))
            {
                Break(e.Id, $"it does not match its hash (chain position {sequence}): it, or its hash, was changed after it was sealed");
            }
            // Each link is checked against the hash stored before it, so a changed event is one break, not every one after.
            previous = e.ChainHash ?? ChainLink.Start.ToArray();
            expected = sequence + 1;
        }
        return new ChainVerification(checkedCount, sealedCount, unsealed, breaks, first, clock.Elapsed);
    }
}
