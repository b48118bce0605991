using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Notifications;
using Safeguard.Core.Security;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Oversight;

public sealed record SweepResult(int Raised, int Emailed);

/// <summary>
/// Looks for work that is late and raises one <see cref="Alert"/> per subject and kind for the owning team's
/// managers: open work items past their due time whose kind alerts when late (one query; the kinds, alert kinds and
/// wording are in <see cref="WorkCatalogue"/>), and feedback the mail provider keeps refusing. Idempotent and safe to
/// run from two instances at once: the unique index on (Kind, SubjectId) lets only one alert in, and the loser's insert
/// is dropped.
/// </summary>
public sealed class OverdueSweep(SafeguardDbContext db, NotificationOptions options, INotifier? notifier = null,
    ILogger<OverdueSweep>? logger = null)
{
    /// <summary>Most alerts of one kind raised in one run, so a first run on a big backlog stays short.</summary>
    public const int MaxPerKind = 500;

    private readonly ILogger _log = logger ?? NullLogger<OverdueSweep>.Instance;

    private sealed record Candidate(AlertKind Kind, Guid SubjectId, Guid TeamId, Guid? PersonId, string Message);

    public async Task<SweepResult> RunAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var candidates = new List<Candidate>();
        candidates.AddRange(await LateWorkAsync(now, ct));
        candidates.AddRange(await UndeliveredFeedbackAsync(ct));
        if (candidates.Count == 0) return new SweepResult(0, 0);

        var raised = await InsertAsync(candidates, now, ct);
        var emailed = 0;
        if (options.EmailAlertsToManagers && notifier is not null && raised.Count > 0)
        {
            // An overdue recommendation is its owner's and the heads of service's to know of, not a team manager's.
            emailed = await EmailManagersAsync(raised.Where(a => a.Kind != AlertKind.RecommendationOverdue).ToList(), ct);
            emailed += await new RecommendationOverdueNotices(db, notifier, _log).SendAsync(raised, ct);
        }
        return new SweepResult(raised.Count, emailed);
    }

    /// <summary>
    /// One query over open work items past their due time whose kind alerts when late (<see cref="WorkCatalogue"/>) and
    /// that have no alert of that kind yet, soonest due first: one alert per subject and kind, at most
    /// <see cref="MaxPerKind"/> of each kind in one run, worded by the kind's catalogue entry.
    /// </summary>
    private async Task<IReadOnlyList<Candidate>> LateWorkAsync(DateTimeOffset now, CancellationToken ct)
    {
        var alerting = WorkCatalogue.Alerting.Select(a => a.Kind).ToList();
        if (alerting.Count == 0) return [];
        var late = await (
                from w in db.WorkItems.AsNoTracking()
                    .Where(w => alerting.Contains(w.Kind) && w.ClosedAt == null && w.DueAt < now)
                    .Where(Not(WorkAlertMatch.Alerted(db.Alerts)))
                join c in db.Contacts on w.SubjectId equals c.Id into contacts
                from c in contacts.DefaultIfEmpty()
                orderby w.DueAt
                select new
                {
                    w.Kind, w.SubjectId, w.OwnerTeamId, w.PersonId, w.DueAt, w.Title,
                    Reference = c == null ? null : c.Reference, ReferrerName = c == null ? null : c.ReferrerName,
                })
            .Take(MaxPerKind * alerting.Count)
            .ToListAsync(ct);
        if (late.Count == 0) return [];
        var names = await ChildNamesAsync(late.Where(l => l.Reference is not null).Select(l => l.SubjectId).Distinct().ToList(), ct);
        return late
            .Select(l => (Item: l, Alert: WorkCatalogue.For(l.Kind).WhenLate!))
            .DistinctBy(l => (l.Alert.Kind, l.Item.SubjectId))
            .GroupBy(l => l.Alert.Kind)
            .SelectMany(g => g.Take(MaxPerKind))
            .Select(l => new Candidate(l.Alert.Kind, l.Item.SubjectId, l.Item.OwnerTeamId, l.Item.PersonId,
                l.Alert.Message(new LateWork(l.Item.Title, Lateness(now - l.Item.DueAt), l.Item.Reference, l.Item.ReferrerName,
                    names.TryGetValue(l.Item.SubjectId, out var n) ? n : "a child"))))
            .ToList();
    }

    private static Expression<Func<WorkItem, bool>> Not(Expression<Func<WorkItem, bool>> predicate) =>
        Expression.Lambda<Func<WorkItem, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private async Task<IReadOnlyList<Candidate>> UndeliveredFeedbackAsync(CancellationToken ct)
    {
        var attempts = Math.Max(1, options.UndeliveredAlertAttempts);
        var stuck = await (
                from m in db.FeedbackMessages.AsNoTracking()
                join c in db.Contacts on m.ContactId equals c.Id
                where m.Status == FeedbackStatus.Pending && m.Attempts >= attempts
                      && !db.Alerts.Any(a => a.Kind == AlertKind.FeedbackUndelivered && a.SubjectId == m.Id)
                orderby m.CreatedAt
                select new
                {
                    m.Id, m.ToEmail, m.Attempts, m.LastError, c.Reference,
                    Team = db.WorkItems.Where(w => w.SubjectId == c.Id && w.Kind == WorkKind.ReferrerFeedback)
                        .Select(w => (Guid?)w.OwnerTeamId).FirstOrDefault(),
                    Person = db.ContactChildren.Where(cc => cc.ContactId == c.Id).Select(cc => (Guid?)cc.PersonId).FirstOrDefault(),
                })
            .Take(MaxPerKind)
            .ToListAsync(ct);
        if (stuck.Count == 0) return [];
        var frontDoor = await db.Teams.FirstOfKindAsync(TeamKind.FrontDoor, ct);
        var result = new List<Candidate>();
        foreach (var m in stuck)
        {
            var team = m.Team ?? frontDoor;
            if (team is null) continue;
            result.Add(new Candidate(AlertKind.FeedbackUndelivered, m.Id, team.Value, m.Person,
                Truncate($"Feedback on contact {m.Reference} to {m.ToEmail} has not been delivered after {Text.Plural.Count(m.Attempts, "attempt")}: {m.LastError ?? "no error given"}")));
        }
        return result;
    }

    /// <summary>Adds the alerts in one save; if another instance got some in first, adds them one by one, skipping those.</summary>
    private async Task<IReadOnlyList<Alert>> InsertAsync(IReadOnlyList<Candidate> candidates, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var alerts = candidates.Select(c => Add(c, now)).ToList();
            await db.SaveChangesAsync(ct);
            return alerts;
        }
        catch (Exception ex) when (RacedAnotherSweep(ex))
        {
            db.ChangeTracker.Clear();
        }

        var raised = new List<Alert>();
        foreach (var candidate in candidates)
        {
            try
            {
                var alert = Add(candidate, now);
                await db.SaveChangesAsync(ct);
                raised.Add(alert);
            }
            catch (Exception ex) when (RacedAnotherSweep(ex))
            {
                // Raised by another instance between our read and our insert.
                db.ChangeTracker.Clear();
            }
        }
        return raised;
    }

    /// <summary>
    /// Another sweep inserted some of the same alerts at the same time: the unique index refused ours, or, inserting
    /// several in a different order, the two saves deadlocked (PostgreSQL reports that as a transient failure wrapping
    /// the update exception). One alert at a time can only wait or be refused, never deadlock.
    /// </summary>
    private static bool RacedAnotherSweep(Exception ex) => ex is DbUpdateException || ex.InnerException is DbUpdateException;

    private Alert Add(Candidate c, DateTimeOffset now)
    {
        var alert = new Alert(c.Kind, c.SubjectId, c.TeamId, Truncate(c.Message), now, c.PersonId);
        db.Alerts.Add(alert);
        db.Record(new AlertRaised(alert.Id, c.Kind, alert.Message), c.PersonId, nameof(Alert), alert.Id);
        return alert;
    }

    /// <summary>Emails each new alert to the team managers of its team. Best effort: the alert itself is already saved.</summary>
    private async Task<int> EmailManagersAsync(IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        var teams = alerts.Select(a => a.TeamId).Distinct().ToList();
        var managers = await (
                from u in db.Users.AsNoTracking()
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.TeamManager && u.TeamId != null && teams.Contains(u.TeamId.Value) && u.Email != null
                select new { TeamId = u.TeamId!.Value, Email = u.Email!, u.IsDisabled })
            .ToListAsync(ct);
        var emailed = 0;
        foreach (var alert in alerts)
        {
            foreach (var manager in managers.Where(m => m.TeamId == alert.TeamId && !m.IsDisabled).DistinctBy(m => m.Email))
            {
                try
                {
                    await notifier!.SendAsync(new EmailNotification(manager.Email, $"Safeguard alert: {Title(alert.Kind)}",
                        $"{alert.Message}\n\nSee the alerts on the front door tray in Safeguard.", alert.Id.ToString()), ct);
                    emailed++;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    _log.LogWarning(ex, "Alert {AlertId} could not be emailed to a manager of team {TeamId}", alert.Id, alert.TeamId);
                }
            }
        }
        return emailed;
    }

    private async Task<Dictionary<Guid, string>> ChildNamesAsync(List<Guid> contactIds, CancellationToken ct)
    {
        var rows = await (
                from cc in db.ContactChildren.AsNoTracking()
                join p in db.People on cc.PersonId equals p.Id
                where contactIds.Contains(cc.ContactId)
                select new { cc.ContactId, Name = p.GivenName + " " + p.FamilyName })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ContactId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(r => r.Name.Trim())));
    }

    /// <summary>What an alert of <paramref name="kind"/> is about, in words: from the catalogue for late work.</summary>
    public static string Title(AlertKind kind) =>
        WorkCatalogue.AlertOf(kind)?.Title ?? kind switch
        {
            AlertKind.FeedbackUndelivered => "feedback to a referrer not delivered",
            AlertKind.RegistrationLapsing => "worker's registration lapsing",
            AlertKind.TrainingLapsing => "worker's training lapsing",
            AlertKind.CasesLeftUnallocated => "cases left without a worker",
            AlertKind.FlowDropped => "flow of work fell",
            AlertKind.FlowStopped => "flow of work stopped",
            AlertKind.PartnerReferralsStopped => "partner's referrals stopped",
            _ => kind.ToString(),
        };

    /// <summary>"45 minutes", "1 hour", "26 hours".</summary>
    public static string Lateness(TimeSpan late)
    {
        if (late < TimeSpan.FromHours(1)) return Text.Plural.Count(Math.Max(1, (int)late.TotalMinutes), "minute");
        return Text.Plural.Count((int)late.TotalHours, "hour");
    }

    private static string Truncate(string text) => Text.Clip.WithMarker(text, 1000);
}
