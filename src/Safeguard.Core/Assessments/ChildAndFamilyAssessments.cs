using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Assessments;

/// <summary>
/// Child and family assessments (docs/assessments.md): started when a referral is first allocated, due 45 working days
/// from the referral (<see cref="AssessmentDueRule"/>); saved and completed by the worker who holds it; then authorised,
/// or sent back with a reason, by a manager of that worker (<see cref="LineManagement"/>), whose authorisation is its own
/// work item; an authorised outcome of a child in need plan starts one (<see cref="ChildInNeedPlans"/>). Each change is saved in one transaction with its work items and its event.
/// </summary>
public sealed class ChildAndFamilyAssessments(SafeguardDbContext db, WorkItems work, IWorkingDayCalendar calendar, ChildInNeedPlans childInNeedPlans)
{
    public const int TextMaxLength = 8000;
    public const int OutcomeDetailMaxLength = 1000;

    /// <summary>
    /// Starts the assessment of <paramref name="referral"/>, held by <paramref name="workerId"/>: the record, its work item
    /// on the worker's tray and its event, in the caller's unit of work (the allocation's). A referral that has one
    /// already (allocated again after its worker left) keeps it, and it passes to the new worker.
    /// </summary>
    public async Task StartAsync(Referral referral, Guid workerId, string workerName, Guid teamId, Priority priority, string childName,
        DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.Assessments.Where(a => a.ReferralId == referral.Id).OrderByDescending(a => a.StartedOn).FirstOrDefaultAsync(ct) is { } existing)
        {
            // Allocated again (its worker left): the assessment, unless already authorised, is the new worker's to finish.
            if (existing.IsAuthorised) return;
            existing.WorkerId = workerId;
            foreach (var open in await work.OpenAboutAsync(existing.Id, [WorkKind.Assessment], ct)) work.Reassign(open, teamId, workerId);
            return;
        }
        var assessment = new Assessment(referral.Id, referral.PersonId, TimeLimits.UkDay(now), AssessmentDueRule.DueOn(calendar, referral.ReferralDate))
        {
            WorkerId = workerId,
        };
        db.Assessments.Add(assessment);
        var item = work.Open(WorkKind.Assessment, assessment.Id, $"Child and family assessment: {childName}", teamId, priority, referral.PersonId,
            now, AssessmentDueRule.ClockFrom(referral.ReferralDate));
        work.Reassign(item, teamId, workerId);
        db.Record(new AssessmentStarted(assessment.Id, referral.Id, workerId, workerName, assessment.StartedOn, assessment.DueOn),
            referral.PersonId, nameof(Assessment), assessment.Id);
    }

    /// <summary>The child's open assessment passes to the worker the case was reallocated to (its work item moves with the case).</summary>
    public async Task HandOverAsync(Guid personId, Guid fromWorkerId, Guid toWorkerId, CancellationToken ct = default)
    {
        foreach (var a in await db.Assessments.Where(a => a.PersonId == personId && a.WorkerId == fromWorkerId && a.AuthorisedOn == null).ToListAsync(ct))
        {
            a.WorkerId = toWorkerId;
        }
    }

    public async Task<AssessmentView?> FindAsync(Guid assessmentId, CancellationToken ct = default) =>
        (await ViewsAsync(db.Assessments.Where(a => a.Id == assessmentId), ct)).SingleOrDefault();

    /// <summary>A child's assessments, the latest first.</summary>
    public async Task<IReadOnlyList<AssessmentView>> ForChildAsync(Guid personId, CancellationToken ct = default) =>
        (await ViewsAsync(db.Assessments.Where(a => a.PersonId == personId), ct))
        .OrderByDescending(a => a.StartedOn).ThenByDescending(a => a.DueOn).ToList();

    /// <summary>
    /// Whether the signed-in person may authorise or return <paramref name="assessment"/> (once it is completed): a manager
    /// of its worker, never its worker.
    /// </summary>
    public async Task<bool> MayAuthoriseAsync(AssessmentView assessment, CancellationToken ct = default) =>
        db.Actor.UserId is { } actor && assessment.WorkerId is { } worker && await db.ManagesAsync(actor, worker, Permissions.AuthoriseAssessments, ct);

    /// <summary>Whether the signed-in person is the worker doing <paramref name="assessment"/>.</summary>
    public bool MayRecord(AssessmentView assessment) => assessment.WorkerId is { } worker && worker == db.Actor.UserId;

    /// <summary>
    /// Saves what the worker has so far (<paramref name="complete"/> false: only what is entered is checked), or completes
    /// the assessment (everything is required): its work item closes and an authorisation item opens on the team's tray.
    /// </summary>
    public async Task<AssessmentResult> SaveAsync(AssessmentInput input, bool complete, CancellationToken ct = default)
    {
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == input.AssessmentId, ct);
        if (assessment is null) return AssessmentResult.NotFound;
        if (assessment.WorkerId is null || assessment.WorkerId != db.Actor.UserId) return AssessmentResult.NotAllowed;
        if (assessment.Version != input.ExpectedVersion || assessment.IsCompleted) return AssessmentResult.ChangedElsewhere;

        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == assessment.ReferralId).Select(r => new { r.ReferralDate }).SingleAsync(ct);
        var now = db.Time.GetUtcNow();
        var today = TimeLimits.UkDay(now);
        var factors = AssessmentFactors.Split(AssessmentFactors.Join(input.Factors));
        var errors = AssessmentRules.Check(input, factors, referral.ReferralDate, today, complete);
        if (errors.Count > 0) return AssessmentResult.Invalid(errors);

        assessment.ChildSeenOn = input.ChildSeenOn;
        assessment.SeenAlone = input.SeenAlone;
        assessment.Factors = string.Join(AssessmentFactors.Separator, factors);
        assessment.Analysis = Trimmed(input.Analysis);
        assessment.ChildsViews = Trimmed(input.ChildsViews);
        assessment.Outcome = input.Outcome;
        assessment.OutcomeDetail = input.Outcome == AssessmentOutcome.Other ? Trimmed(input.OutcomeDetail) : null;
        if (!complete)
        {
            db.Record(new AssessmentSaved(assessment.Id, factors, assessment.Outcome), assessment.PersonId, nameof(Assessment), assessment.Id);
            return await SaveChangesAsync(ct);
        }

        assessment.CompletedOn = today;
        assessment.CompletedBy = db.Actor.UserId;
        assessment.ReturnedReason = null;
        var open = await db.WorkItems.Where(w => w.ClosedAt == null && w.SubjectId == assessment.Id).ToListAsync(ct);
        foreach (var item in open.Where(w => w.Kind == WorkKind.Assessment)) work.Close(item, now);
        var names = await NamesAsync(assessment, ct);
        var priority = open.Select(w => (Priority?)w.Priority).Min() ?? Priority.Standard;
        work.Open(WorkKind.AssessmentAuthorisation, assessment.Id, $"Authorise the assessment of {names.Child} (completed by {names.Worker})",
            names.TeamId, priority, assessment.PersonId, now);
        db.Record(new AssessmentCompleted(assessment.Id, names.Worker, today, assessment.ChildSeenOn, assessment.SeenAlone ?? false, factors,
            assessment.Outcome!.Value), assessment.PersonId, nameof(Assessment), assessment.Id);
        return await SaveChangesAsync(ct);
    }

    /// <summary>A manager of the worker authorises the completed assessment: today is its CIN census authorisation date.</summary>
    public async Task<AssessmentResult> AuthoriseAsync(Guid assessmentId, int expectedVersion, CancellationToken ct = default) =>
        await DecideAsync(assessmentId, expectedVersion, null, ct);

    /// <summary>A manager sends the completed assessment back to the worker with <paramref name="reason"/>; it is due as before.</summary>
    public async Task<AssessmentResult> ReturnAsync(Guid assessmentId, int expectedVersion, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return AssessmentResult.Invalid([(AssessmentFields.ReturnReason, "Say what the worker needs to change")]);
        if (reason.Trim().Length > OutcomeDetailMaxLength)
        {
            return AssessmentResult.Invalid([(AssessmentFields.ReturnReason, $"The reason must be {OutcomeDetailMaxLength} characters or fewer")]);
        }
        return await DecideAsync(assessmentId, expectedVersion, reason.Trim(), ct);
    }

    private async Task<AssessmentResult> DecideAsync(Guid assessmentId, int expectedVersion, string? returnReason, CancellationToken ct)
    {
        var view = await FindAsync(assessmentId, ct);
        if (view is null) return AssessmentResult.NotFound;
        if (!await MayAuthoriseAsync(view, ct)) return AssessmentResult.NotAllowed;
        var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId, ct);
        if (assessment.Version != expectedVersion || !assessment.IsCompleted || assessment.IsAuthorised) return AssessmentResult.ChangedElsewhere;

        var now = db.Time.GetUtcNow();
        var open = await db.WorkItems.Where(w => w.ClosedAt == null && w.SubjectId == assessment.Id && w.Kind == WorkKind.AssessmentAuthorisation)
            .ToListAsync(ct);
        foreach (var item in open) work.Close(item, now);
        var manager = await db.Users.AsNoTracking().Where(u => u.Id == db.Actor.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        if (returnReason is null)
        {
            assessment.AuthorisedOn = TimeLimits.UkDay(now);
            assessment.AuthorisedBy = db.Actor.UserId;
            db.Record(new AssessmentAuthorised(assessment.Id, manager, assessment.AuthorisedOn.Value, assessment.AuthorisedOn <= assessment.DueOn),
                assessment.PersonId, nameof(Assessment), assessment.Id);
            if (assessment.Outcome == AssessmentOutcome.ChildInNeedPlan)
            {
                var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == assessment.ReferralId, ct);
                await childInNeedPlans.StartAsync(referral, assessment.AuthorisedOn.Value, "assessment", ct);
            }
            return await SaveChangesAsync(ct);
        }

        assessment.CompletedOn = null;
        assessment.CompletedBy = null;
        assessment.ReturnedReason = returnReason;
        var names = await NamesAsync(assessment, ct);
        var priority = open.Select(w => (Priority?)w.Priority).Min() ?? Priority.Standard;
        var again = work.Open(WorkKind.Assessment, assessment.Id, $"Child and family assessment: {names.Child} (returned by {manager})", names.TeamId,
            priority, assessment.PersonId, now, AssessmentDueRule.ClockFrom(view.ReferralDate));
        work.Reassign(again, names.TeamId, assessment.WorkerId);
        db.Record(new AssessmentReturned(assessment.Id, manager, returnReason), assessment.PersonId, nameof(Assessment), assessment.Id, returnReason);
        return await SaveChangesAsync(ct);
    }

    private async Task<AssessmentResult> SaveChangesAsync(CancellationToken ct) =>
        await db.SaveUnlessChangedElsewhereAsync(ct) ? AssessmentResult.Saved : AssessmentResult.ChangedElsewhere;

    private sealed record Names(string Child, string Worker, Guid TeamId);

    private async Task<Names> NamesAsync(Assessment assessment, CancellationToken ct)
    {
        var child = await db.People.AsNoTracking().Where(p => p.Id == assessment.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var worker = await db.Users.AsNoTracking().Where(u => u.Id == assessment.WorkerId).Select(u => new { u.DisplayName, u.TeamId }).SingleOrDefaultAsync(ct);
        var referralTeam = await db.Referrals.AsNoTracking().Where(r => r.Id == assessment.ReferralId).Select(r => r.TeamId).SingleAsync(ct);
        return new Names(child.Trim(), worker?.DisplayName ?? "the worker", worker?.TeamId ?? referralTeam);
    }

    private async Task<List<AssessmentView>> ViewsAsync(IQueryable<Assessment> assessments, CancellationToken ct) =>
        (await (from a in assessments.AsNoTracking()
                join p in db.People on a.PersonId equals p.Id
                join r in db.Referrals on a.ReferralId equals r.Id
                select new
                {
                    a, Child = p.GivenName + " " + p.FamilyName, r.ReferralDate,
                    Worker = db.Users.Where(u => u.Id == a.WorkerId).Select(u => u.DisplayName).FirstOrDefault(),
                    CompletedBy = db.Users.Where(u => u.Id == a.CompletedBy).Select(u => u.DisplayName).FirstOrDefault(),
                    AuthorisedBy = db.Users.Where(u => u.Id == a.AuthorisedBy).Select(u => u.DisplayName).FirstOrDefault(),
                })
            .ToListAsync(ct))
        .Select(x => new AssessmentView(x.a.Id, x.a.ReferralId, x.a.PersonId, x.Child.Trim(), x.a.WorkerId, x.Worker, x.ReferralDate, x.a.StartedOn,
            x.a.DueOn, x.a.ChildSeenOn, x.a.SeenAlone, AssessmentFactors.Split(x.a.Factors), x.a.Analysis, x.a.ChildsViews, x.a.Outcome,
            x.a.OutcomeDetail, x.a.CompletedOn, x.a.CompletedOn is null ? null : x.CompletedBy ?? "", x.a.AuthorisedOn, x.AuthorisedBy, x.a.ReturnedReason,
            x.a.Version))
        .ToList();

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
