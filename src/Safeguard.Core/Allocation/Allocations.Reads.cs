using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

public sealed partial class Allocations
{
    /// <summary>Everything a manager needs to allocate <paramref name="referralId"/>; null when there is no such referral.</summary>
    public async Task<AllocationView?> ViewForReferralAsync(Guid referralId, CancellationToken ct = default)
    {
        var referral = await (
                from r in db.Referrals.AsNoTracking()
                join p in db.People on r.PersonId equals p.Id
                join t in db.Teams on r.TeamId equals t.Id
                where r.Id == referralId
                select new
                {
                    r.Id, r.PersonId, Name = p.GivenName + " " + p.FamilyName, p.DateOfBirth, r.ReferralDate, r.TeamId, TeamName = t.Name, r.Status,
                    r.AllocatedWorkerId, r.Version,
                })
            .SingleOrDefaultAsync(ct);
        if (referral is null) return null;
        var open = await db.CaseAllocations.AsNoTracking().Where(a => a.ReferralId == referralId && a.EndedAt == null)
            .Select(a => (CaseKind?)a.CaseKind).FirstOrDefaultAsync(ct);
        var kindNow = Caseloads.KindNow(open ?? CaseKind.ChildInNeed,
            (await caseloads.KindsNowAsync([referral.PersonId], ct)).GetValueOrDefault(referral.PersonId));
        var itemPriority = await db.WorkItems.AsNoTracking().Where(w => w.SubjectId == referralId && w.Kind == WorkKind.Allocation)
            .OrderBy(w => w.ClosedAt != null).Select(w => (Priority?)w.Priority).FirstOrDefaultAsync(ct);
        return new AllocationView(referral.Id, referral.PersonId, referral.Name, referral.DateOfBirth, referral.ReferralDate, referral.TeamId,
            referral.TeamName, referral.Status, referral.AllocatedWorkerId, referral.Version, PriorityOf(kindNow, itemPriority), kindNow,
            await statuses.ForChildAsync(referral.PersonId, ct),
            await WorkersOfChildAsync(referral.PersonId, ct),
            await EarlierReferralsAsync(referral.PersonId, referralId, ct),
            await CandidatesAsync(referral.TeamId, kindNow, ct));
    }

    /// <summary>
    /// The social workers a case of <paramref name="kind"/> could go to: <paramref name="teamId"/>'s first, then the other
    /// teams', each with their caseload, what the competence rules say and whether one more case takes them beyond capacity.
    /// </summary>
    public async Task<IReadOnlyList<AllocationCandidate>> CandidatesAsync(Guid teamId, CaseKind kind, CancellationToken ct = default)
    {
        var today = TimeLimits.UkDay(db.Time.GetUtcNow());
        var workers = await SocialWorkers().ToListAsync(ct);
        var ids = workers.Select(w => w.Id).ToList();
        var training = (await db.TrainingRecords.AsNoTracking().Where(t => ids.Contains(t.UserId)).ToListAsync(ct)).ToLookup(t => t.UserId);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var loads = (await caseloads.ForWorkersAsync(ids, ct)).ToDictionary(l => l.WorkerId);
        return workers
            .Select(w => new AllocationCandidate(loads[w.Id], w.TeamId is { } t ? teams.GetValueOrDefault(t, "") : "No team", w.TeamId == teamId,
                CompetenceRules.Check(WorkerCompetence.Of(w, training[w.Id]), kind, today), loads[w.Id].WouldExceed(kind, caseloads.Settings)))
            .OrderByDescending(c => c.InReferralTeam).ThenBy(c => c.TeamName).ThenBy(c => c.Name)
            .ToList();
    }

    /// <summary>Every worker the child has had, newest first, with the dates they held the case.</summary>
    public async Task<IReadOnlyList<ChildWorker>> WorkersOfChildAsync(Guid personId, CancellationToken ct = default) =>
        await (
                from a in db.CaseAllocations.AsNoTracking()
                join u in db.Users on a.WorkerId equals u.Id
                where a.PersonId == personId
                orderby a.AllocatedAt descending
                select new ChildWorker(a.Id, a.WorkerId, u.DisplayName, a.CaseKind, a.AllocatedAt, a.EndedAt, a.AcceptedAt, a.ReallocationReason, a.EndReason))
            .ToListAsync(ct);

    private async Task<IReadOnlyList<EarlierReferral>> EarlierReferralsAsync(Guid personId, Guid except, CancellationToken ct) =>
        await (
                from r in db.Referrals.AsNoTracking()
                join t in db.Teams on r.TeamId equals t.Id
                where r.PersonId == personId && r.Id != except
                orderby r.ReferralDate descending
                select new EarlierReferral(r.Id, r.ReferralDate, r.Status, t.Name, r.ClosedOn))
            .ToListAsync(ct);

    /// <summary>The case summary a worker reads before accepting it (null: no such allocation).</summary>
    public async Task<CaseSummary?> SummaryAsync(Guid allocationId, CancellationToken ct = default)
    {
        var summary = await (
                from a in db.CaseAllocations.AsNoTracking()
                join p in db.People on a.PersonId equals p.Id
                join r in db.Referrals on a.ReferralId equals r.Id
                join w in db.Users on a.WorkerId equals w.Id
                join m in db.Users on a.ManagerId equals m.Id
                where a.Id == allocationId
                select new CaseSummary(a.Id, a.PersonId, p.GivenName + " " + p.FamilyName, p.DateOfBirth, r.ReferralDate, a.CaseKind, a.WorkerId,
                    w.DisplayName, m.DisplayName, a.DiscussedAt, a.AllocatedAt, a.Risks, a.Notes, a.ReallocationReason, a.AcceptedAt, a.EndedAt,
                    a.Version, new List<AgreedActionLine>()))
            .SingleOrDefaultAsync(ct);
        if (summary is null) return null;
        var actions = await (
                from w in db.WorkItems.AsNoTracking()
                where w.SubjectId == allocationId && w.Kind == WorkKind.AgreedAction
                orderby w.DueAt
                select new AgreedActionLine(w.Id, w.Title, w.DueAt, w.OwnerUserId,
                    db.Users.Where(u => u.Id == w.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(), w.ClosedAt))
            .ToListAsync(ct);
        return summary with { Actions = actions };
    }

    /// <summary>The open allocation of a referral's child, for reallocating it: its summary, and the candidates for its kind.</summary>
    public async Task<(CaseSummary Summary, AllocationView View)?> ReallocationViewAsync(Guid allocationId, CancellationToken ct = default)
    {
        var summary = await SummaryAsync(allocationId, ct);
        if (summary is null) return null;
        var referralId = await db.CaseAllocations.AsNoTracking().Where(a => a.Id == allocationId).Select(a => a.ReferralId).SingleAsync(ct);
        var view = await ViewForReferralAsync(referralId, ct);
        return view is null ? null : (summary, view);
    }
}
