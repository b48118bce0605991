using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;

namespace Safeguard.Core.Performance.Measures;

// Source: DfE Characteristics of children in need (children on a plan at 31 March, second or subsequent plans, plans lasting 2 years or more)
/// <summary>Children on a child protection plan at the end of each point; of them, on a second or later plan, and on the plan 2 years or more.</summary>
public sealed class ChildrenOnProtectionPlans(SafeguardDbContext db) : Measure
{
    public const int LongPlanYears = 2;

    public override string Slug => "protection-plans";
    public override string Title => "Children on child protection plans";
    public override MeasureKind Kind => MeasureKind.Level;
    public override string Numerator => "Children on a child protection plan at the end of the week or month (started on or before that day, not ended by it); of them, those on their second or later plan, and those whose plan had lasted 2 years or more by that day.";
    public override string Denominator => "None: counts at the end of each point.";
    public override string DatesUsed => "The day the plan started and the day it ended.";
    public override string PerTeam => "The team the plan's referral was sent to (the team that owns the case).";
    public override string StartHeading => "Plan started";
    public override string EndHeading => "Plan ended";
    public override bool DatesHaveTimes => false;
    public override string MetWords => "Second or later plan";
    public override string NotMetWords => "First plan";
    public override IReadOnlyList<string> SeriesNames => ["On a plan", "Second or later plan", $"Plan of {LongPlanYears} years or more"];

    public override async Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var rows = await (from p in db.ChildPlans.AsNoTracking()
                          join r in db.Referrals on p.ReferralId equals r.Id
                          where p.Kind == PlanKind.ChildProtection && p.StartedOn <= period.To && (p.EndedOn == null || p.EndedOn > period.From)
                                && (teamId == null || r.TeamId == teamId)
                          select new { p.Id, p.PersonId, p.StartedOn, p.EndedOn, p.Number, r.TeamId })
            .ToListAsync(ct);
        return rows.Select(p => new MeasureFact(p.PersonId, p.Id, p.StartedOn, ReferralFacts.Day(p.StartedOn), p.EndedOn is { } e ? ReferralFacts.Day(e) : null,
            p.Number >= 2, p.EndedOn, p.TeamId)).ToList();
    }

    public static bool IsLong(MeasureFact plan, DateOnly at) => plan.Day <= at.AddYears(-LongPlanYears);

    protected override DayFigures FiguresOf(IReadOnlyList<MeasureFact> counted, DateOnly day) =>
        new(counted.Count, counted.Count(f => f.Met), counted.Count(f => IsLong(f, day)));

    protected override MeasurePoint PointOf(PerformanceBucket bucket, DayFigures figures) =>
        new(bucket, [figures.Count, figures.Met, figures.Other], figures.Met, figures.Count);
}
