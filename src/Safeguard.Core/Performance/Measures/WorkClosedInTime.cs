using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Performance.Measures;

/// <summary>
/// Work items of one kind due in the period that were closed by their due time (the due time the work catalogue set
/// from the working-day calendar when the work was opened).
/// </summary>
public abstract class WorkClosedInTime(SafeguardDbContext db, TimeProvider time) : Measure
{
    protected abstract WorkKind WorkKind { get; }

    public override MeasureKind Kind => MeasureKind.Rate;
    public override string DatesUsed => "Due: the work item's due time. Done: when the work item was closed.";
    public override string PerTeam => "The team that owns the work item (the allocated worker's team, or the team tray).";
    public override string StartHeading => "Due";
    public override string EndHeading => "Done";
    public override string NotMetWords => "Late or not done";

    public override async Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var start = period.Start();
        var end = period.End();
        var now = time.GetUtcNow();
        var kind = WorkKind;
        var rows = await db.WorkItems.AsNoTracking()
            .Where(w => w.Kind == kind && w.DueAt >= start && w.DueAt < end && w.DueAt <= now && (teamId == null || w.OwnerTeamId == teamId))
            .Select(w => new { w.Id, w.PersonId, w.DueAt, w.ClosedAt, w.OwnerTeamId, Met = w.ClosedAt != null && w.ClosedAt <= w.DueAt })
            .ToListAsync(ct);
        return rows.Select(w => new MeasureFact(w.PersonId, w.Id, TimeLimits.UkDay(w.DueAt), w.DueAt, w.ClosedAt, w.Met, TeamId: w.OwnerTeamId)).ToList();
    }
}

// Source: Working Together to Safeguard Children 2023, ch. 2 and the local child protection visiting standard (WorkCatalogue)
/// <summary>Child protection visits done by their due time.</summary>
public sealed class VisitsInTime(SafeguardDbContext db, TimeProvider time) : WorkClosedInTime(db, time)
{
    protected override WorkKind WorkKind => WorkKind.Visit;
    public override string Slug => "visits-in-time";
    public override string Title => "Visits in time";
    public override string Numerator => "Visit work items closed (the visit recorded) on or before their due time.";
    public override string Denominator => "Visit work items whose due time fell in the week or month and has passed.";
}

// Source: local supervision policy (case supervision on the cycle in the work catalogue)
/// <summary>Case supervision done by its due time.</summary>
public sealed class SupervisionInTime(SafeguardDbContext db, TimeProvider time) : WorkClosedInTime(db, time)
{
    protected override WorkKind WorkKind => WorkKind.CaseSupervision;
    public override string Slug => "supervision-in-time";
    public override string Title => "Case supervision in time";
    public override string Numerator => "Case supervision work items closed (the supervision recorded) on or before their due time.";
    public override string Denominator => "Case supervision work items whose due time fell in the week or month and has passed.";
}
