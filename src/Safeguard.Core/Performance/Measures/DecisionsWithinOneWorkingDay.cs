using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Performance.Measures;

// Source: Working Together to Safeguard Children 2023, ch. 2 (a decision on the type of response within one working day)
/// <summary>Screening decisions made within one working day of the contact's receipt, by the one working-day calendar.</summary>
public sealed class DecisionsWithinOneWorkingDay(SafeguardDbContext db, IWorkingDayCalendar calendar, TimeProvider time) : Measure
{
    public override string Slug => "decisions-in-time";
    public override string Title => "Screening decisions within 1 working day";
    public override MeasureKind Kind => MeasureKind.Rate;
    public override string Numerator => "Contacts decided by the end of one working day after receipt (the same time of day on the next working day; a contact received on a weekend or bank holiday from 09:00 on the next working day).";
    public override string Denominator => "Contacts received in the week or month that are decided, or whose one working day has already passed without a decision (counted as late).";
    public override string DatesUsed => "Received: when the contact arrived. Decided: when the screening decision was recorded.";
    public override string PerTeam => "The team of the worker who recorded the screening decision (undecided contacts count only for the whole service).";
    public override string StartHeading => "Received";
    public override string EndHeading => "Decided";
    public override string NotMetWords => "Late";

    public override async Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var rows = await FrontDoorFacts.Rows(db, FrontDoorFacts.Contacts(db, period, teamId)).ToListAsync(ct);
        var facts = new List<MeasureFact>(rows.Count);
        foreach (var c in rows)
        {
            var due = calendar.ScreeningDecisionDue(c.ReceivedAt);
            if (c.DecidedAt is null && due > now) continue;
            facts.Add(new MeasureFact(null, c.Id, TimeLimits.UkDay(c.ReceivedAt), c.ReceivedAt, c.DecidedAt, c.DecidedAt is { } d && d <= due,
                TeamId: c.TeamId));
        }

        return facts;
    }
}
