using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Work;

namespace Safeguard.Core.Oversight;

/// <summary>One alert as a manager sees it.</summary>
public sealed record AlertLine(Guid Id, AlertKind Kind, string Title, string Message, Guid SubjectId, Guid TeamId, string TeamName,
    Guid? PersonId, DateTimeOffset RaisedAt, TimeSpan Age);

/// <summary>The first of a manager's open alerts, and how many there are in all.</summary>
public sealed record AlertList(IReadOnlyList<AlertLine> Lines, int Total)
{
    public static readonly AlertList Empty = new([], 0);
}

/// <summary>
/// Alerts a manager still needs to act on: not acknowledged, and whose subject is still open (the work item is
/// still open, or the feedback is still undelivered). Closing the work hides the alert but never deletes it.
/// </summary>
public sealed class ManagerAlerts(SafeguardDbContext db)
{
    /// <summary>Roles that see every team's alerts.</summary>
    public static readonly IReadOnlyList<string> AllTeamRoles = [Roles.ServiceManager, Roles.HeadOfService, Roles.Director];

    public Task<IReadOnlyList<AlertLine>> ForTeamAsync(Guid teamId, int max = 100, CancellationToken ct = default) =>
        QueryAsync(teamId, max, ct);

    public Task<IReadOnlyList<AlertLine>> ForAllTeamsAsync(int max = 200, CancellationToken ct = default) =>
        QueryAsync(null, max, ct);

    /// <summary>Service managers and above see every team; team managers see their own team; anyone else sees none.</summary>
    public async Task<IReadOnlyList<AlertLine>> ForUserAsync(Guid userId, int max = 100, CancellationToken ct = default) =>
        await ScopeOfAsync(userId, ct) switch
        {
            AlertScope.AllTeams => await ForAllTeamsAsync(max, ct),
            AlertScope.Team team => await ForTeamAsync(team.TeamId, max, ct),
            _ => [],
        };

    /// <summary>The first <paramref name="max"/> of <see cref="ForUserAsync"/>, with the number there are in all.</summary>
    public async Task<AlertList> ListForUserAsync(Guid userId, int max = 100, CancellationToken ct = default)
    {
        Guid? teamId;
        switch (await ScopeOfAsync(userId, ct))
        {
            case AlertScope.AllTeams: teamId = null; break;
            case AlertScope.Team team: teamId = team.TeamId; break;
            default: return AlertList.Empty;
        }
        var lines = await QueryAsync(teamId, max, ct);
        return new AlertList(lines, lines.Count < max ? lines.Count : await Visible(teamId).CountAsync(ct));
    }

    private abstract record AlertScope
    {
        public sealed record AllTeams : AlertScope;

        public sealed record Team(Guid TeamId) : AlertScope;

        public sealed record None : AlertScope;
    }

    private async Task<AlertScope> ScopeOfAsync(Guid userId, CancellationToken ct)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name)
            .ToListAsync(ct);
        if (roles.Any(r => r is not null && AllTeamRoles.Contains(r))) return new AlertScope.AllTeams();
        if (!roles.Contains(Roles.TeamManager)) return new AlertScope.None();
        var team = await db.Users.Where(u => u.Id == userId).Select(u => u.TeamId).SingleOrDefaultAsync(ct);
        return team is { } id ? new AlertScope.Team(id) : new AlertScope.None();
    }

    /// <summary>Alerts about a worker (a lapse, a leaver's cases), open until a manager acknowledges them.</summary>
    public static readonly IReadOnlyList<AlertKind> AboutWorkers =
        [AlertKind.RegistrationLapsing, AlertKind.TrainingLapsing, AlertKind.CasesLeftUnallocated];

    /// <summary>
    /// Acknowledges an alert and records who did it. False when there is no such alert, or it is not one the user's
    /// alerts list shows them: a team manager acknowledges only their own team's alerts.
    /// </summary>
    public async Task<bool> AcknowledgeAsync(Guid alertId, Guid userId, CancellationToken ct = default)
    {
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null) return false;
        var mine = await ScopeOfAsync(userId, ct) switch
        {
            AlertScope.AllTeams => true,
            AlertScope.Team team => alert.TeamId == team.TeamId && !Flow.FlowWatch.AlertKinds.Contains(alert.Kind),
            _ => false,
        };
        if (!mine) return false;
        if (alert.AcknowledgedAt is not null) return true;
        alert.Acknowledge(userId, db.Time.GetUtcNow());
        db.Record(new AlertAcknowledged(alert.Id, alert.Kind, alert.Message), alert.PersonId, nameof(Alert), alert.Id);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Alerts nobody has acknowledged whose subject is still open (the work still open, the feedback still undelivered).</summary>
    public static IQueryable<Alert> Open(SafeguardDbContext db)
    {
        var unacknowledged = db.Alerts.AsNoTracking().Where(a => a.AcknowledgedAt == null);
        var undelivered = unacknowledged.Where(a => a.Kind == AlertKind.FeedbackUndelivered
            && db.FeedbackMessages.Any(m => m.Id == a.SubjectId && m.Status == FeedbackStatus.Pending));
        var lateWork = unacknowledged.Where(WorkAlertMatch.AboutAnyOf(db.WorkItems.Where(w => w.ClosedAt == null)));
        var aboutWorkers = unacknowledged.Where(a => AboutWorkers.Contains(a.Kind));
        var aboutFlow = unacknowledged.Where(a => Flow.FlowWatch.AlertKinds.Contains(a.Kind));
        return undelivered.Concat(lateWork).Concat(aboutWorkers).Concat(aboutFlow);
    }

    /// <summary>
    /// The open alerts of one team (null: every team). Alerts about the whole flow of work are for service managers and
    /// above, not the front door's team managers.
    /// </summary>
    private IQueryable<Alert> Visible(Guid? teamId) =>
        Open(db).Where(a => teamId == null || (a.TeamId == teamId && !Flow.FlowWatch.AlertKinds.Contains(a.Kind)));

    private async Task<IReadOnlyList<AlertLine>> QueryAsync(Guid? teamId, int max, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        // An alert about a child restricted from this manager still shows, without the message that names the child.
        var hidden = new People.Access.NeedToKnow(db).Hidden();
        // A fall in the flow of work first, then the newest: however many late items a busy service has, a new alert
        // is never below the cut.
        var rows = await (
                from a in Visible(teamId)
                join t in db.Teams on a.TeamId equals t.Id
                orderby Flow.FlowWatch.AlertKinds.Contains(a.Kind) descending, a.RaisedAt descending
                select new
                {
                    a.Id, a.Kind, a.Message, a.SubjectId, a.TeamId, TeamName = t.Name, a.PersonId, a.RaisedAt,
                    Hidden = (a.PersonId != null && hidden.Contains(a.PersonId.Value))
                        || db.ContactChildren.Any(cc => cc.ContactId == a.SubjectId && hidden.Contains(cc.PersonId)),
                })
            .Take(max)
            .ToListAsync(ct);
        return rows.Select(r => new AlertLine(r.Id, r.Kind, OverdueSweep.Title(r.Kind), r.Hidden ? People.Access.NeedToKnow.RestrictedTitle : r.Message,
                r.SubjectId, r.TeamId, r.TeamName,
                r.PersonId, r.RaisedAt, now - r.RaisedAt))
            .ToList();
    }
}
