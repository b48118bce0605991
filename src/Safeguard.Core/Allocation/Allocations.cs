using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Assessments;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

/// <summary>
/// The one way a child's case is given to a worker (docs/allocation.md): always one referral, one worker and a recorded
/// discussion, checked against the competence rules and the worker's capacity, and saved in one transaction with the
/// referral, the work items it opens and closes, and its events. Reallocation is the same discussion with a reason.
/// Nothing else constructs a <see cref="CaseAllocation"/> or sets who holds a referral (a test checks it).
/// </summary>
public sealed partial class Allocations(SafeguardDbContext db, Caseloads caseloads, ChildStatuses statuses, IWorkingDayCalendar calendar,
    WorkClocks clocks, ChildAndFamilyAssessments assessments)
{
    private readonly WorkItems _work = new(db, clocks);
    private readonly ChildAndFamilyAssessments _assessments = assessments;

    /// <summary>
    /// Allocates <paramref name="referralId"/> as the manager and worker agreed in <paramref name="discussion"/>.
    /// <paramref name="overrideReason"/>: a service manager's reason for allocating against the competence rules;
    /// <paramref name="capacityReason"/>: the reason for allocating beyond the worker's capacity. If the referral changed
    /// since the manager saw <paramref name="expectedReferralVersion"/> (someone else allocated it), nothing is saved.
    /// </summary>
    public async Task<AllocationResult> AllocateAsync(Guid referralId, AllocationDiscussion discussion, CaseKind caseKind,
        string? overrideReason, string? capacityReason, int expectedReferralVersion, CancellationToken ct = default)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null) return AllocationResult.NotFound;
        if (referral.Version != expectedReferralVersion || referral.Status != ReferralStatus.AwaitingAllocation)
        {
            return AllocationResult.ChangedElsewhere;
        }
        var now = db.Time.GetUtcNow();
        var check = await CheckAsync(referral.PersonId, referral.ReferralDate, referral.TeamId, discussion, caseKind, overrideReason, capacityReason, null, [], ct);
        if (check.Errors.Count > 0) return new AllocationResult(AllocationOutcome.Refused, null, check.Errors, check.CompetenceReasons);

        var allocationItem = (await _work.OpenAboutAsync(referral.Id, [WorkKind.Allocation], ct)).FirstOrDefault();
        var priority = PriorityOf(check.Kind, allocationItem?.Priority);
        if (allocationItem is not null) _work.Close(allocationItem, now);
        var allocation = await MakeAsync(referral, check, priority, now, previous: null, reallocationReason: null, ct);
        return await SaveAsync(allocation.Id, ct);
    }

    /// <summary>
    /// Moves an open allocation to another worker, after the same discussion and rules, for a reason. The old allocation
    /// ends; the old worker's open work about the child moves to the new worker (the old acceptance and first supervision,
    /// replaced by the new allocation's own, close); any open "reallocate" item closes. Nothing is saved if the allocation
    /// changed since <paramref name="expectedAllocationVersion"/>.
    /// </summary>
    public async Task<AllocationResult> ReallocateAsync(Guid allocationId, ReallocationReasonKind? reason, string? reasonDetail,
        AllocationDiscussion discussion, CaseKind caseKind, string? overrideReason, string? capacityReason, int expectedAllocationVersion,
        CancellationToken ct = default)
    {
        var old = await db.CaseAllocations.SingleOrDefaultAsync(a => a.Id == allocationId, ct);
        if (old is null) return AllocationResult.NotFound;
        if (old.Version != expectedAllocationVersion || !old.IsOpen) return AllocationResult.ChangedElsewhere;
        var referral = await db.Referrals.SingleAsync(r => r.Id == old.ReferralId, ct);
        var extra = new List<AllocationError>();
        if (reason is null || !Enum.IsDefined(reason.Value))
            extra.Add(new(AllocationFields.ReallocationReason, "Select why the case is moving to another worker"));
        if (string.IsNullOrWhiteSpace(reasonDetail))
            extra.Add(new(AllocationFields.ReallocationDetail, "Say more about why the case is moving"));
        else if (reasonDetail.Trim().Length > DiscussionRule.MaxReasonLength - 100)
            extra.Add(new(AllocationFields.ReallocationDetail, $"The reason must be {DiscussionRule.MaxReasonLength - 100} characters or fewer"));
        if (discussion.WorkerId == old.WorkerId)
            extra.Add(new(AllocationFields.Worker, "Choose a different worker: the case is already allocated to this worker"));
        var check = await CheckAsync(old.PersonId, referral.ReferralDate, referral.TeamId, discussion, caseKind, overrideReason, capacityReason, old.CaseKind, extra, ct);
        if (check.Errors.Count > 0) return new AllocationResult(AllocationOutcome.Refused, null, check.Errors, check.CompetenceReasons);

        var now = db.Time.GetUtcNow();
        var why = $"{reason!.Value.Words()}: {reasonDetail!.Trim()}";
        var oldWorker = await NameOfAsync(old.WorkerId, ct);
        old.EndedAt = now;
        old.EndReason = $"Reallocated. {why}";
        db.Record(new AllocationEnded(old.Id, old.WorkerId, oldWorker, old.EndReason), old.PersonId, nameof(CaseAllocation), old.Id, why);

        var openWork = await db.WorkItems
            .Where(w => w.ClosedAt == null && (w.SubjectId == old.Id || (w.PersonId == old.PersonId && w.OwnerUserId == old.WorkerId)))
            .ToListAsync(ct);
        var priority = PriorityOf(check.Kind, openWork.Where(w => w.SubjectId == old.Id).Select(w => (Priority?)w.Priority).Min());
        var allocation = await MakeAsync(referral, check, priority, now, old, why, ct);
        await _assessments.HandOverAsync(old.PersonId, old.WorkerId, check.Worker.Id, ct);
        foreach (var item in openWork)
        {
            if (item.Kind is WorkKind.AcceptAllocation or WorkKind.CaseSupervision or WorkKind.Reallocation && item.SubjectId == old.Id)
            {
                _work.Close(item, now);
            }
            else if (item.OwnerUserId == old.WorkerId)
            {
                _work.Reassign(item, check.WorkerTeamId, check.Worker.Id);
            }
        }
        return await SaveAsync(allocation.Id, ct);
    }

    /// <summary>
    /// The allocated worker confirms they have read the case summary: the case is accepted. Only they can; anyone else
    /// is told it was not found. Accepting twice changes nothing.
    /// </summary>
    public async Task<AllocationOutcome> AcceptAsync(Guid allocationId, int? expectedVersion = null, CancellationToken ct = default)
    {
        var allocation = await db.CaseAllocations.SingleOrDefaultAsync(a => a.Id == allocationId, ct);
        if (allocation is null || allocation.WorkerId != db.Actor.UserId) return AllocationOutcome.NotFound;
        if (!allocation.IsOpen || allocation.IsAccepted || expectedVersion is { } v && v != allocation.Version) return AllocationOutcome.ChangedElsewhere;
        var now = db.Time.GetUtcNow();
        allocation.AcceptedAt = now;
        foreach (var item in await _work.OpenAboutAsync(allocation.Id, [WorkKind.AcceptAllocation], ct)) _work.Close(item, now);
        db.Record(new AllocationAccepted(allocation.Id, allocation.WorkerId, await NameOfAsync(allocation.WorkerId, ct)),
            allocation.PersonId, nameof(CaseAllocation), allocation.Id);
        return (await SaveAsync(allocation.Id, ct)).Outcome;
    }

    private async Task<CaseAllocation> MakeAsync(Referral referral, CheckedDiscussion check, Priority priority, DateTimeOffset now,
        CaseAllocation? previous, string? reallocationReason, CancellationToken ct)
    {
        var discussion = check.Discussion;
        var allocation = new CaseAllocation(referral.PersonId, referral.Id, check.WorkerTeamId, check.Kind, discussion, now)
        {
            PreviousAllocationId = previous?.Id,
            ReallocationReason = reallocationReason,
        };
        db.CaseAllocations.Add(allocation);
        referral.AllocatedWorkerId = check.Worker.Id;
        referral.Status = ReferralStatus.Allocated;

        var child = await db.People.Where(p => p.Id == referral.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var accept = _work.Open(WorkKind.AcceptAllocation, allocation.Id,
            $"Accept a new case: {child} (allocated to {check.Worker.Name}, not yet accepted)", check.WorkerTeamId, priority, referral.PersonId, now);
        _work.Reassign(accept, check.WorkerTeamId, check.Worker.Id);
        var owners = await db.Users.Where(u => discussion.Actions.Select(a => a.OwnerId).Contains(u.Id)).Select(u => new { u.Id, u.TeamId })
            .ToDictionaryAsync(u => u.Id, u => u.TeamId, ct);
        foreach (var action in discussion.Actions)
        {
            var item = _work.Open(WorkKind.AgreedAction, allocation.Id, $"{action.What} ({child})", check.WorkerTeamId, priority,
                referral.PersonId, now, TimeLimits.EndOfDay(action.DueOn));
            var owner = action.OwnerId ?? check.Worker.Id;
            _work.Reassign(item, owners.GetValueOrDefault(owner) ?? check.WorkerTeamId, owner);
        }
        var supervision = _work.Open(WorkKind.CaseSupervision, allocation.Id, $"First case supervision: {child}", check.WorkerTeamId, priority,
            referral.PersonId, now, calendar.DueAt(now, TimeLimits.FirstSupervisionWorkingDays));
        _work.Reassign(supervision, check.WorkerTeamId, check.Worker.Id);
        if (previous is null)
        {
            await _assessments.StartAsync(referral, check.Worker.Id, check.Worker.Name, check.WorkerTeamId, priority, child, now, ct);
        }

        var manager = await NameOfAsync(discussion.ManagerId, ct);
        db.Record(new CaseAllocated(allocation.Id, referral.Id, check.Worker.Id, check.Worker.Name, discussion.ManagerId, manager, check.Kind,
                discussion.DiscussedAt, discussion.Actions, discussion.Risks, reallocationReason),
            referral.PersonId, nameof(CaseAllocation), allocation.Id, reallocationReason);
        if (check.OverrideReason is { } overridden)
        {
            allocation.CompetenceOverrideReason = overridden;
            allocation.CompetenceOverriddenBy = db.Actor.UserId;
            db.Record(new CompetenceOverridden(allocation.Id, check.Worker.Id, check.Worker.Name, check.Kind, check.CompetenceReasons, overridden),
                referral.PersonId, nameof(CaseAllocation), allocation.Id, overridden);
        }
        if (check.CapacityReason is { } beyond)
        {
            allocation.CapacityReason = beyond;
            db.Record(new AllocatedOverCapacity(allocation.Id, check.Worker.Id, check.Worker.Name, check.LoadAfter, check.Capacity, beyond),
                referral.PersonId, nameof(CaseAllocation), allocation.Id, beyond);
        }
        return allocation;
    }

    private async Task<AllocationResult> SaveAsync(Guid allocationId, CancellationToken ct) =>
        await db.SaveUnlessChangedElsewhereAsync(ct) ? AllocationResult.Made(allocationId) : AllocationResult.ChangedElsewhere;

    /// <summary>Child protection work is always child protection priority; otherwise the priority the referral already had.</summary>
    private static Priority PriorityOf(CaseKind kind, Priority? had) =>
        kind == CaseKind.ChildProtection ? Priority.ChildProtection : had ?? Priority.Standard;

    private sealed record Worker(Guid Id, string Name, Guid? TeamId);

    private sealed record CheckedDiscussion(AllocationDiscussion Discussion, CaseKind Kind, Worker Worker, Guid WorkerTeamId,
        IReadOnlyList<AllocationError> Errors, IReadOnlyList<string> CompetenceReasons, string? OverrideReason, string? CapacityReason,
        double LoadAfter, double Capacity);

    /// <summary>The discussion, the worker, the kind of case, the competence rules and capacity, checked together so every problem is shown at once.</summary>
    private async Task<CheckedDiscussion> CheckAsync(Guid personId, DateOnly referralDate, Guid referralTeamId, AllocationDiscussion raw, CaseKind caseKind,
        string? overrideReason, string? capacityReason, CaseKind? allocatedAs, List<AllocationError> errors, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var today = TimeLimits.UkDay(now);
        errors.AddRange(DiscussionRule.Check(raw, now, referralDate, db.Actor.UserId));
        var discussion = DiscussionRule.Tidy(raw);

        var kindNow = Caseloads.KindNow(allocatedAs ?? CaseKind.ChildInNeed, (await caseloads.KindsNowAsync([personId], ct)).GetValueOrDefault(personId));
        if (!Enum.IsDefined(caseKind) || (caseKind != kindNow && caseKind != CaseKind.Court))
        {
            errors.Add(new(AllocationFields.CaseKind, $"Select what kind of case this is: {kindNow.Words().ToLowerInvariant()}, or court proceedings"));
            caseKind = kindNow;
        }

        var ownerIds = discussion.Actions.Where(a => a.OwnerId is not null).Select(a => a.OwnerId!.Value).Distinct().ToList();
        var activeOwners = await db.Users.Where(u => ownerIds.Contains(u.Id) && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);
        for (var i = 0; i < discussion.Actions.Count; i++)
        {
            if (discussion.Actions[i].OwnerId is { } owner && !activeOwners.Contains(owner))
                errors.Add(new(AllocationFields.ActionWhat(i), "The person an action is given to must have an account that is in use"));
        }

        var user = await SocialWorkers().Where(u => u.Id == discussion.WorkerId).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            errors.Add(new(AllocationFields.Worker, "Select the social worker the case is allocated to"));
            return new CheckedDiscussion(discussion, caseKind, new Worker(discussion.WorkerId, "", null), Guid.Empty, errors, [], null, null, 0, 0);
        }
        var worker = new Worker(user.Id, user.DisplayName, user.TeamId);
        var teamId = user.TeamId ?? referralTeamId;

        var training = await db.TrainingRecords.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync(ct);
        var reasons = CompetenceRules.Check(WorkerCompetence.Of(user, training), caseKind, today);
        string? overriding = null;
        var overrideGiven = !string.IsNullOrWhiteSpace(overrideReason);
        if (reasons.Count > 0)
        {
            var mayOverride = await ActorMayAsync(Permissions.OverrideCompetence, ct);
            if (overrideGiven && mayOverride && overrideReason!.Trim().Length <= DiscussionRule.MaxReasonLength)
            {
                // Overridden: the rules' reasons go on the record (the event) but do not refuse the allocation.
                overriding = overrideReason.Trim();
            }
            else
            {
                foreach (var reason in reasons) errors.Add(new(AllocationFields.Worker, $"{user.DisplayName} cannot be allocated this case. {reason}"));
                if (overrideGiven && !mayOverride)
                    errors.Add(new(AllocationFields.OverrideReason, "Only a service manager, head of service or director can override the competence rules"));
                else if (overrideGiven)
                    errors.Add(new(AllocationFields.OverrideReason, $"The reason for overriding must be {DiscussionRule.MaxReasonLength} characters or fewer"));
            }
        }

        var load = (await caseloads.ForWorkersAsync([user.Id], ct)).Single();
        var loadAfter = Math.Round(load.WeightedLoad + caseloads.Settings.WeightOf(caseKind), 2);
        string? beyond = null;
        if (load.WouldExceed(caseKind, caseloads.Settings))
        {
            if (string.IsNullOrWhiteSpace(capacityReason))
                errors.Add(new(AllocationFields.CapacityReason,
                    $"{user.DisplayName} would be beyond capacity ({loadAfter:0.##} of {load.Capacity:0.##}): give the reason for allocating to them anyway"));
            else if (capacityReason.Trim().Length > DiscussionRule.MaxReasonLength)
                errors.Add(new(AllocationFields.CapacityReason, $"The reason must be {DiscussionRule.MaxReasonLength} characters or fewer"));
            else beyond = capacityReason.Trim();
        }
        return new CheckedDiscussion(discussion, caseKind, worker, teamId, errors, reasons, overriding, beyond, loadAfter, load.Capacity);
    }

    /// <summary>Accounts in use with the social worker role: the people a case can be allocated to.</summary>
    private IQueryable<StaffUser> SocialWorkers()
    {
        var withRole = db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == Roles.SocialWorker).Select(x => x.UserId);
        return db.Users.AsNoTracking().Where(u => !u.IsDisabled && withRole.Contains(u.Id));
    }

    private async Task<bool> ActorMayAsync(string permission, CancellationToken ct)
    {
        if (db.Actor.UserId is not { } userId) return false;
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(ct);
        return RolePermissions.ForRoles(roles).Contains(permission);
    }

    private async Task<string> NameOfAsync(Guid userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "Unknown";
}
