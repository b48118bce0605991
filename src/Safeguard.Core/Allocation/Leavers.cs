using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

/// <summary>
/// Leavers never orphan a child. Setting a leaving date puts each of the worker's cases on the team tray for
/// reallocation, due at the end of the last working day before the leaving date; moving the date moves those items,
/// clearing it closes them (unless the competence rules still forbid the case: then the decision is still needed).
/// If the employment ends with cases still held (<see cref="EndEmploymentsAsync"/>, run by the sweep), each
/// allocation ends ("Worker left"), the referral waits for allocation again with an Allocation item at top priority on
/// the team tray, the worker's open work about those children goes back to the team tray, and the team's managers are
/// alerted the same day.
/// </summary>
public sealed class Leavers(SafeguardDbContext db, WorkItems work, IWorkingDayCalendar calendar, Caseloads caseloads) : IHeldCases
{
    public const string WorkerLeft = "Worker left";

    /// <summary>Work about an ended allocation that nobody can do any more: it closes.</summary>
    private static readonly WorkKind[] EndsWithAllocation = [WorkKind.AcceptAllocation, WorkKind.Reallocation, WorkKind.CaseSupervision];

    public Task<int> CountAsync(Guid workerId, CancellationToken ct = default) =>
        db.CaseAllocations.CountAsync(a => a.WorkerId == workerId && a.EndedAt == null, ct);

    /// <summary>When the reallocation of a leaver's cases is due: the end of the last working day before they leave.</summary>
    public DateTimeOffset ReallocateBy(DateOnly leavingDate) => TimeLimits.EndOfDay(calendar.AddWorkingDays(leavingDate, -1));

    public async Task<int> LeavingDateChangedAsync(StaffUser worker, DateOnly? before, CancellationToken ct = default)
    {
        var cases = await caseloads.OpenCasesAsync([worker.Id], ct);
        if (cases.Count == 0) return 0;
        var allocationIds = cases.Select(c => c.AllocationId).ToList();
        var teams = await db.CaseAllocations.AsNoTracking().Where(a => allocationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.TeamId, ct);
        var names = await ChildNamesAsync(db, cases.Select(c => c.PersonId).ToList(), ct);
        var open = await OpenReallocationsAsync(allocationIds, ct);
        var today = TimeLimits.UkDay(db.Time.GetUtcNow());
        var competence = await CompetenceAsync(worker, ct);

        foreach (var c in cases)
        {
            var item = open.GetValueOrDefault(c.AllocationId);
            var forbidden = CompetenceRules.Check(competence, c.Kind, today).Count > 0;
            if (worker.EmploymentEndsOn is { } leaving)
            {
                var due = ReallocateBy(leaving);
                var title = $"Reallocate {names.GetValueOrDefault(c.PersonId, "a child")}: {worker.DisplayName} leaves on {leaving:d MMMM yyyy}";
                if (item is null)
                {
                    work.Open(WorkKind.Reallocation, c.AllocationId, title, teams[c.AllocationId], PriorityOf(c.Kind), c.PersonId, clockFrom: due);
                }
                else if (!forbidden || item.DueAt > due)
                {
                    // A lapse already made it due sooner: it stays due then.
                    work.Reprioritise(item, item.Priority, due);
                    work.Retitle(item, title);
                }
            }
            else if (item is not null && !forbidden)
            {
                work.Close(item);
            }
        }
        return cases.Count;
    }

    /// <summary>
    /// Workers whose leaving date has passed and who still hold cases: their cases go back to the team tray, unallocated
    /// and at top priority, and the team's managers are alerted. Each worker is saved on their own. Returns how many
    /// cases went back.
    /// </summary>
    public async Task<int> EndEmploymentsAsync(CancellationToken ct = default)
    {
        var today = TimeLimits.UkDay(db.Time.GetUtcNow());
        var leavers = await db.Users.AsNoTracking()
            .Where(u => u.EmploymentEndsOn < today && db.CaseAllocations.Any(a => a.WorkerId == u.Id && a.EndedAt == null))
            .Select(u => u.Id)
            .ToListAsync(ct);
        var returned = 0;
        foreach (var id in leavers)
        {
            try
            {
                returned += await EndEmploymentAsync(id, ct);
            }
            catch (DbUpdateException)
            {
                // Someone changed one of these cases (or another sweep got there) meanwhile: the next run looks again.
                db.ChangeTracker.Clear();
            }
        }
        return returned;
    }

