using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Workforce;

/// <summary>A member of staff as the staff list shows them.</summary>
public sealed record StaffLine(Guid Id, string Name, string? TeamName, IReadOnlyList<string> Roles, string? RegistrationNumber,
    DateOnly? RegistrationRenewsOn, bool Registered, bool NewlyQualified, EmploymentKind? Employment, DateOnly? EmploymentEndsOn, bool IsDisabled);

/// <summary>One staff record, with its training and absences, and the token a form carries to detect someone else's change.</summary>
public sealed record StaffRecord(Guid Id, string Name, string Email, string? TeamName, string ConcurrencyStamp,
    string? RegistrationNumber, DateOnly? RegistrationRenewsOn, bool IsQualified, DateOnly? PracticeStartedOn,
    EmploymentKind? Employment, DateOnly? EmploymentStartsOn, DateOnly? EmploymentEndsOn, double FullTimeEquivalent,
    Guid? ManagerId, string? ManagerName, IReadOnlyList<TrainingRecord> Training, IReadOnlyList<StaffAbsence> Absences);

/// <summary>What the staff record form sends, typed (the page has already read the dates and numbers).</summary>
public sealed record StaffRecordChange(string? RegistrationNumber, DateOnly? RegistrationRenewsOn, bool IsQualified,
    DateOnly? PracticeStartedOn, EmploymentKind? Employment, DateOnly? EmploymentStartsOn, DateOnly? EmploymentEndsOn,
    double? FullTimeEquivalent, Guid? ManagerId);

/// <summary>Someone who can be a line manager, for the list to choose from.</summary>
public sealed record ManagerChoice(Guid Id, string Name, string? TeamName);

/// <summary>Where a training record stands on a day.</summary>
public enum TrainingState { Current, Expiring, Expired }

/// <summary>
/// Staff records: Social Work England registration, qualification, first day in practice, employment and leaving date,
/// full-time equivalent, line manager, training and absences. Every change is a typed event; a change of leaving date
/// also opens, moves or closes the reallocation work for the worker's cases (<see cref="IHeldCases"/>) in the same save.
/// </summary>
public sealed class StaffRecords(SafeguardDbContext db, IHeldCases heldCases)
{
    /// <summary>Training or registration lapsing within this many days is "expiring" (and alerts the manager).</summary>
    public const int ExpiringWithinDays = 30;

    public const double MinFullTimeEquivalent = 0.1;
    public const double MaxFullTimeEquivalent = 1.0;

    public const string RegistrationFormatMessage = "Enter a Social Work England registration number in the right format, like SW123456";

    public static readonly IReadOnlyList<string> ManagerRoles = [Roles.TeamManager, Roles.ServiceManager, Roles.HeadOfService, Roles.Director];

    public static TrainingState StateOn(TrainingRecord record, DateOnly day) =>
        !record.IsCurrentOn(day) ? TrainingState.Expired
        : record.ExpiresOn is { } e && e.DayNumber - day.DayNumber <= ExpiringWithinDays ? TrainingState.Expiring
        : TrainingState.Current;

    private DateOnly Today => TimeLimits.UkDay(db.Time.GetUtcNow());

    /// <summary>Council staff (partner agencies' referrers have no staff record), by name.</summary>
    private IQueryable<StaffUser> Staff() =>
        db.Users.Where(u => u.OrganisationId == null
                            || db.Organisations.Any(o => o.Id == u.OrganisationId && o.Kind == OrganisationKind.LocalAuthority));

    public async Task<IReadOnlyList<StaffLine>> ListAsync(CancellationToken ct = default)
    {
        var today = Today;
        var rows = await (from u in Staff().AsNoTracking()
                          join t in db.Teams on u.TeamId equals t.Id into teams
                          from t in teams.DefaultIfEmpty()
                          orderby u.DisplayName
                          select new
                          {
                              u.Id, u.DisplayName, Team = t.Name, u.SocialWorkEnglandNumber, u.RegistrationRenewsOn, u.PracticeStartedOn,
                              u.IsQualified, u.Employment, u.EmploymentEndsOn, u.IsDisabled,
                          })
            .ToListAsync(ct);
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(u => new StaffLine(u.Id, u.DisplayName, u.Team, roles[u.Id].ToList(), u.SocialWorkEnglandNumber,
                u.RegistrationRenewsOn, Registration.IsRegisteredOn(u.SocialWorkEnglandNumber, u.RegistrationRenewsOn, today),
                u.IsQualified && CompetenceRules.IsNewlyQualifiedOn(u.PracticeStartedOn, today), u.Employment, u.EmploymentEndsOn, u.IsDisabled))
            .ToList();
    }

