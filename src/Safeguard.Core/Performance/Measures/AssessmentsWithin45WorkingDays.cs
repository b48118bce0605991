using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Performance.Measures;

// Source: Working Together to Safeguard Children 2023, ch. 2 (assessment within 45 working days of the referral); CIN census authorisation date
/// <summary>Child and family assessments authorised within 45 working days of the referral (the due date stored on the assessment).</summary>
public sealed class AssessmentsWithin45WorkingDays(SafeguardDbContext db) : Measure
{
    public override string Slug => "assessments-in-time";
    public override string Title => "Assessments within 45 working days";
    public override MeasureKind Kind => MeasureKind.Rate;
    public override string Numerator => "Assessments authorised on or before their due date: 45 working days after the referral date, by the working-day calendar.";
    public override string Denominator => "Child and family assessments authorised by a manager in the week or month.";
    public override string DatesUsed => "Referral date, and the date the manager authorised the assessment (the census's assessment authorisation date), not the date the worker completed it.";
    public override string PerTeam => "The team the referral was sent to (the team that owns the case).";
    public override string StartHeading => "Referral date";
    public override string EndHeading => "Authorised";
    public override bool DatesHaveTimes => false;
    public override string NotMetWords => "Late";

    public override async Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var rows = await (from a in db.Assessments.AsNoTracking()
                          join r in db.Referrals on a.ReferralId equals r.Id
                          where a.AuthorisedOn >= period.From && a.AuthorisedOn <= period.To && (teamId == null || r.TeamId == teamId)
                          select new { a.Id, a.PersonId, r.ReferralDate, r.TeamId, AuthorisedOn = a.AuthorisedOn!.Value, Met = a.AuthorisedOn <= a.DueOn })
            .ToListAsync(ct);
        return rows.Select(a => new MeasureFact(a.PersonId, a.Id, a.AuthorisedOn, ReferralFacts.Day(a.ReferralDate), ReferralFacts.Day(a.AuthorisedOn), a.Met,
            TeamId: a.TeamId)).ToList();
    }
}
