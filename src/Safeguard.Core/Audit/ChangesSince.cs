using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Audit;

/// <summary>One change someone else made to a record while a person was working on it.</summary>
public sealed record ChangeSeen(DateTimeOffset At, string ActorName, string What);

/// <summary>
/// What changed on a person's record after a page showed it: a page keeps the number of the last event it saw
/// (<see cref="MarkAsync"/>), and when its save is refused because someone else changed the record, shows the
/// events written since (<see cref="ForPersonAsync"/>). Views of the record are not changes and are left out.
/// </summary>
public sealed class ChangesSince(SafeguardDbContext db)
{
    public const int MaxShown = 20;

    public async Task<long> MarkAsync(Guid personId, CancellationToken ct = default) =>
        await db.Events.AsNoTracking().Where(e => e.PersonId == personId).MaxAsync(e => (long?)e.Id, ct) ?? 0;

    public async Task<IReadOnlyList<ChangeSeen>> ForPersonAsync(Guid personId, long seenEventId, CancellationToken ct = default)
    {
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.PersonId == personId && e.Id > seenEventId && !EventCatalogue.ReadingNames.Contains(e.Type))
            .OrderBy(e => e.Id)
            .Take(MaxShown)
            .Select(e => new { e.OccurredAt, e.ActorName, e.Type, e.Data, e.Summary, e.Reason, e.SubjectType })
            .ToListAsync(ct);
        return rows
            .Select(e => new ChangeSeen(e.OccurredAt, e.ActorName, Words(EventCatalogue.Describe(e.Type, e.Data, e.Summary, e.SubjectType), e.Reason)))
            .ToList();
    }

    /// <summary>An automatic row ("Person name created") reads better with the reason its save gave ("Alias recorded").</summary>
    private static string Words(string summary, string? reason) =>
        reason is { Length: > 0 } && !summary.Contains(reason, StringComparison.Ordinal) ? $"{summary}: {reason}" : summary;
}
