using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Conferences;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Performance.Measures;

// Source: Working Together to Safeguard Children 2023, ch. 2 (initial conference within 15 working days of the strategy discussion)
/// <summary>Initial child protection conferences held within 15 working days of the latest strategy discussion before them.</summary>
public sealed class InitialConferencesWithin15WorkingDays(SafeguardDbContext db, IWorkingDayCalendar calendar) : Measure
{
    public override string Slug => "conferences-in-time";
    public override string Title => "Initial conferences within 15 working days";
    public override MeasureKind Kind => MeasureKind.Rate;
    public override string Numerator => "Initial conferences held on or before the 15th working day after the latest strategy discussion on the same referral held before the conference.";
    public override string Denominator => "Initial child protection conferences held in the week or month that have a strategy discussion before them (conferences without one are not counted).";
    public override string DatesUsed => "Strategy discussion: when the latest one before the conference was held. Conference: when it was held.";
    public override string PerTeam => "The team the referral was sent to (the team that owns the case).";
    public override string StartHeading => "Strategy discussion";
    public override string EndHeading => "Conference held";
    public override string NotMetWords => "Late";

    public override async Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var start = period.Start();
        var end = period.End();
        var rows = await (from c in db.ChildProtectionConferences.AsNoTracking()
                          join r in db.Referrals on c.ReferralId equals r.Id
                          where c.Kind == ConferenceKind.Initial && c.HeldAt >= start && c.HeldAt < end && (teamId == null || r.TeamId == teamId)
                          let strategy = db.StrategyDiscussions.Where(s => s.ReferralId == c.ReferralId && s.HeldAt <= c.HeldAt)
                              .OrderByDescending(s => s.HeldAt).Select(s => (DateTimeOffset?)s.HeldAt).FirstOrDefault()
                          where strategy != null
                          select new { c.Id, c.PersonId, c.HeldAt, r.TeamId, Strategy = strategy!.Value })
            .ToListAsync(ct);
        return rows.Select(c => new MeasureFact(c.PersonId, c.Id, TimeLimits.UkDay(c.HeldAt), c.Strategy, c.HeldAt,
            TimeLimits.UkDay(c.HeldAt) <= calendar.InitialConferenceTargetOn(c.Strategy), TeamId: c.TeamId)).ToList();
    }
}
