namespace Safeguard.Core.Data;

/// <summary>
/// Identifiers for new rows: UUID version 7, whose leading bits are the time it was made. Rows added together then sit
/// together in every index keyed by their ids, so a commit writes a few index pages instead of one per row (random ids
/// scatter inserts over the whole B-tree; see docs/adr/0006). The time inside is for storage order only and is never
/// read back as a date; 74 random bits keep ids unguessable.
/// </summary>
public static class NewId
{
    public static Guid Next() => Guid.CreateVersion7();
}
