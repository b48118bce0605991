using System.Globalization;

namespace Safeguard.Core.Audit.Chain;

public enum AnchorOutcome
{
    /// <summary>No anchor file configured or given: a truncated tail cannot be found.</summary>
    NotConfigured,

    /// <summary>The file is there to be written, but holds no anchor yet.</summary>
    NoAnchorYet,

    /// <summary>The chain reaches the anchored position with the anchored hash there.</summary>
    Holds,

    /// <summary>The chain ends before the anchored position: its newest events were deleted (or an older copy restored).</summary>
    Truncated,

    /// <summary>The chain reaches the anchored position but holds another event, or none, there.</summary>
    Replaced,
}

/// <summary>What the chain showed against its anchor, in words for the operator.</summary>
/// <param name="FirstMissing">The first chain position that was anchored and is no longer there (Truncated only).</param>
/// <param name="Unreadable">Lines of the anchor file that are not anchors ("line N: why"); the others were used.</param>
public sealed record AnchorFinding(AnchorOutcome Outcome, string Message, ChainAnchor? Anchor, long? FirstMissing, string? Source, IReadOnlyList<string> Unreadable)
{
    public static AnchorFinding NotConfigured { get; } = new(AnchorOutcome.NotConfigured,
        "no anchor: truncation of the newest events cannot be detected (set AuditChain:AnchorPath, or pass --anchor FILE)", null, null, null, []);

    /// <summary>Events anchored before are missing or replaced.</summary>
    public bool ShowsLoss => Outcome is AnchorOutcome.Truncated or AnchorOutcome.Replaced;

    /// <summary>Compares the chain's last position, and the hash found at the anchored position (null: none), with the anchor.</summary>
    public static AnchorFinding Compare(AnchorReading reading, long head, byte[]? hashAtAnchor)
    {
        if (reading.Latest is not { } anchor)
        {
            var why = reading.Exists ? "holds no anchor yet" : "does not exist yet";
            return new(AnchorOutcome.NoAnchorYet, $"the anchor file {reading.Path} {why}: nothing to check the chain's end against",
                null, null, reading.Path, reading.Unreadable);
        }
        var at = anchor.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        var was = $"anchored at {N(anchor.Position)} on {at}" + (anchor.Kind == AnchorKind.Reset ? $" (a reset: {anchor.Reason})" : "");
        if (head < anchor.Position)
        {
            return new(AnchorOutcome.Truncated,
                $"the chain ends at {N(head)} but was {was}: events after {N(head)} are missing (the first missing is chain position {N(head + 1)})",
                anchor, head + 1, reading.Path, reading.Unreadable);
        }
        if (anchor.Position > 0 && (hashAtAnchor is null || !hashAtAnchor.AsSpan().SequenceEqual(anchor.Hash)))
        {
            var there = hashAtAnchor is null ? "has no event" : "holds another event than the one anchored";
            return new(AnchorOutcome.Replaced,
                $"the chain reaches {N(head)}, but its position {N(anchor.Position)} {there} (it was {was}): events up to {N(anchor.Position)} were deleted or replaced after they were anchored",
                anchor, null, reading.Path, reading.Unreadable);
        }
        return new(AnchorOutcome.Holds, $"the chain holds its anchor: it reaches {N(head)}, and was {was} with the same hash",
            anchor, null, reading.Path, reading.Unreadable);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
