using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Work;

namespace Safeguard.Core.Oversight;

/// <summary>Age bands of open work, measured from when the work was opened.</summary>
public static class AgeBands
{
    public static readonly IReadOnlyList<(string Label, TimeSpan Under)> All =
    [
        ("Under 1 day", TimeSpan.FromDays(1)),
        ("1 to 2 days", TimeSpan.FromDays(3)),
        ("3 to 7 days", TimeSpan.FromDays(8)),
        ("8 to 30 days", TimeSpan.FromDays(31)),
        ("Over 30 days", TimeSpan.MaxValue),
    ];
}

public sealed record BacklogRow(WorkKind Kind, Guid TeamId, string TeamName, bool ChildProtection, IReadOnlyList<int> ByAgeBand, int Overdue)
{
    public int Total => ByAgeBand.Sum();
}

public sealed record Backlog(DateTimeOffset At, IReadOnlyList<BacklogRow> Rows)
{
    public int Count(WorkKind kind, bool? childProtection = null) =>
        Rows.Where(r => r.Kind == kind && (childProtection is null || r.ChildProtection == childProtection)).Sum(r => r.Total);
}

/// <summary>
/// The view that would have shown the 1,000: undecided contacts, referrals awaiting allocation and feedback not
/// sent, by team and age band, with child protection concerns counted apart. One grouped query over open work.
/// </summary>
public sealed class BacklogBoard(SafeguardDbContext db)
{
    /// <summary>The kinds of work on the board, in its order: from <see cref="WorkCatalogue"/>.</summary>
    public static IReadOnlyList<WorkKind> Kinds => WorkCatalogue.BacklogKinds;

    public async Task<Backlog> GetAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var b1 = now - AgeBands.All[0].Under;
        var b2 = now - AgeBands.All[1].Under;
        var b3 = now - AgeBands.All[2].Under;
        var b4 = now - AgeBands.All[3].Under;
        var kinds = Kinds.ToList();
        var groups = await db.WorkItems.AsNoTracking()
            .Where(w => w.ClosedAt == null && kinds.Contains(w.Kind))
            .GroupBy(w => new { w.Kind, w.OwnerTeamId, Cp = w.Priority == Priority.ChildProtection })
            .Select(g => new
            {
                g.Key.Kind, g.Key.OwnerTeamId, g.Key.Cp,
                A = g.Count(w => w.OpenedAt > b1),
                B = g.Count(w => w.OpenedAt <= b1 && w.OpenedAt > b2),
                C = g.Count(w => w.OpenedAt <= b2 && w.OpenedAt > b3),
                D = g.Count(w => w.OpenedAt <= b3 && w.OpenedAt > b4),
                E = g.Count(w => w.OpenedAt <= b4),
                Overdue = g.Count(w => w.DueAt < now),
            })
            .ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rows = groups
            .Select(g => new BacklogRow(g.Kind, g.OwnerTeamId, teams.GetValueOrDefault(g.OwnerTeamId, "Unknown team"), g.Cp,
                [g.A, g.B, g.C, g.D, g.E], g.Overdue))
            .OrderBy(r => kinds.IndexOf(r.Kind)).ThenBy(r => r.TeamName).ThenByDescending(r => r.ChildProtection)
            .ToList();
        return new Backlog(now, rows);
    }
}
