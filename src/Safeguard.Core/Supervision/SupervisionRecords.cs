using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Safeguard.Core.Allocation;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Supervision;

/// <summary>
/// Records case and personal supervision, by the signed-in supervisor (the worker's line manager or a manager of the
/// worker's team). In one save: the record, a work item per agreed action (subject: the record), the open supervision
/// item closed and the next one opened on the cycle (<see cref="SupervisionDueRule"/>), and the SupervisionRecorded
/// event. Two supervisors recording for the same case at once both keep their records, but only one next-due item stays
/// open: the unique index on open supervision items (and the items' version tokens) refuses the second save, which is
/// then made again from what the first left.
/// </summary>
public sealed class SupervisionRecords(SafeguardDbContext db, WorkItems work, WorkClocks clocks,
    IOptions<SupervisionSettings> settings)
{
    public const int TextMaxLength = 8000;
    public const int ActionMaxLength = 280;
    private const int Attempts = 4;

    private SupervisionSettings Settings => settings.Value;

    /// <summary>The open allocation <paramref name="allocationId"/> as the case supervision page shows it; null when there is none.</summary>
    public async Task<SupervisedCase?> CaseAsync(Guid allocationId, CancellationToken ct = default)
    {
        var row = await (from a in db.CaseAllocations.AsNoTracking()
                         join p in db.People on a.PersonId equals p.Id
                         join u in db.Users on a.WorkerId equals u.Id
                         where a.Id == allocationId && a.EndedAt == null
                         select new
                         {
                             a.Id, a.PersonId, Child = p.GivenName + " " + p.FamilyName, a.WorkerId, Worker = u.DisplayName, u.TeamId,
                             a.CountsAs, a.AllocatedAt,
                         })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var due = await db.WorkItems.AsNoTracking()
            .Where(w => w.Kind == WorkKind.CaseSupervision && w.ClosedAt == null && (w.SubjectId == row.Id || w.PersonId == row.PersonId))
            .OrderBy(w => w.DueAt).Select(w => (DateTimeOffset?)w.DueAt).FirstOrDefaultAsync(ct);
        return new SupervisedCase(row.Id, row.PersonId, row.Child, row.WorkerId, row.Worker, row.TeamId,
            row.CountsAs, row.AllocatedAt, due);
    }

    /// <summary>The open allocation that replaced <paramref name="allocationId"/> (a reallocated case), if any.</summary>
    public Task<Guid?> SuccessorAsync(Guid allocationId, CancellationToken ct = default) =>
        db.CaseAllocations.AsNoTracking().Where(a => a.PreviousAllocationId == allocationId && a.EndedAt == null)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);

    public async Task<SupervisedWorker?> WorkerAsync(Guid userId, CancellationToken ct = default)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.OrganisationId == null)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.TeamId, u.ManagerId,
                Manager = db.Users.Where(m => m.Id == u.ManagerId).Select(m => m.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var due = await db.WorkItems.AsNoTracking()
            .Where(w => w.Kind == WorkKind.PersonalSupervision && w.ClosedAt == null && w.SubjectId == userId)
            .Select(w => (DateTimeOffset?)w.DueAt).FirstOrDefaultAsync(ct);
        return new SupervisedWorker(row.Id, row.DisplayName, row.TeamId, row.ManagerId, row.Manager, due);
    }

    /// <summary>
    /// Whether <paramref name="supervisorId"/> may record <paramref name="workerId"/>'s supervision: they hold the
    /// permission, are not the worker, and are the worker's line manager or a manager of the worker's team.
    /// </summary>
    public Task<bool> MaySuperviseAsync(Guid supervisorId, Guid workerId, CancellationToken ct = default) =>
        db.ManagesAsync(supervisorId, workerId, Permissions.RecordSupervision, ct);

    /// <summary>Who an action can be given to: the worker, the supervisor, then the rest of the worker's team.</summary>
    public async Task<IReadOnlyList<ActionOwner>> OwnerChoicesAsync(Guid workerId, Guid supervisorId, CancellationToken ct = default)
    {
        var team = await db.Users.AsNoTracking().Where(u => u.Id == workerId).Select(u => u.TeamId).SingleOrDefaultAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.OrganisationId == null && (u.Id == workerId || u.Id == supervisorId || (team != null && u.TeamId == team)))
            .Select(u => new ActionOwner(u.Id, u.DisplayName)).ToListAsync(ct);
        return people.OrderBy(p => p.Id == workerId ? 0 : p.Id == supervisorId ? 1 : 2).ThenBy(p => p.Name).ToList();
    }

    public async Task<SupervisionResult> RecordCaseAsync(CaseSupervisionInput input, CancellationToken ct = default)
    {
        var supervisorId = db.Actor.UserId;
        var supervised = await CaseAsync(input.AllocationId, ct);
        if (supervised is null || supervisorId is null) return SupervisionResult.NotFound;
        if (!await MaySuperviseAsync(supervisorId.Value, supervised.WorkerId, ct)) return SupervisionResult.NotSupervisor;

        var errors = new List<(string, string)>();
        var now = db.Time.GetUtcNow();
        CheckHeldAt(input.HeldAt, now, errors);
        if (input.HeldAt is { } held && held < supervised.AllocatedAt && held <= now)
        {
            errors.Add(("HeldAt", $"The supervision must be on or after the case was allocated, {TimeLimits.UkDay(supervised.AllocatedAt):d MMMM yyyy}"));
        }
        CheckText("Reflection", input.Reflection, "Reflection", required: false, errors);
        CheckText("RiskAnalysis", input.RiskAnalysis, "Analysis of risk", required: false, errors);
        CheckText("Decisions", input.Decisions, "Decisions", required: true, errors, "Enter the decisions made");
        var actions = await CheckActionsAsync(input.Actions, now, errors, ct);
        if (errors.Count > 0) return SupervisionResult.Invalid(errors);

        var names = await NamesAsync(supervised.WorkerId, supervisorId.Value, ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var record = new SupervisionRecord(SupervisionKind.Case, supervised.WorkerId, supervisorId.Value, input.HeldAt!.Value,
                supervised.PersonId, supervised.AllocationId)
            {
                Reflection = Tidy(input.Reflection),
                RiskAnalysis = Tidy(input.RiskAnalysis),
                Decisions = Tidy(input.Decisions),
            };
            db.SupervisionRecords.Add(record);
            await OpenActionsAsync(record, actions, supervised.WorkerTeamId, supervised.PersonId, $"Supervision action for {supervised.ChildName}", ct);

            // A child has one open case: its supervision items, whichever allocation they were opened under (a reallocated case's move with it).
            var open = await db.WorkItems
                .Where(w => w.Kind == WorkKind.CaseSupervision && w.ClosedAt == null && (w.SubjectId == supervised.AllocationId || w.PersonId == supervised.PersonId))
                .ToListAsync(ct);
            foreach (var item in open) work.Close(item, now);
            var latest = await LatestHeldAsync(r => r.AllocationId == supervised.AllocationId, record.HeldAt, ct);
            var due = SupervisionDueRule.NextCaseSupervisionDue(clocks.Calendar, Settings, latest, supervised.KindNow);
            var ownerTeam = supervised.WorkerTeamId ?? await db.CaseAllocations.Where(a => a.Id == supervised.AllocationId).Select(a => a.TeamId).SingleAsync(ct);
            var next = work.Open(WorkKind.CaseSupervision, supervised.AllocationId, SupervisionDueRule.CaseTitle(supervised.ChildName), ownerTeam,
                Priority.Standard, supervised.PersonId, now, due);
            work.Reassign(next, ownerTeam, supervised.WorkerId);
            await OpenPersonalIfNoneAsync(supervised.WorkerId, now, ct);

            db.Record(new SupervisionRecorded(record.Id, SupervisionKind.Case, supervised.WorkerId, names.Worker, supervisorId.Value, names.Supervisor,
                record.HeldAt, actions.Count), supervised.PersonId, nameof(SupervisionRecord), record.Id);
            if (await TrySaveAsync(attempt, ct)) return SupervisionResult.Recorded(record.Id);
        }
    }

    public async Task<SupervisionResult> RecordPersonalAsync(PersonalSupervisionInput input, CancellationToken ct = default)
    {
        var supervisorId = db.Actor.UserId;
        var worker = await WorkerAsync(input.WorkerId, ct);
        if (worker is null || supervisorId is null) return SupervisionResult.NotFound;
        if (!await MaySuperviseAsync(supervisorId.Value, worker.Id, ct)) return SupervisionResult.NotSupervisor;

        var errors = new List<(string, string)>();
        var now = db.Time.GetUtcNow();
        CheckHeldAt(input.HeldAt, now, errors);
        CheckText("Wellbeing", input.Wellbeing, "Wellbeing", required: false, errors);
        CheckText("Caseload", input.Caseload, "Caseload", required: false, errors);
        CheckText("Training", input.Training, "Training", required: false, errors);
        if (new[] { input.Wellbeing, input.Caseload, input.Training }.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(("Wellbeing", "Enter what was discussed about wellbeing, caseload or training"));
        }
        var actions = await CheckActionsAsync(input.Actions, now, errors, ct);
        if (errors.Count > 0) return SupervisionResult.Invalid(errors);

        var ownerTeam = worker.TeamId ?? await db.Users.Where(u => u.Id == supervisorId).Select(u => u.TeamId).SingleAsync(ct);
        if (ownerTeam is null) return SupervisionResult.Invalid([("", $"{worker.Name} is in no team, so their supervision cannot be put on a tray")]);
        var names = await NamesAsync(worker.Id, supervisorId.Value, ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var record = new SupervisionRecord(SupervisionKind.Personal, worker.Id, supervisorId.Value, input.HeldAt!.Value, null, null)
            {
                Wellbeing = Tidy(input.Wellbeing),
                Caseload = Tidy(input.Caseload),
                Training = Tidy(input.Training),
            };
            db.SupervisionRecords.Add(record);
            await OpenActionsAsync(record, actions, ownerTeam, null, "Supervision action", ct);

            var open = await db.WorkItems.Where(w => w.Kind == WorkKind.PersonalSupervision && w.ClosedAt == null && w.SubjectId == worker.Id).ToListAsync(ct);
            foreach (var item in open) work.Close(item, now);
            var latest = await LatestHeldAsync(r => r.WorkerId == worker.Id && r.Kind == SupervisionKind.Personal, record.HeldAt, ct);
            OpenPersonal(worker.Id, worker.Name, ownerTeam.Value, SupervisionDueRule.NextPersonalSupervisionDue(clocks.Calendar, Settings, latest), now);

            db.Record(new SupervisionRecorded(record.Id, SupervisionKind.Personal, worker.Id, names.Worker, supervisorId.Value, names.Supervisor,
                record.HeldAt, actions.Count), null, nameof(SupervisionRecord), record.Id);
            if (await TrySaveAsync(attempt, ct)) return SupervisionResult.Recorded(record.Id);
        }
    }

    /// <summary>
    /// Gives every worker with a line manager (in a team, not disabled, not past their leaving date) who has no open
    /// personal supervision item one, due on the cycle from now. Idempotent: run by the background sweep. Returns how
    /// many were opened; a run racing another's saves nothing and leaves the rest to the next run.
    /// </summary>
    public async Task<int> EnsurePersonalSupervisionDueAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var today = TimeLimits.UkDay(now);
        var due = SupervisionDueRule.NextPersonalSupervisionDue(clocks.Calendar, Settings, now);
        var workers = await db.Users.AsNoTracking()
            .Where(u => u.ManagerId != null && u.TeamId != null && !u.IsDisabled && u.OrganisationId == null
                        && (u.EmploymentEndsOn == null || u.EmploymentEndsOn >= today)
                        && !db.WorkItems.Any(w => w.Kind == WorkKind.PersonalSupervision && w.ClosedAt == null && w.SubjectId == u.Id))
            .Select(u => new { u.Id, u.DisplayName, TeamId = u.TeamId!.Value })
            .ToListAsync(ct);
        if (workers.Count == 0) return 0;
        foreach (var w in workers) OpenPersonal(w.Id, w.DisplayName, w.TeamId, due, now);
        try
        {
            await db.SaveChangesAsync(ct);
            return workers.Count;
        }
        catch (DbUpdateException ex) when (IsOpenItemClash(ex))
        {
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private async Task OpenPersonalIfNoneAsync(Guid workerId, DateTimeOffset now, CancellationToken ct)
    {
        var worker = await db.Users.AsNoTracking()
            .Where(u => u.Id == workerId && u.ManagerId != null && u.TeamId != null && !u.IsDisabled
                        && !db.WorkItems.Any(w => w.Kind == WorkKind.PersonalSupervision && w.ClosedAt == null && w.SubjectId == u.Id))
            .Select(u => new { u.DisplayName, TeamId = u.TeamId!.Value })
            .SingleOrDefaultAsync(ct);
        if (worker is null) return;
        OpenPersonal(workerId, worker.DisplayName, worker.TeamId, SupervisionDueRule.NextPersonalSupervisionDue(clocks.Calendar, Settings, now), now);
    }

    private void OpenPersonal(Guid workerId, string workerName, Guid teamId, DateTimeOffset due, DateTimeOffset now)
    {
        var item = work.Open(WorkKind.PersonalSupervision, workerId, SupervisionDueRule.PersonalTitle(workerName), teamId, Priority.Standard,
            null, now, due);
        work.Reassign(item, teamId, workerId);
    }

    private async Task OpenActionsAsync(SupervisionRecord record, IReadOnlyList<(string What, DateOnly DueOn, Guid OwnerId)> actions,
        Guid? defaultTeam, Guid? personId, string titlePrefix, CancellationToken ct)
    {
        if (actions.Count == 0) return;
        var ownerIds = actions.Select(a => a.OwnerId).Distinct().ToList();
        var teams = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.TeamId, ct);
        foreach (var (what, dueOn, ownerId) in actions)
        {
            var team = teams.GetValueOrDefault(ownerId) ?? defaultTeam;
            if (team is null) continue; // checked before: every owner has a team or the worker's is used
            var item = work.Open(WorkKind.AgreedAction, record.Id, $"{titlePrefix}: {what}", team.Value, Priority.Standard, personId,
                db.Time.GetUtcNow(), TimeLimits.EndOfDay(dueOn));
            work.Reassign(item, team.Value, ownerId);
        }
    }

    /// <summary>The latest session matching <paramref name="which"/>, this one included: the cycle runs from it.</summary>
    private async Task<DateTimeOffset> LatestHeldAsync(System.Linq.Expressions.Expression<Func<SupervisionRecord, bool>> which, DateTimeOffset thisOne,
        CancellationToken ct)
    {
        var latest = await db.SupervisionRecords.AsNoTracking().Where(which).OrderByDescending(r => r.HeldAt)
            .Select(r => (DateTimeOffset?)r.HeldAt).FirstOrDefaultAsync(ct);
        return latest is { } l && l > thisOne ? l : thisOne;
    }

    private async Task<bool> TrySaveAsync(int attempt, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException) when (attempt < Attempts)
        {
            return false;
        }
        catch (DbUpdateException ex) when (attempt < Attempts && IsOpenItemClash(ex))
        {
            return false;
        }
    }

    /// <summary>Another save opened the same supervision item first (the unique index on open supervision items).</summary>
    private static bool IsOpenItemClash(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    private async Task<(string Worker, string Supervisor)> NamesAsync(Guid workerId, Guid supervisorId, CancellationToken ct)
    {
        var names = await db.Users.AsNoTracking().Where(u => u.Id == workerId || u.Id == supervisorId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return (names.GetValueOrDefault(workerId, "the worker"), names.GetValueOrDefault(supervisorId, "the supervisor"));
    }

    private static void CheckHeldAt(DateTimeOffset? heldAt, DateTimeOffset now, List<(string, string)> errors)
    {
        if (heldAt is null) errors.Add(("HeldAt", "Enter the date and time the supervision was held"));
        else if (heldAt > now) errors.Add(("HeldAt", "The supervision must have been held now or in the past"));
    }

    private static void CheckText(string field, string? value, string what, bool required, List<(string, string)> errors, string? missing = null)
    {
        if (required && string.IsNullOrWhiteSpace(value)) errors.Add((field, missing ?? $"Enter the {what.ToLowerInvariant()}"));
        else if (value is not null && value.Trim().Length > TextMaxLength) errors.Add((field, $"{what} must be {TextMaxLength} characters or fewer"));
    }

    /// <summary>Each action row: blank rows are left out; a row begun must say what, by when (today or later) and who.</summary>
    private async Task<IReadOnlyList<(string What, DateOnly DueOn, Guid OwnerId)>> CheckActionsAsync(IReadOnlyList<SupervisionAction> rows,
        DateTimeOffset now, List<(string, string)> errors, CancellationToken ct)
    {
        var today = TimeLimits.UkDay(now);
        var ownerIds = rows.Select(r => r.OwnerId).OfType<Guid>().Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id) && !u.IsDisabled && u.OrganisationId == null)
            .Select(u => u.Id).ToListAsync(ct);
        var actions = new List<(string, DateOnly, Guid)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (what, dueOn, ownerId) = rows[i];
            if (string.IsNullOrWhiteSpace(what) && dueOn is null) continue;
            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(what)) errors.Add(($"Actions[{i}].What", $"Enter what action {i + 1} is"));
            else if (what.Trim().Length > ActionMaxLength) errors.Add(($"Actions[{i}].What", $"Action {i + 1} must be {ActionMaxLength} characters or fewer"));
            if (dueOn is null) errors.Add(($"Actions[{i}].DueOn", $"Enter the day action {i + 1} is due by"));
            else if (dueOn < today) errors.Add(($"Actions[{i}].DueOn", $"The day action {i + 1} is due by must be today or in the future"));
            if (ownerId is not { } owner || !owners.Contains(owner)) errors.Add(($"Actions[{i}].OwnerId", $"Select who will do action {i + 1}"));
            if (errors.Count == before) actions.Add((what!.Trim(), dueOn!.Value, ownerId!.Value));
        }
        return actions;
    }

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
