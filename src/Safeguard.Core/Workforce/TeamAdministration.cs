using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Work;

namespace Safeguard.Core.Workforce;

/// <summary>A team as the administration pages and the `safeguard team` command show it.</summary>
public sealed record TeamLine(Guid Id, string Name, TeamKind Kind, DateTimeOffset? RetiredAt, int Version, int Members, int OpenWorkItems)
{
    public bool IsRetired => RetiredAt is not null;
}

public sealed record TeamInput(string? Name, string? Kind);

/// <summary>
/// Adds, renames, retires and reinstates the council's teams. Names are unique among teams that are not retired
/// (ignoring case). A retired team is given no new work (<see cref="TeamQueries"/>), so a team that still owns open
/// work, or the last team that takes new contacts, cannot be retired. Every change is an event with who and why.
/// </summary>
public sealed class TeamAdministration(SafeguardDbContext db)
{
    private const string What = "team";

    public async Task<IReadOnlyList<TeamLine>> ListAsync(bool includeRetired = true, CancellationToken ct = default) =>
        await Lines(db.Teams.Where(t => includeRetired || t.RetiredAt == null).OrderBy(t => t.RetiredAt != null).ThenBy(t => t.Name)).ToListAsync(ct);

    public Task<TeamLine?> FindAsync(Guid id, CancellationToken ct = default) => Lines(db.Teams.Where(t => t.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>By name, ignoring case; an active team before a retired one of the same name.</summary>
    public Task<TeamLine?> FindByNameAsync(string name, CancellationToken ct = default)
    {
        var key = name.Trim().ToUpperInvariant();
        return Lines(db.Teams.Where(t => t.Name.ToUpper() == key).OrderBy(t => t.RetiredAt != null)).FirstOrDefaultAsync(ct);
    }

    private IQueryable<TeamLine> Lines(IQueryable<Team> teams) =>
        teams.AsNoTracking()
            .Select(t => new TeamLine(t.Id, t.Name, t.Kind, t.RetiredAt, t.Version,
                db.Users.Count(u => u.TeamId == t.Id),
                db.WorkItems.Count(w => w.OwnerTeamId == t.Id && w.ClosedAt == null)));

    public async Task<WorkforceChangeResult> AddAsync(TeamInput input, string? reason = null, CancellationToken ct = default)
    {
        var (name, kind, errors) = await CheckAsync(input, except: null, checkUnique: true, ct);
        WorkforceRules.CheckReason(reason, required: false, errors);
        if (errors.Count > 0) return new(false, errors);

        var team = new Team(name, kind);
        db.Teams.Add(team);
        db.Record(new TeamAdded(team.Id, name, kind),
            subjectType: nameof(Team), subjectId: team.Id, reason: WorkforceRules.Tidy(reason));
        return await SaveAsync(team.Id, ct);
    }

    /// <summary>Renames it or changes its kind. <paramref name="version"/>: the one the user saw.</summary>
    public async Task<WorkforceChangeResult> ChangeAsync(Guid id, int version, TeamInput input, string? reason, CancellationToken ct = default)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return WorkforceChangeResult.Missing(What);
        var (name, kind, errors) = await CheckAsync(input, except: id, checkUnique: !team.IsRetired, ct);
        WorkforceRules.CheckReason(reason, required: true, errors);
        if (errors.Count > 0) return new(false, errors, id);
        if (team.Version != version) return WorkforceChangeResult.Conflict(id);

        if (team.Name == name && team.Kind == kind) return WorkforceChangeResult.Ok(id);
        if (team.Kind == TeamKind.FrontDoor && kind != TeamKind.FrontDoor && !team.IsRetired && await IsLastFrontDoorAsync(id, ct))
            return WorkforceChangeResult.Fail("Kind", LastFrontDoorMessage(team.Name));

        db.Record(new TeamChanged(id, team.Name, name, team.Kind, kind), subjectType: nameof(Team), subjectId: id,
            reason: reason!.Trim());
        team.Change(name, kind);
        return await SaveAsync(id, ct);
    }

    /// <summary>Stops it getting new work. Refused while it owns open work items: they are moved or closed first.</summary>
    public async Task<WorkforceChangeResult> RetireAsync(Guid id, int version, string? reason, CancellationToken ct = default)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return WorkforceChangeResult.Missing(What);
        var errors = new List<(string, string)>();
        WorkforceRules.CheckReason(reason, required: true, errors);
        if (errors.Count > 0) return new(false, errors, id);
        if (team.Version != version) return WorkforceChangeResult.Conflict(id);
        if (team.IsRetired) return WorkforceChangeResult.Fail("", $"{team.Name} is already retired");
        if (await OpenWorkAsync(team, ct) is { } openWork) return WorkforceChangeResult.Fail("", openWork);
        if (team.Kind == TeamKind.FrontDoor && await IsLastFrontDoorAsync(id, ct)) return WorkforceChangeResult.Fail("", LastFrontDoorMessage(team.Name));

        team.Retire(db.Time.GetUtcNow());
        db.Record(new TeamRetired(id, team.Name), subjectType: nameof(Team), subjectId: id,
            reason: reason!.Trim());
        return await SaveAsync(id, ct);
    }

