using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Performance.Measures;

// Source: Working Together to Safeguard Children 2023, ch. 2 (a strategy discussion involves social care, police and health, and education where relevant)
/// <summary>Strategy discussions with police, health and education all taking part.</summary>
public sealed class StrategyDiscussionsWithAllAgencies(SafeguardDbContext db) : Measure
{
    public override string Slug => "strategy-agencies";
    public override string Title => "Strategy discussions with police, health and education";
    public override MeasureKind Kind => MeasureKind.Rate;
    public override string Numerator => "Strategy discussions whose recorded participants include someone from the police, from health and from education.";
    public override string Denominator => "Strategy discussions held in the week or month.";
    public override string DatesUsed => "When the strategy discussion was held.";
    public override string PerTeam => "The team the referral was sent to (the team that owns the case).";
    public override string StartHeading => "Held";
    public override string EndHeading => "";
    public override string MetWords => "All three present";
    public override string NotMetWords => "Not all present";

    public override async Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var start = period.Start();
        var end = period.End();
        var rows = await (from s in db.StrategyDiscussions.AsNoTracking()
                          join r in db.Referrals on s.ReferralId equals r.Id
                          where s.HeldAt >= start && s.HeldAt < end && (teamId == null || r.TeamId == teamId)
                          select new
                          {
                              s.Id, s.PersonId, s.HeldAt, r.TeamId,
                              Met = db.StrategyParticipants.Any(p => p.StrategyDiscussionId == s.Id && p.Agency == Agency.Police)
                                    && db.StrategyParticipants.Any(p => p.StrategyDiscussionId == s.Id && p.Agency == Agency.Health)
                                    && db.StrategyParticipants.Any(p => p.StrategyDiscussionId == s.Id && p.Agency == Agency.Education),
                          })
            .ToListAsync(ct);
        return rows.Select(s => new MeasureFact(s.PersonId, s.Id, TimeLimits.UkDay(s.HeldAt), s.HeldAt, null, s.Met, TeamId: s.TeamId)).ToList();
    }
}
