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
/// managers: contacts not decided in time, feedback not sent in time, feedback the mail provider keeps refusing,
/// and referrals not allocated in time. Idempotent and safe to run from two instances at once: the unique index
/// on (Kind, SubjectId) lets only one alert in, and the loser's insert is dropped.
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
        candidates.AddRange(await LateContactWorkAsync(WorkKind.ScreeningDecision, AlertKind.ContactOverdue, now, ct));
        candidates.AddRange(await LateContactWorkAsync(WorkKind.ReferrerFeedback, AlertKind.FeedbackOverdue, now, ct));
        candidates.AddRange(await UndeliveredFeedbackAsync(ct));
        candidates.AddRange(await LateAllocationsAsync(now, ct));
        candidates.AddRange(await UnreadInformationAsync(now, ct));
        if (candidates.Count == 0) return new SweepResult(0, 0);

        var raised = await InsertAsync(candidates, now, ct);
        var emailed = 0;
        if (options.EmailAlertsToManagers && notifier is not null && raised.Count > 0)
        {
            emailed = await EmailManagersAsync(raised, ct);
        }
        return new SweepResult(raised.Count, emailed);
    }

    private async Task<IReadOnlyList<Candidate>> LateContactWorkAsync(WorkKind workKind, AlertKind alertKind, DateTimeOffset now, CancellationToken ct)
    {
        var late = await (
                from w in db.WorkItems.AsNoTracking()
                join c in db.Contacts on w.SubjectId equals c.Id
                where w.Kind == workKind && w.ClosedAt == null && w.DueAt < now
                      && !db.Alerts.Any(a => a.Kind == alertKind && a.SubjectId == w.SubjectId)
                orderby w.DueAt
                select new { w.SubjectId, w.OwnerTeamId, w.PersonId, w.DueAt, c.Reference, c.ReferrerName })
            .Take(MaxPerKind)
            .ToListAsync(ct);
        if (late.Count == 0) return [];
        var names = await ChildNamesAsync(late.Select(l => l.SubjectId).ToList(), ct);
        return late
            .GroupBy(l => l.SubjectId)
            .Select(g => g.First())
            .Select(l =>
            {
                var about = names.TryGetValue(l.SubjectId, out var n) ? n : "a child";
                var message = alertKind == AlertKind.ContactOverdue
                    ? $"Contact {l.Reference} about {about} is {Lateness(now - l.DueAt)} late for a screening decision"
                    : $"Feedback to {l.ReferrerName} on contact {l.Reference} about {about} is {Lateness(now - l.DueAt)} late";
                return new Candidate(alertKind, l.SubjectId, l.OwnerTeamId, l.PersonId, message);
            })
            .ToList();
    }

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

    private async Task<IReadOnlyList<Candidate>> LateAllocationsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var late = await db.WorkItems.AsNoTracking()
            .Where(w => w.Kind == WorkKind.Allocation && w.ClosedAt == null && w.DueAt < now
                        && !db.Alerts.Any(a => a.Kind == AlertKind.AllocationOverdue && a.SubjectId == w.SubjectId))
            .OrderBy(w => w.DueAt)
            .Select(w => new { w.SubjectId, w.OwnerTeamId, w.PersonId, w.DueAt, w.Title })
            .Take(MaxPerKind)
            .ToListAsync(ct);
        return late
            .GroupBy(l => l.SubjectId)
            .Select(g => g.First())
            .Select(l => new Candidate(AlertKind.AllocationOverdue, l.SubjectId, l.OwnerTeamId, l.PersonId,
                Truncate($"{l.Title}: allocation is {Lateness(now - l.DueAt)} late")))
            .ToList();
    }

    /// <summary>New information from a referrer about a decided contact, not read in time (one alert per piece).</summary>
    private async Task<IReadOnlyList<Candidate>> UnreadInformationAsync(DateTimeOffset now, CancellationToken ct)
    {
        var late = await db.WorkItems.AsNoTracking()
            .Where(w => w.Kind == WorkKind.ReadNewInformation && w.ClosedAt == null && w.DueAt < now
                        && !db.Alerts.Any(a => a.Kind == AlertKind.InformationUnread && a.SubjectId == w.SubjectId))
            .OrderBy(w => w.DueAt)
            .Select(w => new { w.SubjectId, w.OwnerTeamId, w.PersonId, w.DueAt, w.Title })
            .Take(MaxPerKind)
            .ToListAsync(ct);
        return late
            .Select(l => new Candidate(AlertKind.InformationUnread, l.SubjectId, l.OwnerTeamId, l.PersonId,
                Truncate($"{l.Title}: not read, {Lateness(now - l.DueAt)} late")))
            .ToList();
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

    public static string Title(AlertKind kind) => kind switch
    {
        AlertKind.ContactOverdue => "contact not decided in time",
        AlertKind.FeedbackOverdue => "referrer not told the outcome in time",
        AlertKind.FeedbackUndelivered => "feedback to a referrer not delivered",
        AlertKind.AllocationOverdue => "referral not allocated in time",
        AlertKind.InformationUnread => "new information from a referrer not read in time",
        _ => kind.ToString(),
    };

    /// <summary>"45 minutes", "1 hour", "26 hours".</summary>
    public static string Lateness(TimeSpan late)
    {
        if (late < TimeSpan.FromHours(1)) return Text.Plural.Count(Math.Max(1, (int)late.TotalMinutes), "minute");
        return Text.Plural.Count((int)late.TotalHours, "hour");
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..997] + "...";
}
