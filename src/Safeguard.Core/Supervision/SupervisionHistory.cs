using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;
using Safeguard.Core.Work;

namespace Safeguard.Core.Supervision;

/// <summary>A case supervision session as a child's record shows it.</summary>
public sealed record CaseSupervisionLine(Guid Id, DateTimeOffset HeldAt, string Supervisor, string Worker, string? Decisions);

/// <summary>A session as a worker's supervision history shows it: a restricted child the reader may not see is not named.</summary>
public sealed record WorkerSupervisionLine(Guid Id, SupervisionKind Kind, DateTimeOffset HeldAt, string Supervisor, Guid? PersonId, string? Child,
    string? Decisions);

/// <summary>Supervision due for a worker: what, when, and the child for case supervision (not named when restricted from the reader).</summary>
public sealed record SupervisionDueLine(WorkKind Kind, DateTimeOffset DueAt, Guid SubjectId, Guid? PersonId, string? Child);

/// <summary>A worker's supervision: the sessions held, newest first, and what is due next.</summary>
public sealed record WorkerSupervision(IReadOnlyList<WorkerSupervisionLine> Sessions, IReadOnlyList<SupervisionDueLine> Due);

/// <summary>Reads supervision for the child's record and the worker's supervision history (projections; a few queries each).</summary>
public sealed class SupervisionHistory(SafeguardDbContext db, NeedToKnow needToKnow)
{
    public const int MaxSessions = 200;

    /// <summary>The child's case supervision sessions, newest first (the caller has checked the reader may see the child).</summary>
    public async Task<IReadOnlyList<CaseSupervisionLine>> ForChildAsync(Guid personId, CancellationToken ct = default) =>
        await (from r in db.SupervisionRecords.AsNoTracking()
               join s in db.Users on r.SupervisorId equals s.Id
               join w in db.Users on r.WorkerId equals w.Id
               where r.PersonId == personId && r.Kind == SupervisionKind.Case
               orderby r.HeldAt descending
               select new CaseSupervisionLine(r.Id, r.HeldAt, s.DisplayName, w.DisplayName, r.Decisions))
            .Take(MaxSessions)
            .ToListAsync(ct);

    public async Task<WorkerSupervision> ForWorkerAsync(Guid workerId, CancellationToken ct = default)
    {
        var hidden = needToKnow.Hidden();
        var sessions = await (from r in db.SupervisionRecords.AsNoTracking()
                              join s in db.Users on r.SupervisorId equals s.Id
                              where r.WorkerId == workerId
                              orderby r.HeldAt descending
                              select new
                              {
                                  r.Id, r.Kind, r.HeldAt, Supervisor = s.DisplayName, r.PersonId, r.Decisions,
                                  Child = db.People.Where(p => p.Id == r.PersonId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                                  Hidden = r.PersonId != null && hidden.Contains(r.PersonId.Value),
                              })
            .Take(MaxSessions)
            .ToListAsync(ct);
        var due = await db.WorkItems.AsNoTracking()
            .Where(w => w.ClosedAt == null && ((w.Kind == WorkKind.CaseSupervision && w.OwnerUserId == workerId)
                                               || (w.Kind == WorkKind.PersonalSupervision && w.SubjectId == workerId)))
            .OrderBy(w => w.DueAt)
            .Select(w => new
            {
                w.Kind, w.DueAt, w.SubjectId, w.PersonId,
                Child = db.People.Where(p => p.Id == w.PersonId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                Hidden = w.PersonId != null && hidden.Contains(w.PersonId.Value),
            })
            .ToListAsync(ct);
        return new WorkerSupervision(
            sessions.Select(s => new WorkerSupervisionLine(s.Id, s.Kind, s.HeldAt, s.Supervisor, s.Hidden ? null : s.PersonId,
                s.Hidden ? NeedToKnow.RestrictedTitle : s.Child, s.Hidden ? null : s.Decisions)).ToList(),
            due.Select(d => new SupervisionDueLine(d.Kind, d.DueAt, d.SubjectId, d.Hidden ? null : d.PersonId,
                d.Hidden ? NeedToKnow.RestrictedTitle : d.Child)).ToList());
    }
}
