namespace Safeguard.Core.Audit.Chain;

/// <summary>
/// An event's place in the audit chain: its position (1, 2, 3, ... in commit order) and
/// <c>SHA-256(previous hash || the event)</c> (<see cref="ChainLink"/>), written once by the <see cref="AuditSealer"/> after
/// the event is committed. A row of its own, never an update of the event: events are written once and never changed,
/// and sealing only inserts (on PostgreSQL an update would rewrite every event row and its indexes: bench/README.md).
/// </summary>
public sealed class AuditSeal
{
    /// <summary>Seals are only read through EF: the sealer inserts them in bulk (<see cref="AuditSealer"/>).</summary>
    private AuditSeal() { }

    public long EventId { get; private set; }
    public long Sequence { get; private set; }
    public byte[] Hash { get; private set; } = [];
}
