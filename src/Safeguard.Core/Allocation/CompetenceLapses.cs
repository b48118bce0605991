using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

public sealed record LapseResult(int Alerts, int Reallocations);

/// <summary>
/// The competence gate over time (run by the sweep). A Social Work England registration, or training a competence rule
/// needs, that lapses within <see cref="AlertWithinDays"/> days (or has lapsed) alerts the worker's team managers, once
/// per record per lapse. Once it has lapsed, each of the worker's cases that the rules now forbid goes on the team tray
/// as a Reallocation item, due at once, for the manager's decision: once per lapse, never a second while one is open.
/// A registration or training is current up to and including its renewal or expiry day (<see cref="Registration"/>,
/// <see cref="TrainingRecord.IsCurrentOn"/>): it has lapsed the day after.
/// </summary>
public sealed class CompetenceLapses(SafeguardDbContext db, WorkItems work, Caseloads caseloads)
{
    public const int AlertWithinDays = StaffRecords.ExpiringWithinDays;

    /// <summary>The training some competence rule needs; other training lapsing alerts nobody.</summary>
    public static readonly IReadOnlyList<TrainingKind> RuleTraining = CompetenceRules.All.SelectMany(r => r.Training).Distinct().ToList();

    private sealed record Worker(Guid Id, string Name, Guid? TeamId, Guid? ManagerId, string? Number, DateOnly? RenewsOn, bool IsQualified,
        DateOnly? PracticeStartedOn);

    /// <summary>Something of a worker's that lapses: its alert's subject, and the day it is last current.</summary>
    private sealed record Lapse(Guid WorkerId, AlertKind Kind, Guid Subject, DateOnly LastDay, string What);

