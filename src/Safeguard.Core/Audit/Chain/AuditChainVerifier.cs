using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Audit.Chain;

/// <summary>The first place the chain does not hold: the event, and what is wrong there.</summary>
public sealed record ChainBreak(long EventId, string Problem);

/// <summary>What <see cref="AuditChainVerifier"/> found.</summary>
/// <param name="Breaks">How many links do not hold (each checked on its own, so one changed event is one break).</param>
/// <param name="Head">The chain's last position (0: nothing sealed).</param>
/// <param name="Anchor">The chain against its anchor (<see cref="ChainAnchoring"/>): whether its newest events are all still there.</param>
public sealed record ChainVerification(long Checked, long Sealed, long NotYetSealed, long Breaks, ChainBreak? FirstBreak, TimeSpan Elapsed,
    long Head, AnchorFinding Anchor)
{
    public bool Intact => Breaks == 0 && !Anchor.ShowsLoss;
}

/// <summary>
/// Reads every event once with its seal (<see cref="AuditSeal"/>), in id order (streamed: memory does not grow with the
/// table), and checks the chain: positions 1, 2, 3, ... with none missing (a missing one is a deleted event) and none
/// out of order, each hash equal to <c>SHA-256(previous hash || the event)</c> (a difference is an event changed after
/// sealing), and no sealed event after one that is not. Events not yet sealed are counted, not judged: they are the
/// newest, waiting for the sealer.
/// Links only show what remains: the newest events deleted leave a chain that holds. So the chain's end is compared
/// with the latest anchor (<see cref="ChainAnchorFile"/>): a chain that ends before the anchored position, or holds
/// another hash there, has lost events.
/// </summary>
public sealed class AuditChainVerifier(SafeguardDbContext db, ChainAnchoring? anchoring = null)
{
    /// <summary>Verifies against the configured anchor file, if any.</summary>
    public Task<ChainVerification> VerifyAsync(CancellationToken ct) => VerifyAsync(anchoring?.File, ct);

    /// <summary>Verifies against <paramref name="anchorFile"/> (null: no anchor, which the result says).</summary>
    public async Task<ChainVerification> VerifyAsync(ChainAnchorFile? anchorFile, CancellationToken ct)
    {
        var reading = anchorFile is null ? null : await anchorFile.ReadAsync(ct);
        var anchored = reading?.Latest?.Position;
        byte[]? hashAtAnchor = null;
        long head = 0;
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

        await foreach (var (e, chainSequence, chainHash) in db.EventsWithSeals().AsAsyncEnumerable().WithCancellation(ct))
        {
            checkedCount++;
            if (chainSequence is not { } sequence)
            {
                unsealed++;
                firstUnsealed ??= e.Id;
                continue;
            }
            sealedCount++;
            head = Math.Max(head, sequence);
            if (sequence == anchored) hashAtAnchor = chainHash;
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
            else if (chainHash is not { Length: ChainLink.HashLength } stored || !ChainLink.Hash(previous, sequence, e).AsSpan().SequenceEqual(stored))
            {
                Break(e.Id, $"it does not match its hash (chain position {sequence}): it, or its hash, was changed after it was sealed");
            }
            // Each link is checked against the hash stored before it, so a changed event is one break, not every one after.
            previous = chainHash ?? ChainLink.Start.ToArray();
            expected = sequence + 1;
        }
        var anchor = reading is null ? AnchorFinding.NotConfigured : AnchorFinding.Compare(reading, head, hashAtAnchor);
        return new ChainVerification(checkedCount, sealedCount, unsealed, breaks, first, clock.Elapsed, head, anchor);
    }
}