    public async Task<StaffRecord?> FindAsync(Guid userId, CancellationToken ct = default)
    {
        var u = await (from staff in Staff().AsNoTracking()
                       where staff.Id == userId
                       join t in db.Teams on staff.TeamId equals t.Id into teams
                       from t in teams.DefaultIfEmpty()
                       join m in db.Users on staff.ManagerId equals (Guid?)m.Id into managers
                       from m in managers.DefaultIfEmpty()
                       select new { User = staff, Team = t.Name, Manager = m.DisplayName })
            .SingleOrDefaultAsync(ct);
        if (u is null) return null;
        var training = await db.TrainingRecords.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct);
        var absences = await db.StaffAbsences.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct);
        var s = u.User;
        return new StaffRecord(s.Id, s.DisplayName, s.Email ?? "", u.Team, s.ConcurrencyStamp ?? "", s.SocialWorkEnglandNumber,
            s.RegistrationRenewsOn, s.IsQualified, s.PracticeStartedOn, s.Employment, s.EmploymentStartsOn, s.EmploymentEndsOn,
            s.FullTimeEquivalent, s.ManagerId, u.Manager,
            training.OrderBy(t => t.Kind).ThenByDescending(t => t.CompletedOn).ToList(),
            absences.OrderByDescending(a => a.From).ToList());
    }

    /// <summary>Active managers (team, service, head of service, director) other than <paramref name="except"/>, by name.</summary>
    public async Task<IReadOnlyList<ManagerChoice>> ManagersAsync(Guid? except = null, CancellationToken ct = default) =>
        await (from u in db.Users.AsNoTracking()
               where !u.IsDisabled && u.Id != except
                     && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && ManagerRoles.Contains(r.Name!)))
               join t in db.Teams on u.TeamId equals t.Id into teams
               from t in teams.DefaultIfEmpty()
               orderby u.DisplayName
               select new ManagerChoice(u.Id, u.DisplayName, t.Name))
            .ToListAsync(ct);

    /// <summary>
    /// The problems with <paramref name="change"/> to <paramref name="userId"/>'s record, by field (the property names
    /// of <see cref="StaffRecordChange"/>, and Reason). <paramref name="leavingDateBefore"/>: the leaving date now, which
    /// may stay in the past; a new one may not.
    /// </summary>
    public async Task<List<(string Field, string Message)>> CheckAsync(Guid userId, StaffRecordChange change, string? registrationTyped,
        DateOnly? leavingDateBefore, string? reason, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        var hasNumber = !string.IsNullOrWhiteSpace(registrationTyped);
        if (hasNumber && Registration.Normalise(registrationTyped) is null)
        {
            errors.Add((nameof(StaffRecordChange.RegistrationNumber), RegistrationFormatMessage));
        }
        if (hasNumber && change.RegistrationRenewsOn is null)
        {
            errors.Add((nameof(StaffRecordChange.RegistrationRenewsOn), "Enter the date the registration must be renewed by"));
        }
        if (!hasNumber && change.RegistrationRenewsOn is not null)
        {
            errors.Add((nameof(StaffRecordChange.RegistrationNumber), "Enter the registration number that the renewal date is for, or remove the renewal date"));
        }
        if (change.PracticeStartedOn is { } started && !change.IsQualified)
        {
            errors.Add((nameof(StaffRecordChange.PracticeStartedOn), "Only a qualified social worker has a first day in practice: say they are qualified, or remove the date"));
        }
        if (change.PracticeStartedOn > Today)
        {
            errors.Add((nameof(StaffRecordChange.PracticeStartedOn), "The first day in practice must be today or in the past"));
        }
        if (change.Employment is null && (change.EmploymentStartsOn is not null || change.EmploymentEndsOn is not null))
        {
            errors.Add((nameof(StaffRecordChange.Employment), "Select whether they are permanent or agency staff"));
        }
        if (change.EmploymentStartsOn is { } from && change.EmploymentEndsOn is { } to && to < from)
        {
            errors.Add((nameof(StaffRecordChange.EmploymentEndsOn), "The leaving date must be the same as or after the start date"));
        }
        else if (change.EmploymentEndsOn is { } leaving && leaving != leavingDateBefore && leaving < Today)
        {
            errors.Add((nameof(StaffRecordChange.EmploymentEndsOn), "The leaving date must be today or in the future"));
        }
        if (change.FullTimeEquivalent is not { } fte || fte < MinFullTimeEquivalent || fte > MaxFullTimeEquivalent)
        {
            errors.Add((nameof(StaffRecordChange.FullTimeEquivalent), "Enter a full-time equivalent between 0.1 and 1.0, like 0.8"));
        }
        if (change.ManagerId is { } manager)
        {
            if (manager == userId) errors.Add((nameof(StaffRecordChange.ManagerId), "Select someone else as their line manager"));
            else if (!(await ManagersAsync(userId, ct)).Any(m => m.Id == manager))
                errors.Add((nameof(StaffRecordChange.ManagerId), "Select a line manager from the list"));
        }
        if (reason is { Length: > WorkforceRules.ReasonMaxLength }) errors.Add(("Reason", $"Reason must be {WorkforceRules.ReasonMaxLength} characters or fewer"));
        return errors;
    }

    /// <summary>
    /// Saves <paramref name="change"/> unless the record changed since the form read <paramref name="expectedStamp"/>
    /// (then nothing is saved: <see cref="WorkforceChangeResult.Stale"/>).
    /// </summary>
    public async Task<WorkforceChangeResult> ChangeAsync(Guid userId, string expectedStamp, StaffRecordChange change, string? reason,
        CancellationToken ct = default)
    {
        var user = await Staff().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return WorkforceChangeResult.Missing("member of staff");
        var errors = await CheckAsync(userId, change, change.RegistrationNumber, user.EmploymentEndsOn, reason, ct);
        if (errors.Count > 0) return new WorkforceChangeResult(false, errors);
        if (user.ConcurrencyStamp != expectedStamp) return WorkforceChangeResult.Conflict(userId);

        var changes = await DescribeAsync(user, change, ct);
        if (changes.Count == 0) return WorkforceChangeResult.Ok(userId);
        var leavingBefore = user.EmploymentEndsOn;
        user.SocialWorkEnglandNumber = Registration.Normalise(change.RegistrationNumber);
        user.RegistrationRenewsOn = change.RegistrationRenewsOn;
        user.IsQualified = change.IsQualified;
        user.PracticeStartedOn = change.PracticeStartedOn;
        user.Employment = change.Employment;
        user.EmploymentStartsOn = change.EmploymentStartsOn;
        user.EmploymentEndsOn = change.EmploymentEndsOn;
        user.FullTimeEquivalent = change.FullTimeEquivalent!.Value;
        user.ManagerId = change.ManagerId;
        // The stamp is Identity's concurrency token: a save from the stamp read above matches no row if someone else saved first.
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = expectedStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();

        db.Record(new StaffRecordChanged(user.Id, user.DisplayName, changes), subjectType: nameof(StaffUser), subjectId: user.Id,
            reason: WorkforceRules.Tidy(reason));
        if (leavingBefore != user.EmploymentEndsOn)
        {
            var cases = await heldCases.LeavingDateChangedAsync(user, leavingBefore, ct);
            db.Record(new LeavingDateChanged(user.Id, user.DisplayName, leavingBefore, user.EmploymentEndsOn, user.EmploymentEndsOn is null ? 0 : cases),
                subjectType: nameof(StaffUser), subjectId: user.Id, reason: WorkforceRules.Tidy(reason));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WorkforceChangeResult.Conflict(userId);
        }
        return WorkforceChangeResult.Ok(userId);
    }

    public async Task<WorkforceChangeResult> AddTrainingAsync(Guid userId, TrainingKind? kind, DateOnly? completedOn, DateOnly? expiresOn,
        CancellationToken ct = default)
    {
        var user = await Staff().AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return WorkforceChangeResult.Missing("member of staff");
        var errors = CheckTraining(kind, completedOn, expiresOn);
        if (errors.Count > 0) return new WorkforceChangeResult(false, errors);
        var record = new TrainingRecord(userId, kind!.Value, completedOn!.Value, expiresOn);
        db.TrainingRecords.Add(record);
        db.Record(new TrainingRecorded(record.Id, userId, user.DisplayName, record.Kind, record.CompletedOn, record.ExpiresOn),
            subjectType: nameof(StaffUser), subjectId: userId);
        await db.SaveChangesAsync(ct);
        return WorkforceChangeResult.Ok(record.Id);
    }

    public List<(string Field, string Message)> CheckTraining(TrainingKind? kind, DateOnly? completedOn, DateOnly? expiresOn)
    {
        var errors = new List<(string, string)>();
        if (kind is null) errors.Add(("Kind", "Select the training"));
        if (completedOn is null) errors.Add(("CompletedOn", "Enter the date the training was completed"));
        else if (completedOn > Today) errors.Add(("CompletedOn", "The date completed must be today or in the past"));
        if (expiresOn is { } e && completedOn is { } c && e <= c) errors.Add(("ExpiresOn", "The expiry date must be after the date completed"));
        return errors;
    }

    public async Task<WorkforceChangeResult> AddAbsenceAsync(Guid userId, AbsenceKind? kind, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var user = await Staff().AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return WorkforceChangeResult.Missing("member of staff");
        var errors = CheckAbsence(kind, from, to);
        if (errors.Count > 0) return new WorkforceChangeResult(false, errors);
        var absence = new StaffAbsence(userId, kind!.Value, from!.Value, to!.Value);
        db.StaffAbsences.Add(absence);
        db.Record(new AbsenceRecorded(absence.Id, userId, user.DisplayName, absence.Kind, absence.From, absence.To),
            subjectType: nameof(StaffUser), subjectId: userId);
        await db.SaveChangesAsync(ct);
        return WorkforceChangeResult.Ok(absence.Id);
    }

    public static List<(string Field, string Message)> CheckAbsence(AbsenceKind? kind, DateOnly? from, DateOnly? to)
    {
        var errors = new List<(string, string)>();
        if (kind is null) errors.Add(("Kind", "Select the kind of absence"));
        if (from is null) errors.Add(("From", "Enter the first day away"));
        if (to is null) errors.Add(("To", "Enter the last day away"));
        else if (from is { } f && to < f) errors.Add(("To", "The last day away must be the same as or after the first day away"));
        return errors;
    }

    /// <summary>The number of the last event about <paramref name="userId"/>'s record, for a form to say what it has seen.</summary>
    public async Task<long> MarkAsync(Guid userId, CancellationToken ct = default) =>
        await db.Events.AsNoTracking().Where(e => e.SubjectType == nameof(StaffUser) && e.SubjectId == userId).MaxAsync(e => (long?)e.Id, ct) ?? 0;

    /// <summary>Changes to <paramref name="userId"/>'s record after event <paramref name="seenEventId"/> (shown when a save was refused).</summary>
    public async Task<IReadOnlyList<ChangeSeen>> ChangedSinceAsync(Guid userId, long seenEventId, CancellationToken ct = default)
    {
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.SubjectType == nameof(StaffUser) && e.SubjectId == userId && e.Id > seenEventId)
            .OrderBy(e => e.Id)
            .Take(ChangesSince.MaxShown)
            .Select(e => new { e.OccurredAt, e.ActorName, e.Summary })
            .ToListAsync(ct);
        return rows.Select(e => new ChangeSeen(e.OccurredAt, e.ActorName, e.Summary)).ToList();
    }

    private async Task<List<string>> DescribeAsync(StaffUser user, StaffRecordChange change, CancellationToken ct)
    {
        var changes = new List<string>();
        void Compare<T>(string what, T before, T after, Func<T, string> words)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after)) changes.Add($"{what} {words(before)} to {words(after)}");
        }
        static string Day(DateOnly? d) => d is { } day ? day.ToString("d MMMM yyyy") : "none";
        Compare("registration number", user.SocialWorkEnglandNumber, Registration.Normalise(change.RegistrationNumber), n => n ?? "none");
        Compare("registration renewal date", user.RegistrationRenewsOn, change.RegistrationRenewsOn, Day);
        Compare("qualified", user.IsQualified, change.IsQualified, q => q ? "yes" : "no");
        Compare("first day in practice", user.PracticeStartedOn, change.PracticeStartedOn, Day);
        Compare("employment", user.Employment, change.Employment, e => e?.Words().ToLowerInvariant() ?? "none");
        Compare("employment start date", user.EmploymentStartsOn, change.EmploymentStartsOn, Day);
        Compare("leaving date", user.EmploymentEndsOn, change.EmploymentEndsOn, Day);
        Compare("full-time equivalent", user.FullTimeEquivalent, change.FullTimeEquivalent ?? user.FullTimeEquivalent, f => f.ToString("0.0#"));
        if (user.ManagerId != change.ManagerId)
        {
            var ids = new[] { user.ManagerId, change.ManagerId }.OfType<Guid>().ToList();
            var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            Compare("line manager", user.ManagerId, change.ManagerId, m => m is { } id ? names.GetValueOrDefault(id, "unknown") : "none");
        }
        return changes;
    }
}
