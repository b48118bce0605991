using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.People;

/// <summary>How a child named in a contact was tied to the person index.</summary>
public sealed record PersonLinkResult(Guid PersonId, bool Created, bool NeedsReview);

/// <summary>
/// The seam between the front door and the person index: finds the one record for a child, or creates it.
/// A certain match is linked; an uncertain one creates a new person and queues the pair for a human to review,
/// never a silent merge.
/// </summary>
public interface IPersonLinker
{
    Task<PersonLinkResult> LinkAsync(SafeguardDbContext db, NewChild child, CancellationToken ct);
}
