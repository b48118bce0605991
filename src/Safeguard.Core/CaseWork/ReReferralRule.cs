namespace Safeguard.Core.CaseWork;

// Source: DfE Children in Need census and Ofsted's re-referral measure (a referral within 12 months of a previous case)
/// <summary>A new referral is a re-referral when the child's last case closed within the 12 months before it.</summary>
public static class ReReferralRule
{
    public const int Months = 12;

    public static bool IsReReferral(DateOnly referralDate, DateOnly? lastClosedOn) =>
        lastClosedOn is { } closed && closed <= referralDate && closed > referralDate.AddMonths(-Months);
}
