using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Escalations;

/// <summary>
/// Concerns about practice or procedure raised by any member of staff directly with the director, or a delegate the
/// director named (<see cref="EscalationSettings.Delegates"/>). Raising one opens work for them
/// (<see cref="WorkKind.Escalation"/>, due by <see cref="EscalationResponseDueRule"/>) on the leadership team's tray,
/// never the raiser's team's; responding closes it. An escalation is read only by whoever raised it, whoever it was
/// raised with, the director, and the raiser's line manager when the raiser chose that; anyone else is answered as if
/// it did not exist. Reading one is recorded. Nothing here deletes an escalation. When one is raised the person raised
/// with is emailed, and when it is answered the raiser is, best effort and without its words.
/// </summary>
public sealed class EscalationRecords(SafeguardDbContext db, WorkItems work, IWorkingDayCalendar calendar, NeedToKnow needToKnow,
    IOptions<EscalationSettings> settings, INotifier? notifier = null, ILogger<EscalationRecords>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<EscalationRecords>.Instance;

    private static readonly string[] DirectorRoles =
        Roles.All.Where(r => RolePermissions.For(r).Contains(Permissions.AnswerEscalations)).ToArray();

    private Guid? Me => db.Actor.UserId;

    /// <summary>The people a concern may be raised with: the director(s) first, then the delegates, never the person asking.</summary>
    public async Task<IReadOnlyList<Answerer>> AnswerersAsync(CancellationToken ct = default)
    {
        var delegates = settings.Value.Delegates.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim().ToUpperInvariant()).ToList();
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == null && !u.IsDisabled)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.JobTitle,
                IsDirector = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && DirectorRoles.Contains(r.Name!))),
                IsDelegate = u.NormalizedEmail != null && delegates.Contains(u.NormalizedEmail),
            })
            .Where(u => u.IsDirector || u.IsDelegate)
            .ToListAsync(ct);
        return rows.Where(r => r.Id != Me).OrderByDescending(r => r.IsDirector).ThenBy(r => r.DisplayName)
            .Select(r => new Answerer(r.Id, r.DisplayName, r.JobTitle, r.IsDirector)).ToList();
    }

    /// <summary>Whether the person acting answers escalations: the director, or a named delegate.</summary>
    public async Task<bool> IsAnswererAsync(CancellationToken ct = default) =>
        Me is { } me && (await IsDirectorAsync(me, ct) || await IsDelegateAsync(me, ct));

    /// <summary>The children whose cases the person acting holds, to link a concern to one if they wish.</summary>
    public async Task<IReadOnlyList<EscalationChild>> MyChildrenAsync(CancellationToken ct = default)
    {
        var me = Me;
        return await (from a in db.CaseAllocations.AsNoTracking()
                      join p in needToKnow.Visible(db.People.AsNoTracking()) on a.PersonId equals p.Id
                      where a.WorkerId == me && a.EndedAt == null
                      orderby p.GivenName, p.FamilyName
                      select new EscalationChild(p.Id, p.GivenName + " " + p.FamilyName))
            .Distinct().ToListAsync(ct);
    }

    public async Task<EscalationResult> RaiseAsync(EscalationInput input, CancellationToken ct = default)
    {
        if (Me is not { } me) return EscalationResult.Of(EscalationChange.NotFound);
        var errors = new List<(string, string)>();
        var answerers = await AnswerersAsync(ct);
        var answerer = answerers.FirstOrDefault(a => a.Id == input.AnswererId);
        if (answerer is null) errors.Add(("AnswererId", answerers.Count == 0 ? "There is no director to raise a concern with: ask the system administrator" : "Select who to raise your concern with"));
        var subject = Tidy(input.Subject);
        if (subject is null) errors.Add(("Subject", "Enter what your concern is about"));
        else if (subject.Length > Escalation.SubjectMaxLength) errors.Add(("Subject", $"What your concern is about must be {Escalation.SubjectMaxLength} characters or fewer"));
        var concern = Tidy(input.Concern);
        if (concern is null) errors.Add(("Concern", "Enter your concern"));
        else if (concern.Length > Escalation.ConcernMaxLength) errors.Add(("Concern", $"Your concern must be {Escalation.ConcernMaxLength} characters or fewer"));
        if (input.ShareWithManager is null) errors.Add(("ShareWithManager", "Select whether your line manager may see this concern"));
        if (input.ChildId is { } childId)
        {
            var child = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => new { p.IsRestricted }).SingleOrDefaultAsync(ct);
            if (child is null || !await needToKnow.MaySeeAsync(childId, ct)) errors.Add(("ChildId", "Select a child from the list, or none"));
            else if (answerer is not null && child.IsRestricted && !await db.PersonAccessGrants.AnyAsync(g => g.PersonId == childId && g.UserId == answerer.Id, ct))
            {
                errors.Add(("ChildId", $"{answerer.Name} may not see this child's record: raise the concern without linking the child"));
            }
        }
        if (errors.Count > 0) return EscalationResult.Invalid(errors);

        var manager = input.ShareWithManager == true
            ? await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.ManagerId).SingleOrDefaultAsync(ct)
            : null;
        var now = db.Time.GetUtcNow();
        var due = EscalationResponseDueRule.Due(calendar, settings.Value, now);
        var escalation = new Escalation(me, answerer!.Id, subject!, concern!, manager, input.ChildId, now, due);
        db.Escalations.Add(escalation);
        var team = await LeadershipTeam.IdAsync(db, ct);
        var item = work.Open(WorkKind.Escalation, escalation.Id, EscalationResponseDueRule.WorkTitle, team, Priority.Standard, null, now, due);
        work.Reassign(item, team, answerer.Id);
        db.Record(new EscalationRaised(escalation.Id, answerer.Id, manager is not null, due), null, nameof(Escalation), escalation.Id);
        await db.SaveChangesAsync(ct);
        await TellAsync(answerer.Id, "Safeguard: a concern has been raised with you",
            $"A member of staff has raised a concern about practice or procedure with you. Please respond by {Words(due)}.\n\n"
            + "Sign in to Safeguard and open \"Escalations raised with you\" to read it.", escalation.Id, ct);
        return EscalationResult.Of(EscalationChange.Done, escalation.Id);
    }

    /// <summary>The escalations the person acting raised, open first.</summary>
    public Task<IReadOnlyList<EscalationLine>> MineAsync(CancellationToken ct = default) =>
        LinesAsync(db.Escalations.Where(e => e.RaisedById == Me), ct);

    /// <summary>The escalations people the person acting manages chose to share with them, open first.</summary>
    public Task<IReadOnlyList<EscalationLine>> SharedWithMeAsync(CancellationToken ct = default) =>
        LinesAsync(db.Escalations.Where(e => e.SharedWithManagerId != null && e.SharedWithManagerId == Me), ct);

    /// <summary>
    /// The escalations the person acting answers, open first (soonest due), then the answered (latest first): every one
    /// for the director, those raised with them for a delegate; null for anyone else.
    /// </summary>
    public async Task<IReadOnlyList<EscalationLine>?> ToAnswerAsync(CancellationToken ct = default)
    {
        if (Me is not { } me) return null;
        if (await IsDirectorAsync(me, ct)) return await LinesAsync(db.Escalations.Where(e => e.RaisedById != me), ct);
        if (await IsDelegateAsync(me, ct)) return await LinesAsync(db.Escalations.Where(e => e.AnswererId == me), ct);
        return null;
    }

    /// <summary>
    /// The escalation for someone who may read it (records that they did); null, as for one that does not exist, for
    /// anyone else, including anyone who may not see the child it is about.
    /// </summary>
    public async Task<EscalationView?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        if (Me is not { } me) return null;
        var e = await db.Escalations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !await MayReadAsync(e, me, ct)) return null;
        if (e.PersonId is { } child && !await needToKnow.CheckAsync(child, "Escalation", ct)) return null;

        var ids = new[] { e.RaisedById, e.AnswererId, e.SharedWithManagerId, e.RespondedById }.OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var childName = e.PersonId is { } p
            ? await db.People.AsNoTracking().Where(x => x.Id == p).Select(x => x.GivenName + " " + x.FamilyName).SingleOrDefaultAsync(ct)
            : null;
        var mayRespond = e.IsOpen && e.RaisedById != me && (e.AnswererId == me || await IsDirectorAsync(me, ct));

        db.Record(new EscalationViewed(e.Id), null, nameof(Escalation), e.Id);
        await db.SaveChangesAsync(ct);
        // The page names the child: a view of the child's data, recorded on their record as every such view is.
        if (e.PersonId is { } viewed && childName is not null) await needToKnow.RecordViewedAsync(viewed, childName, ct);

        string Name(Guid? u) => u is { } x ? names.GetValueOrDefault(x, "Unknown") : "";
        return new EscalationView(e.Id, e.Subject, e.Concern, e.RaisedById, Name(e.RaisedById), Name(e.AnswererId), e.SharedWithManagerId is not null,
            e.SharedWithManagerId is null ? null : Name(e.SharedWithManagerId), e.PersonId, childName, e.RaisedAt, e.DueAt,
            AgeInWorkingDays(e.RaisedAt, e.RespondedAt ?? db.Time.GetUtcNow()), e.RespondedAt, e.RespondedById is null ? null : Name(e.RespondedById),
            e.Outcome, e.Response, e.Version, mayRespond);
    }

    /// <summary>
    /// Records the response and closes the work. Only from the version the answerer was looking at: of two answers at
    /// once, one is saved and the other is told someone else changed it.
    /// </summary>
    public async Task<EscalationResult> RespondAsync(EscalationResponseInput input, CancellationToken ct = default)
    {
        if (Me is not { } me) return EscalationResult.Of(EscalationChange.NotFound);
        var e = await db.Escalations.SingleOrDefaultAsync(x => x.Id == input.EscalationId, ct);
        if (e is null || e.RaisedById == me || !(e.AnswererId == me || await IsDirectorAsync(me, ct))) return EscalationResult.Of(EscalationChange.NotFound);
        if (e.PersonId is { } child && !await needToKnow.CheckAsync(child, "Escalation", ct)) return EscalationResult.Of(EscalationChange.NotFound);
        if (e.Version != input.Version) return EscalationResult.Of(e.IsOpen ? EscalationChange.ChangedElsewhere : EscalationChange.AlreadyAnswered);
        if (!e.IsOpen) return EscalationResult.Of(EscalationChange.AlreadyAnswered);

        var errors = new List<(string, string)>();
        EscalationOutcome? outcome = Enum.TryParse<EscalationOutcome>(input.Outcome, out var o) && Enum.IsDefined(o) ? o : null;
        if (outcome is null) errors.Add(("Outcome", "Select the outcome"));
        var response = Tidy(input.Response);
        if (response is null) errors.Add(("Response", "Enter your response"));
        else if (response.Length > Escalation.ResponseMaxLength) errors.Add(("Response", $"Your response must be {Escalation.ResponseMaxLength} characters or fewer"));
        if (errors.Count > 0) return EscalationResult.Invalid(errors);

        var now = db.Time.GetUtcNow();
        e.Respond(me, now, outcome!.Value, response!);
        foreach (var item in await work.OpenAboutAsync(e.Id, [WorkKind.Escalation], ct)) work.Close(item, now);
        db.Record(new EscalationResponded(e.Id, outcome.Value), null, nameof(Escalation), e.Id);
        if (!await db.SaveUnlessChangedElsewhereAsync(ct)) return EscalationResult.Of(EscalationChange.ChangedElsewhere);
        await TellAsync(e.RaisedById, "Safeguard: your concern has been answered",
            "The concern you raised with the director has been answered.\n\nSign in to Safeguard and open \"My escalations\" to read the answer.", e.Id, ct);
        return EscalationResult.Of(EscalationChange.Done, e.Id);
    }

    /// <summary>Emails a member of staff, best effort: the escalation is already saved, and it names none of its words.</summary>
    private async Task TellAsync(Guid userId, string subject, string body, Guid escalationId, CancellationToken ct)
    {
        if (notifier is null) return;
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(email)) return;
        try
        {
            await notifier.SendAsync(new EmailNotification(email, subject, body, escalationId.ToString()), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            _log.LogWarning(ex, "Escalation {EscalationId}: the email to user {UserId} could not be sent", escalationId, userId);
        }
    }

    private async Task<bool> MayReadAsync(Escalation e, Guid me, CancellationToken ct) =>
        e.RaisedById == me || e.AnswererId == me || e.SharedWithManagerId == me || await IsDirectorAsync(me, ct);

    private Task<bool> IsDirectorAsync(Guid userId, CancellationToken ct) =>
        db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && DirectorRoles.Contains(r.Name!)), ct);

    private async Task<bool> IsDelegateAsync(Guid userId, CancellationToken ct)
    {
        var delegates = settings.Value.Delegates.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim().ToUpperInvariant()).ToList();
        return delegates.Count > 0 && await db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled && u.NormalizedEmail != null && delegates.Contains(u.NormalizedEmail), ct);
    }

    private async Task<IReadOnlyList<EscalationLine>> LinesAsync(IQueryable<Escalation> which, CancellationToken ct)
    {
        var hidden = needToKnow.Hidden();
        var rows = await (from e in which.AsNoTracking()
                          join r in db.Users on e.RaisedById equals r.Id
                          join a in db.Users on e.AnswererId equals a.Id
                          select new
                          {
                              e.Id, e.Subject, RaisedBy = r.DisplayName, Answerer = a.DisplayName, e.RaisedAt, e.DueAt, e.RespondedAt, e.Outcome,
                              Hidden = e.PersonId != null && hidden.Contains(e.PersonId.Value),
                          })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.RespondedAt is null ? 0 : 1).ThenBy(r => r.RespondedAt is { } answered ? -answered.UtcTicks : r.DueAt.UtcTicks)
            .Select(r => new EscalationLine(r.Id, r.Hidden ? NeedToKnow.RestrictedTitle : r.Subject, r.RaisedBy, r.Answerer, r.RaisedAt, r.DueAt,
                r.RespondedAt, r.Outcome, !r.Hidden))
            .ToList();
    }

    /// <summary>Working days from the day it was raised to <paramref name="at"/>'s day (0 on the day itself).</summary>
    public int AgeInWorkingDays(DateTimeOffset raisedAt, DateTimeOffset at) =>
        Math.Max(0, calendar.WorkingDaysBetween(TimeLimits.UkDay(raisedAt), TimeLimits.UkDay(at)));

    private static string Words(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, WorkingDayCalendar.UkTime).ToString("HH:mm 'on' dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
