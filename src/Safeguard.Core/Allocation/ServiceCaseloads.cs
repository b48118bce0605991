using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

/// <summary>
/// A team's caseloads added up (or the whole service's): how many workers, their cases and weighted load against their
/// capacity, child protection cases, overdue visits and supervision, and the agency-staff share.
/// </summary>
public sealed record CaseloadSummary(
    Guid? TeamId,
    string Name,
    int Workers,
    int Cases,
    double WeightedLoad,
    double Capacity,
    int ChildProtectionCases,
    int OverdueVisits,
    int OverdueSupervision,
    int WorkersHoldingCases,
    int AgencyWorkersHoldingCases)
{
    public int PercentOfCapacity => Capacity > 0 ? (int)Math.Round(100 * WeightedLoad / Capacity) : WeightedLoad > 0 ? 100 : 0;

    /// <summary>Agency workers as a whole percentage of the workers holding cases (null when nobody holds any).</summary>
    public int? AgencySharePercent => WorkersHoldingCases == 0 ? null : (int)Math.Round(100.0 * AgencyWorkersHoldingCases / WorkersHoldingCases);

    /// <summary>Adds up <paramref name="workers"/>' caseloads under <paramref name="name"/>.</summary>
    public static CaseloadSummary Of(Guid? teamId, string name, IReadOnlyCollection<WorkerCaseload> workers)
    {
        var holding = workers.Where(w => w.Cases > 0).ToList();
        return new CaseloadSummary(teamId, name, workers.Count, workers.Sum(w => w.Cases), Math.Round(workers.Sum(w => w.WeightedLoad), 2),
            Math.Round(workers.Sum(w => w.Capacity), 2), workers.Sum(w => w.ChildProtectionCases), workers.Sum(w => w.OverdueVisits),
            workers.Sum(w => w.OverdueSupervision), holding.Count, holding.Count(w => w.Employment == EmploymentKind.Agency));
    }
}

/// <summary>Every team's caseloads, by team name, and the whole service's.</summary>
public sealed record ServiceCaseloads(IReadOnlyList<CaseloadSummary> Teams, CaseloadSummary Service);
