namespace Safeguard.Core.CaseWork;

/// <summary>
/// Which referrals count on which days, written once for the flow watch and the dashboard: a referral counts on its
/// referral date (one per child of a contact decided as a referral or a strategy discussion).
/// </summary>
public static class ReferralCounting
{
    public static IQueryable<Referral> MadeOn(this IQueryable<Referral> referrals, DateOnly from, DateOnly to) =>
        referrals.Where(r => r.ReferralDate >= from && r.ReferralDate <= to);
}
