using Microsoft.EntityFrameworkCore;

namespace Safeguard.Core.Workforce;

public static class TeamQueries
{
    /// <summary>The team of a kind that owns new work of that kind: the first by name when a council has several.</summary>
    public static Task<Guid?> FirstOfKindAsync(this IQueryable<Team> teams, TeamKind kind, CancellationToken ct = default) =>
        teams.OfKindInOrder(kind).FirstOrDefaultAsync(ct);

    /// <summary>The ids of the teams of a kind that take new work (not retired), the one that owns new work first.</summary>
    public static IQueryable<Guid?> OfKindInOrder(this IQueryable<Team> teams, TeamKind kind) =>
        teams.Where(t => t.Kind == kind && t.RetiredAt == null).OrderBy(t => t.Name).Select(t => (Guid?)t.Id);
}
