namespace Safeguard.Core.Seeding.Large;

/// <summary>
/// Real falls in the flow, placed at fixed days of the history so that the flow watch has something true to find
/// (docs/large-seed.md, "Injected drops"; docs/flow-alerts.md). A window outside the ten years is simply not there.
/// </summary>
/// <param name="AssessmentDropFrom">First working day on which referrals stop reaching assessment (a Monday).</param>
/// <param name="AssessmentDropTo">Last day of that fall; the referrals held back are allocated over the two weeks after it.</param>
/// <param name="AssessmentShare">The share of the referrals due for allocation in the fall that still reach assessment.</param>
/// <param name="PartnerStopFrom">First working day on which the county police force's API referrals stop (a Monday).</param>
/// <param name="PartnerStopTo">Last day of the stop; meanwhile the force sends the same contacts through the partner page.</param>
public sealed record InjectedDrops(DateOnly AssessmentDropFrom, DateOnly AssessmentDropTo, double AssessmentShare,
    DateOnly PartnerStopFrom, DateOnly PartnerStopTo)
{
    /// <summary>
    /// Four working weeks of March 2021 with assessments at a tenth (as in Peterborough, where a new system held back
    /// referrals for a month while contacts kept arriving), and three weeks of October 2024 without the police's API.
    /// No bank holiday falls in or next to either.
    /// </summary>
    public static readonly InjectedDrops Default = new(
        new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 26), 0.1,
        new DateOnly(2024, 10, 7), new DateOnly(2024, 10, 25));

    public bool HoldsBackAllocationOn(DateOnly day) => day >= AssessmentDropFrom && day <= AssessmentDropTo;

    public bool StopsPartnerApiOn(DateOnly day) => day >= PartnerStopFrom && day <= PartnerStopTo;
}