    public async Task<LapseResult> RunAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var today = TimeLimits.UkDay(now);
        var horizon = today.AddDays(AlertWithinDays);
        var lapses = await LapsesAsync(today, horizon, ct);
        if (lapses.Count == 0) return new LapseResult(0, 0);
        var workerIds = lapses.Select(l => l.WorkerId).Distinct().ToList();
        var workers = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id))
            .Select(u => new Worker(u.Id, u.DisplayName, u.TeamId, u.ManagerId, u.SocialWorkEnglandNumber, u.RegistrationRenewsOn, u.IsQualified,
                u.PracticeStartedOn))
            .ToDictionaryAsync(w => w.Id, ct);
        var alerts = await AlertAsync(lapses, workers, today, now, ct);
        var lapsed = lapses.Where(l => l.LastDay < today).GroupBy(l => l.WorkerId).ToDictionary(g => g.Key, g => g.Min(l => l.LastDay).AddDays(1));
        var reallocations = await ReallocateAsync(lapsed, workers, today, now, ct);
        return new LapseResult(alerts, reallocations);
    }

    /// <summary>Registrations and rule training lapsing by <paramref name="horizon"/> (or lapsed), of active staff.</summary>
    private async Task<List<Lapse>> LapsesAsync(DateOnly today, DateOnly horizon, CancellationToken ct)
    {
        var active = db.Users.Where(u => !u.IsDisabled && (u.EmploymentEndsOn == null || u.EmploymentEndsOn >= today));
        var registrations = await active.AsNoTracking()
            .Where(u => u.SocialWorkEnglandNumber != null && u.RegistrationRenewsOn <= horizon)
            .Select(u => new { u.Id, u.DisplayName, u.SocialWorkEnglandNumber, RenewsOn = u.RegistrationRenewsOn!.Value })
            .ToListAsync(ct);
        var training = await db.TrainingRecords.AsNoTracking()
            .Where(t => RuleTraining.Contains(t.Kind) && active.Any(u => u.Id == t.UserId)
                        && db.TrainingRecords.Any(x => x.UserId == t.UserId && x.Kind == t.Kind && x.ExpiresOn <= horizon))
            .ToListAsync(ct);
        var trainedIds = training.Select(t => t.UserId).Distinct().ToList();
        var names = await active.AsNoTracking().Where(u => trainedIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var lapses = registrations.Select(r => new Lapse(r.Id, AlertKind.RegistrationLapsing, AlertSubjects.For("registration", r.Id, r.RenewsOn),
            r.RenewsOn, $"{r.DisplayName}'s Social Work England registration ({r.SocialWorkEnglandNumber})")).ToList();
        foreach (var held in training.GroupBy(t => (t.UserId, t.Kind)))
        {
            // Renewed (a later record runs past the horizon, or never expires): nothing is lapsing.
            if (held.Any(t => t.ExpiresOn is null || t.ExpiresOn > horizon)) continue;
            var latest = held.MaxBy(t => t.ExpiresOn)!;
            lapses.Add(new Lapse(held.Key.UserId, AlertKind.TrainingLapsing, latest.Id, latest.ExpiresOn!.Value,
                $"{names.GetValueOrDefault(held.Key.UserId, "A worker")}'s training in \"{held.Key.Kind.Words()}\""));
        }
        return lapses;
    }

    private async Task<int> AlertAsync(List<Lapse> lapses, Dictionary<Guid, Worker> workers, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var subjects = lapses.Select(l => l.Subject).ToList();
        var raised = (await db.Alerts.AsNoTracking().Where(a => subjects.Contains(a.SubjectId)).Select(a => new { a.Kind, a.SubjectId }).ToListAsync(ct))
            .Select(a => (a.Kind, a.SubjectId)).ToHashSet();
        var managerTeams = await ManagerTeamsAsync(workers.Values, ct);
        var count = 0;
        foreach (var lapse in lapses.Where(l => !raised.Contains((l.Kind, l.Subject))))
        {
            var worker = workers[lapse.WorkerId];
            // Alerts go to a team's managers: the worker's team, or else their line manager's.
            if ((worker.TeamId ?? managerTeams.GetValueOrDefault(worker.Id)) is not { } team) continue;
            var message = lapse.LastDay < today ? $"{lapse.What} lapsed on {lapse.LastDay:d MMMM yyyy}"
                : $"{lapse.What} lapses on {lapse.LastDay:d MMMM yyyy} ({InDays(lapse.LastDay.DayNumber - today.DayNumber)})";
            var alert = new Alert(lapse.Kind, lapse.Subject, team, message, now);
            db.Alerts.Add(alert);
            db.Record(new AlertRaised(alert.Id, alert.Kind, message), null, nameof(Alert), alert.Id);
            count++;
        }
        return await SaveAsync(ct) ? count : 0;
    }

    private async Task<int> ReallocateAsync(Dictionary<Guid, DateOnly> lapsedSince, Dictionary<Guid, Worker> workers, DateOnly today,
        DateTimeOffset now, CancellationToken ct)
    {
        if (lapsedSince.Count == 0) return 0;
        var ids = lapsedSince.Keys.ToList();
        var cases = await caseloads.OpenCasesAsync(ids, ct);
        if (cases.Count == 0) return 0;
        var training = (await db.TrainingRecords.AsNoTracking().Where(t => ids.Contains(t.UserId)).ToListAsync(ct)).ToLookup(t => t.UserId);
        var allocationIds = cases.Select(c => c.AllocationId).ToList();
        var teams = await db.CaseAllocations.AsNoTracking().Where(a => allocationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.TeamId, ct);
        var earlier = await db.WorkItems.AsNoTracking().Where(w => w.Kind == WorkKind.Reallocation && allocationIds.Contains(w.SubjectId))
            .Select(w => new { w.SubjectId, w.OpenedAt, w.ClosedAt }).ToListAsync(ct);
        var names = await Leavers.ChildNamesAsync(db, cases.Select(c => c.PersonId).Distinct().ToList(), ct);
        var count = 0;
        foreach (var c in cases)
        {
            var worker = workers[c.WorkerId];
            var competence = new WorkerCompetence(worker.Number, worker.RenewsOn, worker.IsQualified, worker.PracticeStartedOn, training[c.WorkerId].ToList());
            var reasons = CompetenceRules.Check(competence, c.Kind, today);
            if (reasons.Count == 0) continue;
            var lapseStarted = TimeLimits.UkLocal(lapsedSince[c.WorkerId], TimeOnly.MinValue);
            // Once per lapse: not while one is open, nor again after the manager decided on this lapse.
            if (earlier.Any(w => w.SubjectId == c.AllocationId && (w.ClosedAt is null || w.OpenedAt >= lapseStarted))) continue;
            work.Open(WorkKind.Reallocation, c.AllocationId,
                $"Decide who holds {names.GetValueOrDefault(c.PersonId, "a child")}'s case, held by {worker.Name}: {reasons[0]}",
                teams[c.AllocationId], Leavers.PriorityOf(c.Kind), c.PersonId, now, now);
            count++;
        }
        return await SaveAsync(ct) ? count : 0;
    }

    /// <summary>Each worker's line manager's team, for workers in no team.</summary>
    private async Task<Dictionary<Guid, Guid?>> ManagerTeamsAsync(IEnumerable<Worker> workers, CancellationToken ct)
    {
        var byManager = workers.Where(w => w.TeamId is null && w.ManagerId is not null).ToList();
        var managerIds = byManager.Select(w => w.ManagerId!.Value).Distinct().ToList();
        var teams = await db.Users.AsNoTracking().Where(u => managerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.TeamId, ct);
        return byManager.ToDictionary(w => w.Id, w => teams.GetValueOrDefault(w.ManagerId!.Value));
    }

    /// <summary>Saves; another sweep raising the same alerts first (the unique index) leaves them for the next run.</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static string InDays(int days) => days switch { 0 => "today", 1 => "tomorrow", _ => $"in {days} days" };
}