    private async Task<int> EndEmploymentAsync(Guid workerId, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var worker = await db.Users.AsNoTracking().SingleAsync(u => u.Id == workerId, ct);
        var leftOn = worker.EmploymentEndsOn!.Value;
        var allocations = await db.CaseAllocations.Where(a => a.WorkerId == workerId && a.EndedAt == null).ToListAsync(ct);
        var children = allocations.Select(a => a.PersonId).Distinct().ToList();
        var names = await ChildNamesAsync(db, children, ct);
        var referralIds = allocations.Select(a => a.ReferralId).ToList();
        var referrals = await db.Referrals.Where(r => referralIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var allocationIds = allocations.Select(a => a.Id).ToList();
        var items = await db.WorkItems
            .Where(w => w.ClosedAt == null && (allocationIds.Contains(w.SubjectId) || referralIds.Contains(w.SubjectId)
                || (w.OwnerUserId == workerId && w.PersonId != null && children.Contains(w.PersonId.Value))))
            .ToListAsync(ct);

        foreach (var allocation in allocations)
        {
            allocation.EndedAt = now;
            allocation.EndReason = WorkerLeft;
            db.Record(new AllocationEnded(allocation.Id, workerId, worker.DisplayName, WorkerLeft), allocation.PersonId,
                nameof(CaseAllocation), allocation.Id);
            referrals.GetValueOrDefault(allocation.ReferralId)?.ReturnToAllocation();
            var title = $"Allocate {names.GetValueOrDefault(allocation.PersonId, "a child")}: {worker.DisplayName} has left";
            if (items.FirstOrDefault(w => w.Kind == WorkKind.Allocation && w.SubjectId == allocation.ReferralId) is { } waiting)
            {
                work.Reprioritise(waiting, Priority.ChildProtection, now);
                work.Retitle(waiting, title);
            }
            else
            {
                work.Open(WorkKind.Allocation, allocation.ReferralId, title, allocation.TeamId, Priority.ChildProtection, allocation.PersonId, now);
            }
        }
        foreach (var item in items.Where(w => w.Kind != WorkKind.Allocation))
        {
            if (allocationIds.Contains(item.SubjectId) && EndsWithAllocation.Contains(item.Kind)) work.Close(item, now);
            else if (item.OwnerUserId == workerId) work.Reassign(item, item.OwnerTeamId, null);
        }

        foreach (var team in allocations.GroupBy(a => a.TeamId))
        {
            var subject = AlertSubjects.For("cases-left", workerId, team.Key, leftOn);
            if (await db.Alerts.AnyAsync(a => a.Kind == AlertKind.CasesLeftUnallocated && a.SubjectId == subject, ct)) continue;
            var message = $"{worker.DisplayName} left on {leftOn:d MMMM yyyy} still holding {Text.Plural.Count(team.Count(), "case")}: "
                + "back on the team tray for allocation, at top priority";
            var alert = new Alert(AlertKind.CasesLeftUnallocated, subject, team.Key, message, now);
            db.Alerts.Add(alert);
            db.Record(new AlertRaised(alert.Id, alert.Kind, message), null, nameof(Alert), alert.Id);
        }
        db.Record(new WorkerLeftHoldingCases(workerId, worker.DisplayName, leftOn, allocations.Count), subjectType: nameof(StaffUser),
            subjectId: workerId);
        await db.SaveChangesAsync(ct);
        return allocations.Count;
    }

    private async Task<Dictionary<Guid, WorkItem>> OpenReallocationsAsync(IReadOnlyCollection<Guid> allocationIds, CancellationToken ct) =>
        (await db.WorkItems.Where(w => w.Kind == WorkKind.Reallocation && w.ClosedAt == null && allocationIds.Contains(w.SubjectId)).ToListAsync(ct))
        .GroupBy(w => w.SubjectId).ToDictionary(g => g.Key, g => g.First());

    private async Task<WorkerCompetence> CompetenceAsync(StaffUser worker, CancellationToken ct) =>
        WorkerCompetence.Of(worker, await db.TrainingRecords.AsNoTracking().Where(t => t.UserId == worker.Id).ToListAsync(ct));

    /// <summary>Reallocation of child protection work comes first.</summary>
    internal static Priority PriorityOf(CaseKind kind) => kind == CaseKind.ChildProtection ? Priority.ChildProtection : Priority.Standard;

    internal static async Task<Dictionary<Guid, string>> ChildNamesAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> personIds, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.GivenName + " " + p.FamilyName).Trim(), ct);
}
