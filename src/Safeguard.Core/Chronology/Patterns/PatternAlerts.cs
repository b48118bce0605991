using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.People;
using Safeguard.Core.Text;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Chronology.Patterns;

public enum AcknowledgeOutcome { Acknowledged, Invalid, NotFound, NotYours, AlreadyAcknowledged, ChangedElsewhere }

public sealed record AcknowledgeResult(AcknowledgeOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static AcknowledgeResult Of(AcknowledgeOutcome outcome) => new(outcome, []);
}

/// <summary>A pattern alert as the child's record and its page show it.</summary>
public sealed record PatternAlertLine(Guid Id, Guid PersonId, PatternRule Rule, string Details, DateTimeOffset RaisedAt,
    string OwnerTeamName, string? OwnerName, DateTimeOffset? AcknowledgedAt, string? AcknowledgedByName, string? Note, int Version)
{
    public string Title => PatternWords.Title(Rule);

    public bool IsOpen => AcknowledgedAt is null;
}

/// <summary>
/// Raises and acknowledges pattern alerts. An alert is work (<see cref="WorkKind.PatternAlert"/>) for the child's
/// allocated worker, or the front door team when nobody holds the case, and an alert for that team's managers; it is
/// open on the child's record until the worker, a colleague in that team or a manager acknowledges it with a note of
/// what was done. Each rule alerts once for the record that completed its pattern, and not again while an alert of
/// that rule is open (or for anything recorded before the last one was acknowledged).
/// </summary>
public sealed class PatternAlerts(SafeguardDbContext db, WorkItems work, IOptions<PatternAlertSettings> options)
{
    /// <summary>Runs every rule on the child's record; raises and saves the alerts it finds.</summary>
    public async Task<IReadOnlyList<PatternAlert>> CheckChildAsync(Guid personId, CancellationToken ct = default)
    {
        var settings = options.Value;
        var facts = await new PatternFactsReader(db).ReadAsync(personId, ct);
        if (facts is null) return [];
        var recentFrom = db.Time.GetUtcNow().AddDays(-settings.RecentDays);
        var earlier = await db.PatternAlerts.AsNoTracking().Where(a => a.PersonId == personId)
            .Select(a => new { a.Rule, a.Trigger, a.AcknowledgedAt }).ToListAsync(ct);
        var findings = new List<PatternFinding>();
        foreach (var rule in PatternRules.All.Where(r => r.IsEnabled(settings)))
        {
            var latest = rule.Find(facts, settings).Where(f => f.TriggerRecordedAt >= recentFrom).MaxBy(f => f.TriggerRecordedAt);
            if (latest is null) continue;
            var same = earlier.Where(e => e.Rule == rule.Rule).ToList();
            if (same.Any(e => e.Trigger == latest.Trigger || e.AcknowledgedAt is null || e.AcknowledgedAt >= latest.TriggerRecordedAt)) continue;
            findings.Add(latest);
        }
        if (findings.Count == 0) return [];

        var raised = new List<PatternAlert>();
        var owner = await OwnerAsync(personId, ct);
        var child = await ChildNameAsync(personId, ct);
        foreach (var finding in findings) raised.Add(Raise(personId, child, finding, owner));
        try
        {
            await db.SaveChangesAsync(ct);
            return raised;
        }
        catch (DbUpdateException)
        {
            // Another sweep raised them first (the unique index on rule and trigger): nothing is lost.
            db.ChangeTracker.Clear();
            if (await AlreadyRaisedAsync(personId, findings, ct)) return [];
            throw;
        }
    }

    private PatternAlert Raise(Guid personId, string child, PatternFinding finding, (Guid TeamId, Guid? WorkerId) owner)
    {
        var now = db.Time.GetUtcNow();
        var alert = new PatternAlert(personId, finding.Rule, finding.Trigger, finding.Details, now);
        db.PatternAlerts.Add(alert);
        var title = $"{PatternWords.Title(finding.Rule)}: {child}";
        var item = work.Open(WorkKind.PatternAlert, alert.Id, title, owner.TeamId, Priority.Urgent, personId, now);
        if (owner.WorkerId is { } worker) work.Reassign(item, owner.TeamId, worker);
        var managers = new Alert(AlertKind.PatternFound, alert.Id, owner.TeamId, $"{title}. {alert.Details}", now, personId);
        db.Alerts.Add(managers);
        db.Record(new AlertRaised(managers.Id, managers.Kind, managers.Message), personId, nameof(Alert), managers.Id);
        db.Record(new PatternAlertRaised(alert.Id, alert.Rule, alert.Details), personId, nameof(PatternAlert), alert.Id);
        return alert;
    }

    /// <summary>The worker who holds the child's case, on their team; or the front door team when nobody does.</summary>
    private async Task<(Guid TeamId, Guid? WorkerId)> OwnerAsync(Guid personId, CancellationToken ct)
    {
        var open = await OpenCase.Of(db, [personId]).FirstOrDefaultAsync(ct);
        if (open is not null) return (open.TeamId, open.WorkerId);
        var frontDoor = await db.Teams.FirstOfKindAsync(TeamKind.FrontDoor, ct)
            ?? throw new InvalidOperationException("There is no front door team to own pattern alerts. Add a team of kind FrontDoor.");
        return (frontDoor, null);
    }

    private Task<bool> AlreadyRaisedAsync(Guid personId, IReadOnlyList<PatternFinding> findings, CancellationToken ct)
    {
        var triggers = findings.Select(f => f.Trigger).ToList();
        return db.PatternAlerts.AsNoTracking().AnyAsync(a => a.PersonId == personId && triggers.Contains(a.Trigger), ct);
    }

