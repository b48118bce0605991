using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Escalations;

/// <summary>A band of ages in working days since raising: <see cref="ToDays"/> null for "over <see cref="FromDays"/> - 1".</summary>
public sealed record EscalationAgeBand(string Label, int FromDays, int? ToDays, int Count);

public sealed record EscalationOutcomeCount(EscalationOutcome Outcome, string Label, int Count);

/// <summary>
/// Escalations for a period (UK days <see cref="From"/> to <see cref="To"/>, both included): how many were raised in
/// it; of those, how many are open now by age in working days; and how many were answered in it, by outcome.
/// </summary>
public sealed record EscalationCountsResult(DateOnly From, DateOnly To, int Raised, IReadOnlyList<EscalationAgeBand> OpenByAge,
    IReadOnlyList<EscalationOutcomeCount> AnsweredByOutcome)
{
    public int Open => OpenByAge.Sum(b => b.Count);

    public int Answered => AnsweredByOutcome.Sum(o => o.Count);
}

/// <summary>
/// The counts of escalations by age and outcome, for the director's list and the performance dashboard alike. Numbers
/// only: no escalation's words, so they may be shown to anyone who may see the service's performance.
/// </summary>
public sealed class EscalationCounts(SafeguardDbContext db, IWorkingDayCalendar calendar)
{
    /// <summary>The age bands, in working days since the day raised (0 on that day).</summary>
    public static readonly IReadOnlyList<(string Label, int From, int? To)> Bands =
        [("0 to 5 working days", 0, 5), ("6 to 10 working days", 6, 10), ("11 to 20 working days", 11, 20), ("Over 20 working days", 21, null)];

    public async Task<EscalationCountsResult> ForPeriodAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from) (from, to) = (to, from);
        var start = TimeLimits.UkLocal(from, TimeOnly.MinValue);
        var end = TimeLimits.UkLocal(to.AddDays(1), TimeOnly.MinValue);
        var raised = await db.Escalations.AsNoTracking().Where(e => e.RaisedAt >= start && e.RaisedAt < end)
            .Select(e => new { e.RaisedAt, e.RespondedAt }).ToListAsync(ct);
        var answered = await db.Escalations.AsNoTracking().Where(e => e.RespondedAt >= start && e.RespondedAt < end && e.Outcome != null)
            .GroupBy(e => e.Outcome).Select(g => new { Outcome = g.Key!.Value, Count = g.Count() }).ToListAsync(ct);

        var today = TimeLimits.UkDay(db.Time.GetUtcNow());
        var ages = raised.Where(e => e.RespondedAt is null)
            .Select(e => Math.Max(0, calendar.WorkingDaysBetween(TimeLimits.UkDay(e.RaisedAt), today))).ToList();
        var bands = Bands.Select(b => new EscalationAgeBand(b.Label, b.From, b.To, ages.Count(a => a >= b.From && (b.To is null || a <= b.To)))).ToList();
        var outcomes = Enum.GetValues<EscalationOutcome>()
            .Select(o => new EscalationOutcomeCount(o, o.Words(), answered.Where(a => a.Outcome == o).Sum(a => a.Count))).ToList();
        return new EscalationCountsResult(from, to, raised.Count, bands, outcomes);
    }
}
