using Safeguard.Core.Data;

namespace Safeguard.Core.Workforce;

/// <summary>
/// The team that owns the work of senior leaders, who belong to no team: escalations to the director and review
/// recommendations. Its tray is nobody's practice tray, so those titles never show to front-line staff.
/// </summary>
public static class LeadershipTeam
{
    public const string Name = "Director's office";

    /// <summary>The first leadership team by name, or a new one (with its event, saved with the caller's change) when the council has none.</summary>
    public static async Task<Guid> IdAsync(SafeguardDbContext db, CancellationToken ct = default)
    {
        if (await db.Teams.FirstOfKindAsync(TeamKind.Leadership, ct) is { } team) return team;
        if (db.Teams.Local.FirstOrDefault(t => t.Kind == TeamKind.Leadership && t.RetiredAt == null) is { } added) return added.Id;
        var created = new Team(Name, TeamKind.Leadership);
        db.Teams.Add(created);
        db.Record(new TeamAdded(created.Id, created.Name, created.Kind), subjectType: nameof(Team), subjectId: created.Id);
        return created.Id;
    }
}