    /// <summary>The child's alerts, open first, then the acknowledged ones, newest first.</summary>
    public async Task<IReadOnlyList<PatternAlertLine>> ForChildAsync(Guid personId, CancellationToken ct = default)
    {
        var records = await db.WithMergedAsync(personId, ct);
        var rows = await (from a in db.PatternAlerts.AsNoTracking()
                          where records.Contains(a.PersonId)
                          join w in db.WorkItems.AsNoTracking().Where(w => w.Kind == WorkKind.PatternAlert) on a.Id equals w.SubjectId into items
                          from w in items.DefaultIfEmpty()
                          join t in db.Teams.AsNoTracking() on w.OwnerTeamId equals t.Id into teams
                          from t in teams.DefaultIfEmpty()
                          select new
                          {
                              a.Id, a.PersonId, a.Rule, a.Details, a.RaisedAt, Team = t.Name, OwnerUserId = (Guid?)w.OwnerUserId,
                              a.AcknowledgedAt, a.AcknowledgedBy, a.Note, a.Version,
                          })
            .ToListAsync(ct);
        var people = rows.SelectMany(r => new[] { r.OwnerUserId, r.AcknowledgedBy }).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows
            .Select(r => new PatternAlertLine(r.Id, r.PersonId, r.Rule, r.Details, r.RaisedAt, r.Team ?? "", Name(r.OwnerUserId), r.AcknowledgedAt,
                Name(r.AcknowledgedBy), r.Note, r.Version))
            .OrderBy(l => l.IsOpen ? 0 : 1).ThenByDescending(l => l.AcknowledgedAt ?? l.RaisedAt)
            .ToList();

        string? Name(Guid? id) => id is { } key ? names.GetValueOrDefault(key) : null;
    }

    public Task<string> ChildNameAsync(Guid personId, CancellationToken ct = default) =>
        db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => (p.GivenName + " " + p.FamilyName).Trim()).SingleAsync(ct);

    public async Task<PatternAlertLine?> FindAsync(Guid alertId, CancellationToken ct = default)
    {
        var personId = await db.PatternAlerts.AsNoTracking().Where(a => a.Id == alertId).Select(a => (Guid?)a.PersonId).SingleOrDefaultAsync(ct);
        return personId is { } id ? (await ForChildAsync(id, ct)).SingleOrDefault(l => l.Id == alertId) : null;
    }

    /// <summary>
    /// Who may acknowledge: the worker the alert's work is assigned to, anyone in the team that owns it (the front door
    /// team for a child nobody holds, the worker's team and its managers), and service managers and above.
    /// </summary>
    public async Task<bool> MayAcknowledgeAsync(Guid alertId, Guid userId, CancellationToken ct = default)
    {
        var item = await db.WorkItems.AsNoTracking().Where(w => w.Kind == WorkKind.PatternAlert && w.SubjectId == alertId)
            .Select(w => new { w.OwnerTeamId, w.OwnerUserId }).FirstOrDefaultAsync(ct);
        if (item is null) return false;
        if (item.OwnerUserId == userId) return true;
        var team = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TeamId).SingleOrDefaultAsync(ct);
        if (team == item.OwnerTeamId) return true;
        return await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name)
            .AnyAsync(r => r != null && ManagerAlerts.AllTeamRoles.Contains(r), ct);
    }

    /// <summary>
    /// Acknowledges the alert with a note of what was done: its work closes and its managers' alert with it. Made from
    /// <paramref name="version"/>: of two people acknowledging at once, one is saved and the other told.
    /// </summary>
    public async Task<AcknowledgeResult> AcknowledgeAsync(Guid alertId, Guid userId, string? note, int version, CancellationToken ct = default)
    {
        var alert = await db.PatternAlerts.SingleOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null) return AcknowledgeResult.Of(AcknowledgeOutcome.NotFound);
        if (!await MayAcknowledgeAsync(alertId, userId, ct)) return AcknowledgeResult.Of(AcknowledgeOutcome.NotYours);
        if (!alert.IsOpen) return AcknowledgeResult.Of(AcknowledgeOutcome.AlreadyAcknowledged);
        var errors = new List<(string, string)>();
        RequiredText.Check("Note", note, PatternAlert.NoteMaxLength, "Enter what was done about this alert", errors);
        if (errors.Count > 0) return new AcknowledgeResult(AcknowledgeOutcome.Invalid, errors);
        if (alert.Version != version) return AcknowledgeResult.Of(AcknowledgeOutcome.ChangedElsewhere);

        var now = db.Time.GetUtcNow();
        alert.Acknowledge(userId, now, note!.Trim());
        foreach (var item in await work.OpenAboutAsync(alert.Id, [WorkKind.PatternAlert], ct)) work.Close(item, now);
        foreach (var managers in await db.Alerts.Where(a => a.SubjectId == alert.Id && a.Kind == AlertKind.PatternFound && a.AcknowledgedAt == null).ToListAsync(ct))
        {
            managers.Acknowledge(userId, now);
            db.Record(new AlertAcknowledged(managers.Id, managers.Kind, managers.Message), alert.PersonId, nameof(Alert), managers.Id);
        }
        db.Record(new PatternAlertAcknowledged(alert.Id, alert.Rule, alert.Note!), alert.PersonId, nameof(PatternAlert), alert.Id);
        return AcknowledgeResult.Of(await db.SaveUnlessChangedElsewhereAsync(ct) ? AcknowledgeOutcome.Acknowledged : AcknowledgeOutcome.ChangedElsewhere);
    }
}
