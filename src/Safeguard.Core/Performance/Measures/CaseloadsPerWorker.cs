using System.Globalization;
using Safeguard.Core.Data;

namespace Safeguard.Core.Performance.Measures;

// Source: DfE Children's social work workforce census (caseload: cases held per social worker holding cases)
/// <summary>
/// Cases per worker at the end of each point: the cases (children's allocations) open that day, over the workers holding
/// at least one of them. The list behind a point is every case counted, with its worker.
/// </summary>
public sealed class CaseloadsPerWorker(SafeguardDbContext db) : Measure
{
    public override string Slug => "caseloads";
    public override string Title => "Caseloads per worker";
    public override MeasureKind Kind => MeasureKind.Level;
    public override string Numerator => "Cases open at the end of the week or month: children's case allocations made on or before that day and not ended by it.";
    public override string Denominator => "Workers holding at least one of those cases that day. The figure is cases divided by workers (unweighted; the weighted caseloads against capacity are on the caseload pages).";
    public override string DatesUsed => "Allocated: when the case was allocated to the worker. Ended: when the allocation ended (reallocated, closed, or the worker left).";
    public override string PerTeam => "The worker's team when the case was allocated (kept on the allocation).";
    public override string StartHeading => "Allocated";
    public override string EndHeading => "Ended";
    public override string MetWords => "Agency worker";
    public override string NotMetWords => "Permanent worker";
    public override bool ListsWorkers => true;
    public override IReadOnlyList<string> SeriesNames => ["Cases per worker"];

    public override Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default) =>
        AllocationFacts.ForPeriodAsync(db, period, teamId, ct);

    protected override DayFigures FiguresOf(IReadOnlyList<MeasureFact> counted, DateOnly day) =>
        new(counted.Count, counted.Count(f => f.Met), counted.Select(f => f.WorkerId).Distinct().Count());

    protected override MeasurePoint PointOf(PerformanceBucket bucket, DayFigures figures) =>
        new(bucket, [figures.Other == 0 ? null : Math.Round((double)figures.Count / figures.Other, 1)], figures.Count, figures.Other);

    public override string? Words(MeasurePoint point) => point.Denominator == 0 ? null
        : string.Create(CultureInfo.InvariantCulture, $"{point.Values[0]:0.#} ({point.Numerator} cases, {point.Denominator} workers)");
}
