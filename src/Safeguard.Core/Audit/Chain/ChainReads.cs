using Microsoft.EntityFrameworkCore;

namespace Safeguard.Core.Audit.Chain;

/// <summary>The events as the chain reads them, the same for the sealer and the verifier.</summary>
internal static class ChainReads
{
    /// <summary>Filter and order <paramref name="events"/> first: the projection is the last step.</summary>
    public static IQueryable<ChainedEvent> AsChained(this IQueryable<EventRecord> events) =>
        events.Select(e => new ChainedEvent(e.Id, e.Type, e.OccurredAt, e.ActorUserId, e.ActorName,
            e.ActorOrganisationId, e.PersonId, e.SubjectType, e.SubjectId, e.Summary, e.Reason, e.Data, e.ChainSequence, e.ChainHash));

    /// <summary>The chain's last sealed event (its id, position and hash), or null when nothing is sealed yet.</summary>
    public static Task<ChainTail?> TailAsync(this IQueryable<EventRecord> events, CancellationToken ct) =>
        events.AsNoTracking()
            .Where(e => e.ChainSequence != null)
            .OrderByDescending(e => e.ChainSequence)
            .Select(e => new ChainTail(e.Id, e.ChainSequence!.Value, e.ChainHash))
            .FirstOrDefaultAsync(ct);
}

internal sealed record ChainTail(long Id, long Sequence, byte[]? Hash);
