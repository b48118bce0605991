namespace Safeguard.Core.Audit.Chain;

/// <summary>
/// An operator accepted the audit chain as it now is, after a deliberate restore: verify compares with this position
/// from now on, not with the anchors before it. The reason is the event's reason.
/// </summary>
public sealed record AuditAnchorReset(long Position, string Hash, string Instance) : IEvent
{
    public static string Name => "audit.anchor-reset";

    public string Describe() => $"Audit chain anchor reset: the chain accepted as ending at position {Position:N0}";
}
