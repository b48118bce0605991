namespace Safeguard.Core.Workforce;

/// <summary>
/// Caseload weights and capacity (configuration section "Caseloads"). A worker's weighted load is the sum of their open
/// cases' weights; their capacity is <see cref="FullTimeCapacity"/> × their full-time equivalent, and
/// <see cref="NewlyQualifiedShare"/> of that in their first year in practice (a protected caseload).
/// </summary>
public sealed class CaseloadSettings
{
    public const string Section = "Caseloads";

    public double ChildInNeedWeight { get; set; } = 1.0;
    public double ChildProtectionWeight { get; set; } = 1.5;
    public double LookedAfterWeight { get; set; } = 1.25;
    public double CourtWeight { get; set; } = 2.0;

    /// <summary>The weighted load a full-time, experienced worker can hold.</summary>
    public double FullTimeCapacity { get; set; } = 20;

    /// <summary>The share of capacity a newly qualified worker holds (their caseload is protected).</summary>
    public double NewlyQualifiedShare { get; set; } = 0.8;

    public double WeightOf(CaseKind kind) => kind switch
    {
        CaseKind.ChildProtection => ChildProtectionWeight,
        CaseKind.LookedAfter => LookedAfterWeight,
        CaseKind.Court => CourtWeight,
        _ => ChildInNeedWeight,
    };

    public double CapacityOf(double fullTimeEquivalent, bool newlyQualified) =>
        Math.Round(FullTimeCapacity * Math.Clamp(fullTimeEquivalent, 0, 1.5) * (newlyQualified ? NewlyQualifiedShare : 1.0), 2);
}
