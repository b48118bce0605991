using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;

namespace Safeguard.Core.Audit.Chain;

/// <summary>
/// <c>AuditChain:AnchorPath</c>: the directory of the anchor file (<see cref="ChainAnchorFile"/>). On storage the
/// database's owner cannot write to; unset, the chain is not anchored and a truncated tail cannot be found.
/// </summary>
public sealed class ChainAnchorSettings
{
    public const string Section = "AuditChain";

    public string? AnchorPath { get; set; }
}

/// <summary>
/// Records the chain's head after each seal that advanced it: one line in the anchor file when one is configured, and
/// always the same line in the log (so log shipping keeps a copy away from the server).
/// </summary>
public sealed class ChainAnchoring(IOptions<ChainAnchorSettings> settings, TimeProvider time, ILogger<ChainAnchoring>? log = null)
{
    private readonly ILogger _log = log ?? NullLogger<ChainAnchoring>.Instance;

    /// <summary>The configured anchor file, or null when none is.</summary>
    public ChainAnchorFile? File { get; } = settings.Value.AnchorPath is { Length: > 0 } directory ? ChainAnchorFile.InDirectory(directory) : null;

    public static string Instance => $"{Environment.MachineName}/{Environment.ProcessId}";

    public async Task<ChainAnchor> RecordAsync(long position, byte[] hash, CancellationToken ct)
    {
        var anchor = new ChainAnchor(AnchorKind.Seal, position, hash, time.GetUtcNow(), Instance);
        _log.LogInformation("Audit chain anchor: {AnchorLine} (position {ChainPosition}, hash {ChainHash})",
            anchor.ToLine(), position, Convert.ToHexStringLower(hash));
        if (File is not null) await File.AppendAsync(anchor, ct);
        return anchor;
    }

    /// <summary>
    /// Accepts the chain as it now is (after a deliberate restore of an older backup): appends a reset line with the
    /// chain's last position and hash and the reason. Later verifies compare with it, not with the anchors before.
    /// The reset is an audit event, saved before the line is appended: a reset that failed half-way is still on record,
    /// and none takes effect unrecorded.
    /// </summary>
    public async Task<ChainAnchor> ResetAsync(SafeguardDbContext db, ChainAnchorFile file, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A reset needs a reason.", nameof(reason));
        var head = await db.TailAsync(ct);
        var anchor = new ChainAnchor(AnchorKind.Reset, head?.Sequence ?? 0, head?.Hash ?? ChainLink.Start.ToArray(),
            time.GetUtcNow(), Instance, reason);
        db.Record(new AuditAnchorReset(anchor.Position, Convert.ToHexStringLower(anchor.Hash), anchor.Instance), reason: reason);
        await db.SaveChangesAsync(ct);
        await file.AppendAsync(anchor, ct);
        _log.LogWarning("Audit chain anchor reset: {AnchorLine}", anchor.ToLine());
        return anchor;
    }
}
