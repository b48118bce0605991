using Safeguard.Core.Data;

namespace Safeguard.Core.Performance.Measures;

// Source: DfE Children in Need census and Ofsted's re-referral measure (CaseWork.ReReferralRule)
/// <summary>The share of referrals that are re-referrals: within 12 months of the child's previous case closing.</summary>
public sealed class ReReferrals(SafeguardDbContext db) : Measure
{
    public override string Slug => "re-referrals";
    public override string Title => "Re-referrals within 12 months";
    public override MeasureKind Kind => MeasureKind.Rate;
    public override string Numerator => "Referrals made when the child's previous case had closed within the 12 months before (the re-referral rule, decided when the referral was made).";
    public override string Denominator => "Referrals made in the week or month.";
    public override string DatesUsed => "The referral date, and the closing date of the child's previous case (as the rule read it when the referral was made).";
    public override string PerTeam => "The team the referral was sent to (the team that owns the case).";
    public override string StartHeading => "Referral date";
    public override string EndHeading => "Case closed";
    public override bool DatesHaveTimes => false;
    public override string MetWords => "Re-referral";
    public override string NotMetWords => "New referral";

    public override Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default) =>
        ReferralFacts.ForPeriodAsync(db, period, teamId, ct);
}
