namespace Safeguard.Core.Performance;

/// <summary>How a measure's points are read: a share of a denominator, a count of things in the point, or a level at its end.</summary>
public enum MeasureKind { Rate, Count, Level }

/// <summary>
/// One child or piece of work counted by a measure: the day that places it in a point (<see cref="Day"/>), the two dates
/// the measure uses (shown in the list behind a figure), and whether it counts in the numerator (<see cref="Met"/>).
/// For a level measure, <see cref="Day"/> is when it started and <see cref="Until"/> when it ended (null: still going).
/// <see cref="TeamId"/> is the team the fact counts for (null: the whole service only); <see cref="WorkerId"/> the worker
/// it names, for the measures about workers.
/// </summary>
public sealed record MeasureFact(Guid? PersonId, Guid SubjectId, DateOnly Day, DateTimeOffset? Start, DateTimeOffset? End, bool Met,
    DateOnly? Until = null, Guid? TeamId = null, Guid? WorkerId = null);

/// <summary>
/// What one day adds to a measure: for a flow, the facts of that day (<see cref="Count"/>, of them <see cref="Met"/>);
/// for a level, the facts counted at the day's end. <see cref="Other"/> is a third figure some measures keep (long
/// plans; workers holding cases). The dashboard's points are made from these, computed now or read from the daily table.
/// </summary>
public readonly record struct DayFigures(int Count, int Met, int Other)
{
    public static DayFigures operator +(DayFigures a, DayFigures b) => new(a.Count + b.Count, a.Met + b.Met, a.Other + b.Other);

    public bool IsZero => Count == 0 && Met == 0 && Other == 0;
}

/// <summary>One point of a measure: its values (one per series) and, for a rate, its numerator and denominator.</summary>
public sealed record MeasurePoint(PerformanceBucket Bucket, IReadOnlyList<double?> Values, int Numerator, int Denominator);

/// <summary>A measure's facts for the whole service and, for each team, those counted for it.</summary>
public sealed record FactsForAll(IReadOnlyList<MeasureFact> Service, ILookup<Guid, MeasureFact> Teams);

/// <summary>A measure's series over a period: <see cref="SeriesNames"/> name the values of each point in order.</summary>
public sealed record MeasureSeries(Measure Measure, IReadOnlyList<string> SeriesNames, IReadOnlyList<MeasurePoint> Points);

/// <summary>
/// A performance measure: what it counts (numerator, denominator, dates used, per-team rule, written on the dashboard and
/// in docs/measures.md), its facts for a period and team in one projected query, and from those the series and the list
/// behind any one figure. The series and the list are made from the same facts, so a figure and its list always agree.
/// </summary>
public abstract class Measure
{
    /// <summary>In the address: /performance/{Slug}/list.</summary>
    public abstract string Slug { get; }

    public abstract string Title { get; }

    public abstract MeasureKind Kind { get; }

    public abstract string Numerator { get; }

    public abstract string Denominator { get; }

    public abstract string DatesUsed { get; }

    public abstract string PerTeam { get; }

    /// <summary>Column headings of the list for <see cref="MeasureFact.Start"/> and <see cref="MeasureFact.End"/>.</summary>
    public abstract string StartHeading { get; }

    public abstract string EndHeading { get; }

    /// <summary>What a list row says when the fact counts in the numerator, and when not (e.g. "In time" / "Late").</summary>
    public virtual string MetWords => "In time";

    public virtual string NotMetWords => "Not in time";

    /// <summary>False when the dates are days without a time of day.</summary>
    public virtual bool DatesHaveTimes => true;

    /// <summary>True when the first series is a percentage of a denominator (a rate, or a share at each point's end).</summary>
    public virtual bool IsPercentage => Kind == MeasureKind.Rate;

    /// <summary>Whether the list behind a figure names children, and whether it names workers.</summary>
    public virtual bool ListsChildren => true;

    public virtual bool ListsWorkers => false;

    public virtual IReadOnlyList<string> SeriesNames => [IsPercentage ? "Percentage" : "Number"];

