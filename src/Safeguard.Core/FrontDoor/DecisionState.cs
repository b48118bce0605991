using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

/// <summary>A no-further-action proposal a manager returned, and why: shown to the worker who decides again.</summary>
public sealed record ReturnedProposal(ScreeningOutcome? Outcome, string? Reasons, string? ProposedBy, string? Reason, string? ReturnedBy,
    DateTimeOffset ReturnedAt);

/// <summary>
/// What the decision page needs besides the contact itself: the version the person is looking at (posted back with
/// each form, so a change made meanwhile by someone else is caught), who decided and confirmed it, and a returned proposal.
/// </summary>
public sealed record DecisionState(int Version, string? DecidedBy, string? ConfirmedBy, ReturnedProposal? Returned)
{
    public static async Task<DecisionState?> ReadAsync(SafeguardDbContext db, Guid contactId, CancellationToken ct = default)
    {
        var c = await db.Contacts.AsNoTracking().Where(x => x.Id == contactId)
            .Select(x => new
            {
                x.Version, x.DecidedByUserId, x.ConfirmedByUserId, x.ReturnedAt, x.ReturnedReason, x.ReturnedByUserId, x.PreviousOutcome,
                x.PreviousReasons, x.PreviousDecidedByUserId,
            })
            .SingleOrDefaultAsync(ct);
        if (c is null) return null;
        var ids = new[] { c.DecidedByUserId, c.ConfirmedByUserId, c.ReturnedByUserId, c.PreviousDecidedByUserId }.OfType<Guid>().Distinct().ToList();
        Dictionary<Guid, string> names = ids.Count == 0 ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(Guid? id) => id is { } i ? names.GetValueOrDefault(i) : null;
        var returned = c.ReturnedAt is { } at
            ? new ReturnedProposal(c.PreviousOutcome, c.PreviousReasons, Name(c.PreviousDecidedByUserId), c.ReturnedReason, Name(c.ReturnedByUserId), at)
            : null;
        return new DecisionState(c.Version, Name(c.DecidedByUserId), Name(c.ConfirmedByUserId), returned);
    }
}
