using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Performance.Measures;

/// <summary>Referrals to children's social care (one per child), per point.</summary>
public sealed class ReferralsMade(SafeguardDbContext db) : Measure
{
    public override string Slug => "referrals";
    public override string Title => "Referrals";
    public override MeasureKind Kind => MeasureKind.Count;
    public override string Numerator => "Referrals made in the week or month: one per child of a contact decided as a referral or a strategy discussion.";
    public override string Denominator => "None: a count.";
    public override string DatesUsed => "The referral date.";
    public override string PerTeam => "The team the referral was sent to (the team that owns the case).";
    public override string StartHeading => "Referral date";
    public override string EndHeading => "Case closed";
    public override bool DatesHaveTimes => false;
    public override string MetWords => "Re-referral";
    public override string NotMetWords => "New referral";

    public override Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default) =>
        ReferralFacts.ForPeriodAsync(db, period, teamId, ct);
}

/// <summary>The referrals of a period, with whether each is a re-referral (<see cref="CaseWork.ReReferralRule"/>, stored when it was made).</summary>
internal static class ReferralFacts
{
    public static async Task<IReadOnlyList<MeasureFact>> ForPeriodAsync(SafeguardDbContext db, PerformancePeriod period, Guid? teamId, CancellationToken ct)
    {
        var referrals = db.Referrals.AsNoTracking().MadeOn(period.From, period.To);
        if (teamId is { } team) referrals = referrals.Where(r => r.TeamId == team);
        var rows = await referrals.Select(r => new { r.Id, r.PersonId, r.ReferralDate, r.ClosedOn, r.IsReReferral, r.TeamId }).ToListAsync(ct);
        return rows.Select(r => new MeasureFact(r.PersonId, r.Id, r.ReferralDate, Day(r.ReferralDate), r.ClosedOn is { } c ? Day(c) : null, r.IsReReferral,
            TeamId: r.TeamId)).ToList();
    }

    public static DateTimeOffset Day(DateOnly day) => TimeLimits.UkLocal(day, TimeOnly.MinValue);
}