    /// <summary>The facts of the period (for a level measure: those open at any point's end), for one team or the whole service.</summary>
    public abstract Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default);

    /// <summary>The facts of the period for the whole service and for each team, in one read (the daily table is made from them).</summary>
    public virtual async Task<FactsForAll> FactsForAllAsync(PerformancePeriod period, CancellationToken ct = default)
    {
        var facts = await FactsAsync(period, null, ct);
        return new FactsForAll(facts, facts.Where(f => f.TeamId is not null).ToLookup(f => f.TeamId!.Value));
    }

    /// <summary>The series computed now from the facts (the daily table's figures are made by the same <see cref="DailyFigures"/>).</summary>
    public async Task<MeasureSeries> SeriesAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var facts = await FactsAsync(period, teamId, ct);
        var days = Kind == MeasureKind.Level ? period.Buckets().Select(b => b.End) : Days(period.From, period.To);
        var figures = DailyFigures(facts, days);
        return SeriesOf(period, day => figures.GetValueOrDefault(day));
    }

    /// <summary>The series of a period from each day's figures: a flow's point adds up its days, a level's is its last day.</summary>
    public MeasureSeries SeriesOf(PerformancePeriod period, Func<DateOnly, DayFigures> figuresOn)
    {
        var points = period.Buckets().Select(bucket =>
        {
            if (Kind == MeasureKind.Level) return PointOf(bucket, figuresOn(bucket.End));
            var sum = default(DayFigures);
            foreach (var day in Days(bucket.Start, bucket.End)) sum += figuresOn(day);
            return PointOf(bucket, sum);
        }).ToList();
        return new MeasureSeries(this, SeriesNames, points);
    }

    /// <summary>
    /// Each of <paramref name="days"/>' figures from <paramref name="facts"/> (days with nothing left out): for a flow the
    /// facts placed on that day, for a level those open at its end (one pass over the days in order).
    /// </summary>
    public Dictionary<DateOnly, DayFigures> DailyFigures(IReadOnlyList<MeasureFact> facts, IEnumerable<DateOnly> days)
    {
        var result = new Dictionary<DateOnly, DayFigures>();
        if (Kind != MeasureKind.Level)
        {
            var wanted = days.ToHashSet();
            foreach (var group in facts.GroupBy(f => f.Day).Where(g => wanted.Contains(g.Key)))
            {
                var figures = FiguresOf(group.ToList(), group.Key);
                if (!figures.IsZero) result[group.Key] = figures;
            }
            return result;
        }

        var byStart = facts.OrderBy(f => f.Day).ToList();
        var next = 0;
        var open = new List<MeasureFact>();
        foreach (var day in days.Distinct().Order())
        {
            while (next < byStart.Count && byStart[next].Day <= day) open.Add(byStart[next++]);
            open.RemoveAll(f => f.Until is { } until && until <= day);
            var figures = FiguresOf(open, day);
            if (!figures.IsZero) result[day] = figures;
        }
        return result;
    }

    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1)) yield return day;
    }

    /// <summary>The facts behind one point: exactly those its figures count.</summary>
    public async Task<IReadOnlyList<MeasureFact>> FactsInAsync(PerformancePeriod period, PerformanceBucket bucket, Guid? teamId, CancellationToken ct = default)
    {
        var facts = await FactsAsync(new PerformancePeriod(bucket.Start, bucket.End), teamId, ct);
        return facts.Where(f => Counts(f, bucket)).OrderBy(f => f.Day).ThenBy(f => f.Start).ToList();
    }

    /// <summary>True when the fact is counted in the point: in it (a flow), or open at its end (a level).</summary>
    public bool Counts(MeasureFact fact, PerformanceBucket bucket) => Kind == MeasureKind.Level
        ? fact.Day <= bucket.End && (fact.Until is not { } until || until > bucket.End)
        : bucket.Contains(fact.Day);

    /// <summary>One day's figures from the facts counted on it.</summary>
    protected virtual DayFigures FiguresOf(IReadOnlyList<MeasureFact> counted, DateOnly day) => new(counted.Count, counted.Count(f => f.Met), 0);

    /// <summary>A point from its figures (a flow's days added up, or a level's last day).</summary>
    protected virtual MeasurePoint PointOf(PerformanceBucket bucket, DayFigures figures) => IsPercentage
        ? new MeasurePoint(bucket, [figures.Count == 0 ? null : Math.Round(100.0 * figures.Met / figures.Count, 1)], figures.Met, figures.Count)
        : new MeasurePoint(bucket, [figures.Count], figures.Met, figures.Count);

    /// <summary>How a point's figure is written beside it (its tooltip), when more than the value: null for the value alone.</summary>
    public virtual string? Words(MeasurePoint point) => IsPercentage && point.Denominator > 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{point.Values[0]:0.#}% ({point.Numerator} of {point.Denominator})")
        : null;
}