    public async Task<WorkforceChangeResult> ReinstateAsync(Guid id, int version, string? reason, CancellationToken ct = default)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return WorkforceChangeResult.Missing(What);
        var errors = new List<(string, string)>();
        WorkforceRules.CheckReason(reason, required: true, errors);
        if (errors.Count > 0) return new(false, errors, id);
        if (team.Version != version) return WorkforceChangeResult.Conflict(id);
        if (!team.IsRetired) return WorkforceChangeResult.Fail("", $"{team.Name} is not retired");
        if (await NameTakenAsync(team.Name, id, ct)) return WorkforceChangeResult.Fail("", $"Another team is called {team.Name}: rename one of them first");

        team.Reinstate();
        db.Record(new TeamReinstated(id, team.Name), subjectType: nameof(Team), subjectId: id,
            reason: reason!.Trim());
        return await SaveAsync(id, ct);
    }

    /// <summary>"Assessment Team still owns 3 open work items: 2 screening decisions and 1 referrer feedback, 2 of them in
    /// the team's tray and 1 with named workers. Move or close them before retiring the team."</summary>
    private async Task<string?> OpenWorkAsync(Team team, CancellationToken ct)
    {
        var open = await db.WorkItems.AsNoTracking()
            .Where(w => w.OwnerTeamId == team.Id && w.ClosedAt == null)
            .GroupBy(w => new { w.Kind, InTray = w.OwnerUserId == null })
            .Select(g => new { g.Key.Kind, g.Key.InTray, Count = g.Count() })
            .ToListAsync(ct);
        if (open.Count == 0) return null;
        var total = open.Sum(o => o.Count);
        var kinds = open.GroupBy(o => o.Kind).OrderBy(g => g.Key)
            .Select(g => $"{g.Sum(o => o.Count)} {KindText(g.Key, g.Sum(o => o.Count))}");
        var inTray = open.Where(o => o.InTray).Sum(o => o.Count);
        var where = inTray == total ? "all in the team's tray"
            : inTray == 0 ? "all with named workers of the team"
            : $"{inTray} in the team's tray and {total - inTray} with named workers of the team";
        return $"{team.Name} still owns {total} open work item{(total == 1 ? "" : "s")} ({string.Join(", ", kinds)}; {where}). "
            + "Move or close them before retiring the team";
    }

    private static string KindText(WorkKind kind, int count)
    {
        var words = string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        return count == 1 || words.EndsWith("feedback", StringComparison.Ordinal) ? words : words + "s";
    }

    private Task<bool> IsLastFrontDoorAsync(Guid id, CancellationToken ct) =>
        db.Teams.AllAsync(t => t.Id == id || t.Kind != TeamKind.FrontDoor || t.RetiredAt != null, ct);

    private static string LastFrontDoorMessage(string name) =>
        $"{name} is the only front door team, which gets every new contact. Add another front door team first";

    private async Task<(string Name, TeamKind Kind, List<(string, string)> Errors)> CheckAsync(TeamInput input, Guid? except, bool checkUnique,
        CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        WorkforceRules.CheckName(input.Name, What, errors);
        if (!WorkforceKinds.TryParse<TeamKind>(input.Kind, out var kind))
            errors.Add(("Kind", string.IsNullOrWhiteSpace(input.Kind)
                ? "Select the kind of team"
                : $"Select the kind of team from the list ({WorkforceKinds.Choices<TeamKind>()})"));
        var name = input.Name?.Trim() ?? "";
        if (errors.Count == 0 && checkUnique && await NameTakenAsync(name, except, ct)) errors.Add(("Name", $"There is already a team called {name}"));
        return (name, kind, errors);
    }

    private Task<bool> NameTakenAsync(string name, Guid? except, CancellationToken ct)
    {
        var key = name.ToUpperInvariant();
        return db.Teams.AnyAsync(t => t.RetiredAt == null && t.Id != except && t.Name.ToUpper() == key, ct);
    }

    private async Task<WorkforceChangeResult> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return WorkforceChangeResult.Ok(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkforceChangeResult.Conflict(id);
        }
        catch (DbUpdateException ex) when (WorkforceRules.IsDuplicateName(ex))
        {
            return WorkforceChangeResult.Fail("Name", "There is already a team with this name");
        }
    }
}
