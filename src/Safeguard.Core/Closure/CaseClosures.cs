using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Closure;

/// <summary>What the closure page shows before a case is closed, and what stops it closing.</summary>
public sealed record ClosureContext(Guid ReferralId, Guid PersonId, string ChildName, DateOnly ReferralDate, bool IsReReferral, ReferralStatus Status,
    DateOnly? ClosedOn, string? ClosureReason, string? ClosureSummary, bool OpenProtectionPlan, bool OpenEnquiry, bool AssessmentCompleted,
    int OpenChildInNeedPlans, int OpenWork, int Version);

public enum ClosureOutcome { Closed, NotFound, Invalid, ChangedElsewhere }

public sealed record ClosureResult(ClosureOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly ClosureResult Closed = new(ClosureOutcome.Closed, []);
    public static readonly ClosureResult NotFound = new(ClosureOutcome.NotFound, []);
    public static readonly ClosureResult ChangedElsewhere = new(ClosureOutcome.ChangedElsewhere, []);
}

/// <summary>
/// Closing a child's case (docs/closure.md), in one save with its event: the referral (the CIN episode) closes with a CIN
/// reason for closure (RC1 to RC9) and a summary; the worker's allocation ends; open child in need plans end; open
/// casework about the child closes. A child protection plan or a section 47 enquiry still open stops it, as does closing
/// "after assessment" (RC8, RC9) with no completed assessment.
/// </summary>
public sealed class CaseClosures(SafeguardDbContext db, WorkItems work, ChildInNeed.ChildInNeedPlans childInNeedPlans)
{
    public const int SummaryMaxLength = 4000;

    /// <summary>
    /// The work a case's closure ends: everything about the child's case (and the case's own allocation item), never a new
    /// contact's front-door work.
    /// </summary>
    public static readonly IReadOnlyList<WorkKind> CaseworkKinds =
    [
        WorkKind.Assessment, WorkKind.AssessmentAuthorisation, WorkKind.AcceptAllocation, WorkKind.AgreedAction, WorkKind.CaseSupervision,
        WorkKind.Reallocation, WorkKind.Visit, WorkKind.Review, WorkKind.CarerCheck,
        // An enquiry concluded for a conference that will not now be held (the child moved away: RC5).
        WorkKind.InitialConference,
    ];

    public async Task<ClosureContext?> ContextAsync(Guid referralId, CancellationToken ct = default)
    {
        var row = await (from rf in db.Referrals.AsNoTracking()
                         join p in db.People on rf.PersonId equals p.Id
                         where rf.Id == referralId
                         select new
                         {
                             rf, Child = p.GivenName + " " + p.FamilyName,
                             ProtectionPlan = db.ChildPlans.Any(pl => pl.PersonId == rf.PersonId && pl.Kind == PlanKind.ChildProtection && pl.EndedOn == null),
                             Enquiry = db.Section47Enquiries.Any(e => e.PersonId == rf.PersonId && e.EndedOn == null),
                             Assessed = db.Assessments.Any(a => a.ReferralId == rf.Id && a.CompletedOn != null),
                             CinPlans = db.ChildPlans.Count(pl => pl.PersonId == rf.PersonId && pl.Kind == PlanKind.ChildInNeed && pl.EndedOn == null),
                             Work = db.WorkItems.Count(w => w.ClosedAt == null
                                 && ((w.PersonId == rf.PersonId && CaseworkKinds.Contains(w.Kind)) || (w.SubjectId == rf.Id && w.Kind == WorkKind.Allocation))),
                         })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var r = row.rf;
        return new ClosureContext(r.Id, r.PersonId, row.Child.Trim(), r.ReferralDate, r.IsReReferral, r.Status, r.ClosedOn, r.ClosureReason,
            r.ClosureSummary, row.ProtectionPlan, row.Enquiry, row.Assessed, row.CinPlans, row.Work, r.Version);
    }

