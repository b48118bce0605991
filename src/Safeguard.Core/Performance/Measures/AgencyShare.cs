using Safeguard.Core.Data;

namespace Safeguard.Core.Performance.Measures;

// Source: DfE Children's social work workforce census (agency workers as a share of the workforce); here of those holding cases
/// <summary>
/// The share of workers holding cases at the end of each point who are agency staff. A worker is counted from the day
/// their first case was allocated until the day they last held one (a spell per run of days holding any case). The
/// list behind a point is the workers counted.
/// </summary>
public sealed class AgencyShare(SafeguardDbContext db) : Measure
{
    public override string Slug => "agency-share";
    public override string Title => "Agency staff share of workers holding cases";
    public override MeasureKind Kind => MeasureKind.Level;
    public override bool IsPercentage => true;
    public override string Numerator => "Workers holding cases at the end of the week or month whose staff record says agency (the contract type on their record now: staff records keep no history of it).";
    public override string Denominator => "Workers holding at least one case at the end of the week or month (an allocation made on or before that day and not ended by it).";
    public override string DatesUsed => "From: the day the worker's run of holding cases began. Until: the day it ended (their last case ended or was reallocated).";
    public override string PerTeam => "Cases allocated while the worker was in that team (the team kept on each allocation); a worker who moved counts in each team for the cases held there.";
    public override string StartHeading => "Holding cases from";
    public override string EndHeading => "Until";
    public override bool DatesHaveTimes => false;
    public override string MetWords => "Agency";
    public override string NotMetWords => "Permanent";
    public override bool ListsChildren => false;
    public override bool ListsWorkers => true;

    public override async Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var cases = await AllocationFacts.ForPeriodAsync(db, period, teamId, ct);
        return Spells(cases, byTeam: teamId is not null);
    }

    public override async Task<FactsForAll> FactsForAllAsync(PerformancePeriod period, CancellationToken ct = default)
    {
        var cases = await AllocationFacts.ForPeriodAsync(db, period, null, ct);
        var teams = Spells(cases, byTeam: true);
        return new FactsForAll(Spells(cases, byTeam: false), teams.ToLookup(f => f.TeamId!.Value));
    }

    /// <summary>Each worker's (or worker-in-team's) runs of days holding at least one case, from their cases.</summary>
    internal static IReadOnlyList<MeasureFact> Spells(IReadOnlyList<MeasureFact> cases, bool byTeam)
    {
        var spells = new List<MeasureFact>();
        foreach (var held in cases.GroupBy(c => (c.WorkerId, Team: byTeam ? c.TeamId : null)))
        {
            // Each case holds from its day until the day it ended (not counted that day): half-open runs of days, joined
            // where one begins on or before the day the run so far ends.
            var started = false;
            DateOnly from = default;
            DateOnly? until = null;
            foreach (var c in held.OrderBy(c => c.Day))
            {
                if (started && (until is null || c.Day <= until.Value))
                {
                    until = until is { } u && c.Until is { } cu ? (cu > u ? cu : u) : null;
                    continue;
                }
                if (started) spells.Add(Spell(held.First(), from, until, byTeam));
                (started, from, until) = (true, c.Day, c.Until);
            }
            if (started) spells.Add(Spell(held.First(), from, until, byTeam));
        }
        return spells;
    }

    private static MeasureFact Spell(MeasureFact any, DateOnly from, DateOnly? until, bool byTeam) =>
        new(null, any.WorkerId!.Value, from, Measures.ReferralFacts.Day(from), until is { } u ? Measures.ReferralFacts.Day(u) : null, any.Met,
            until, byTeam ? any.TeamId : null, any.WorkerId);
}
