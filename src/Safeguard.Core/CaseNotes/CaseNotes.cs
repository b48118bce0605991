using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.CaseNotes;

/// <summary>
/// Case notes of any contact with a child's family or professionals (docs/case-notes.md), each in one save with its
/// event. A visit in which the child was seen closes the open visit of each of the child's child protection plans and
/// puts the next on the clock (<see cref="ProtectionVisits"/>).
/// </summary>
public sealed class CaseNotes(SafeguardDbContext db, ProtectionVisits visits)
{
    /// <summary>Records the note, or, when <paramref name="checkOnly"/> (the form found something it could not read), only says what else is wrong.</summary>
    public async Task<(Guid? Id, IReadOnlyList<(string Field, string Message)> Errors)> RecordAsync(Guid personId, CaseNoteInput input, bool checkOnly = false,
        CancellationToken ct = default)
    {
        if (db.Actor.UserId is not { } recorder) return (null, [("", "Sign in again to record a case note")]);
        var errors = CaseNoteRules.Check(input, db.Time.GetUtcNow());
        if (errors.Count > 0 || checkOnly) return (null, errors);
        var note = new CaseNote(personId, input.Kind!.Value, input.OccurredAt!.Value, input.Participants!.Trim(), input.Note!.Trim(), recorder);
        if (note.Kind == CaseNoteKind.Visit)
        {
            note.ChildSeen = input.ChildSeen;
            note.ChildSeenAlone = input.ChildSeen == true ? input.ChildSeenAlone : false;
            if (note.ChildSeen == true) await visits.VisitedAsync(personId, note.OccurredAt, ct);
        }
        db.CaseNotes.Add(note);
        db.Record(new CaseNoteRecorded(note.Id, note.Kind, note.OccurredAt, note.ChildSeen, note.ChildSeenAlone), personId, nameof(CaseNote), note.Id);
        await db.SaveChangesAsync(ct);
        return (note.Id, []);
    }

    /// <summary>The child's name, or null when there is no such person.</summary>
    public async Task<string?> ChildNameAsync(Guid personId, CancellationToken ct = default) =>
        (await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.GivenName + " " + p.FamilyName).SingleOrDefaultAsync(ct))?.Trim();

    /// <summary>A child's case notes, the latest first (at most <paramref name="take"/>).</summary>
    public async Task<IReadOnlyList<CaseNoteLine>> ForChildAsync(Guid personId, int take = 50, CancellationToken ct = default) =>
        await (from n in db.CaseNotes.AsNoTracking()
               where n.PersonId == personId
               orderby n.OccurredAt descending
               select new CaseNoteLine(n.Id, n.Kind, n.OccurredAt, n.Participants, n.Note, n.ChildSeen, n.ChildSeenAlone,
                   db.Users.Where(u => u.Id == n.RecordedBy).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .Take(take).ToListAsync(ct);
}

/// <summary>
/// The visits a child on a child protection plan is owed, as work for their worker: the first when the plan starts, the
/// next after each visit in which the child was seen (<see cref="ProtectionVisitDueRule"/>), none once the plan ends.
/// </summary>
public sealed class ProtectionVisits(SafeguardDbContext db, WorkItems work, IWorkingDayCalendar calendar, IOptions<VisitSettings> settings)
{
    /// <summary>Puts the first visit of a new plan on the clock, for the case's worker (or the team tray).</summary>
    public void Start(ChildPlan plan, Referral referral, string childName, DateTimeOffset from) => Open(plan.Id, plan.PersonId, referral, childName, from);

    /// <summary>A visit in which the child was seen at <paramref name="at"/>: each open plan's visit closes and the next is due from it.</summary>
    public async Task VisitedAsync(Guid personId, DateTimeOffset at, CancellationToken ct)
    {
        var plans = await db.ChildPlans.AsNoTracking()
            .Where(p => p.PersonId == personId && p.Kind == PlanKind.ChildProtection && p.EndedOn == null)
            .Select(p => new { p.Id, p.ReferralId }).ToListAsync(ct);
        if (plans.Count == 0) return;
        var child = await db.PersonNameAsync(personId, ct);
        var now = db.Time.GetUtcNow();
        foreach (var plan in plans)
        {
            foreach (var item in await work.OpenAboutAsync(plan.Id, [WorkKind.Visit], ct)) work.Close(item, now);
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == plan.ReferralId, ct);
            Open(plan.Id, personId, referral, child, at);
        }
    }

    /// <summary>The plan ended: its visits are no longer owed.</summary>
    public async Task StopAsync(Guid planId, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        foreach (var item in await work.OpenAboutAsync(planId, [WorkKind.Visit], ct)) work.Close(item, now);
    }

    private void Open(Guid planId, Guid personId, Referral referral, string childName, DateTimeOffset from)
    {
        var due = ProtectionVisitDueRule.DueAt(calendar, from, settings.Value);
        var item = work.Open(WorkKind.Visit, planId, $"Visit: {childName} (child protection plan)", referral.TeamId, Priority.ChildProtection, personId,
            db.Time.GetUtcNow(), due);
        if (referral.AllocatedWorkerId is { } worker) work.Reassign(item, referral.TeamId, worker);
    }
}