    /// <summary>Closes the case from <paramref name="expectedVersion"/>; a case changed or closed meanwhile is not overwritten.</summary>
    public async Task<ClosureResult> CloseAsync(Guid referralId, int expectedVersion, string? reasonCode, DateOnly? closedOn, string? summary,
        CancellationToken ct = default)
    {
        var context = await ContextAsync(referralId, ct);
        if (context is null) return ClosureResult.NotFound;
        var today = TimeLimits.UkDay(db.Time.GetUtcNow());
        var errors = CaseClosureRules.Check(context, reasonCode, closedOn, summary, today);
        if (errors.Count > 0) return new ClosureResult(ClosureOutcome.Invalid, errors);
        if (context.Status == ReferralStatus.Closed || context.Version != expectedVersion) return ClosureResult.ChangedElsewhere;

        var now = db.Time.GetUtcNow();
        var referral = await db.Referrals.SingleAsync(r => r.Id == referralId, ct);
        // Read again for the change: someone else may have closed it since the context was read.
        if (referral.Status == ReferralStatus.Closed || referral.Version != expectedVersion) return ClosureResult.ChangedElsewhere;
        var reason = ClosureReasons.Find(reasonCode)!;
        var on = closedOn!.Value;
        referral.Close(on, reason.Code, summary!.Trim());
        foreach (var allocation in await db.CaseAllocations.Where(a => a.ReferralId == referralId && a.EndedAt == null).ToListAsync(ct))
        {
            allocation.EndedAt = now;
            allocation.EndReason = $"Case closed: {reason.Code}";
            db.Record(new AllocationEnded(allocation.Id, allocation.WorkerId, await NameOfAsync(allocation.WorkerId, ct), allocation.EndReason),
                allocation.PersonId, nameof(CaseAllocation), allocation.Id);
        }
        var plans = await childInNeedPlans.EndOpenAsync(referral.PersonId, on, $"Case closed: {reason.Code}", ct);
        var open = await db.WorkItems.Where(w => w.ClosedAt == null
                && ((w.PersonId == referral.PersonId && CaseworkKinds.Contains(w.Kind)) || (w.SubjectId == referral.Id && w.Kind == WorkKind.Allocation)))
            .ToListAsync(ct);
        foreach (var item in open) work.Close(item, now);
        db.Record(new CaseClosed(referral.Id, on, reason.Code, referral.ClosureSummary!, plans, open.Count), referral.PersonId, nameof(Referral),
            referral.Id, referral.ClosureSummary);
        return await db.SaveUnlessChangedElsewhereAsync(ct) ? ClosureResult.Closed : ClosureResult.ChangedElsewhere;
    }

    private async Task<string> NameOfAsync(Guid userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
}

/// <summary>
/// What closing a case needs, every problem at once: a CIN reason for closure, a date (not before the referral, not in
/// the future) and a summary; no open child protection plan or section 47 enquiry; and, to close "after assessment"
/// (RC8, RC9), a completed assessment in this case.
/// </summary>
public static class CaseClosureRules
{
    public static IReadOnlyList<(string Field, string Message)> Check(ClosureContext context, string? reasonCode, DateOnly? closedOn, string? summary,
        DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (context.OpenProtectionPlan) errors.Add(("", "End the child protection plan at a review conference before closing the case"));
        if (context.OpenEnquiry) errors.Add(("", "Record the outcome of the section 47 enquiry before closing the case"));
        var reason = ClosureReasons.Find(reasonCode);
        if (reason is null) errors.Add(("Reason", "Select the reason for closure"));
        else if (reason.AfterAssessment && !context.AssessmentCompleted)
        {
            errors.Add(("Reason", $"{reason.Code} is for a case closed after its assessment: complete the assessment first, or choose another reason"));
        }
        if (closedOn is not { } on) errors.Add(("ClosedOn", "Enter the date the case closed"));
        else if (on > today) errors.Add(("ClosedOn", "The date the case closed must be today or in the past"));
        else if (on < context.ReferralDate) errors.Add(("ClosedOn", $"The date the case closed must be on or after the referral, {context.ReferralDate:d MMMM yyyy}"));
        if (string.IsNullOrWhiteSpace(summary)) errors.Add(("Summary", "Enter a summary of why the case is closing"));
        else if (summary.Trim().Length > CaseClosures.SummaryMaxLength) errors.Add(("Summary", $"The summary must be {CaseClosures.SummaryMaxLength:N0} characters or fewer"));
        return errors;
    }
}
