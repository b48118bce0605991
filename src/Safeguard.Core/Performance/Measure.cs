namespace Safeguard.Core.Performance;

/// <summary>How a measure's points are read: a share of a denominator, a count of things in the point, or a level at its end.</summary>
public enum MeasureKind { Rate, Count, Level }

/// <summary>
/// One child or piece of work counted by a measure: the day that places it in a point (<see cref="Day"/>), the two dates
/// the measure uses (shown in the list behind a figure), and whether it counts in the numerator (<see cref="Met"/>).
/// For a level measure, <see cref="Day"/> is when it started and <see cref="Until"/> when it ended (null: still going).
/// </summary>
public sealed record MeasureFact(Guid? PersonId, Guid SubjectId, DateOnly Day, DateTimeOffset? Start, DateTimeOffset? End, bool Met,
    DateOnly? Until = null);

/// <summary>One point of a measure: its values (one per series) and, for a rate, its numerator and denominator.</summary>
public sealed record MeasurePoint(PerformanceBucket Bucket, IReadOnlyList<double?> Values, int Numerator, int Denominator);

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

    public virtual IReadOnlyList<string> SeriesNames => [Kind == MeasureKind.Rate ? "Percentage" : "Number"];

    /// <summary>The facts of the period (for a level measure: those open at any point's end), for one team or the whole service.</summary>
    public abstract Task<IReadOnlyList<MeasureFact>> FactsAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default);

    public async Task<MeasureSeries> SeriesAsync(PerformancePeriod period, Guid? teamId, CancellationToken ct = default)
    {
        var facts = await FactsAsync(period, teamId, ct);
        var buckets = period.Buckets();
        var byBucket = buckets.Select(_ => new List<MeasureFact>()).ToList();
        foreach (var fact in facts)
        {
            foreach (var bucket in buckets)
            {
                if (Counts(fact, bucket)) byBucket[bucket.Index].Add(fact);
            }
        }

        return new MeasureSeries(this, SeriesNames, buckets.Select(b => PointOf(b, byBucket[b.Index])).ToList());
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

    protected virtual MeasurePoint PointOf(PerformanceBucket bucket, IReadOnlyList<MeasureFact> facts)
    {
        var met = facts.Count(f => f.Met);
        return Kind == MeasureKind.Rate
            ? new MeasurePoint(bucket, [facts.Count == 0 ? null : Math.Round(100.0 * met / facts.Count, 1)], met, facts.Count)
            : new MeasurePoint(bucket, [facts.Count], met, facts.Count);
    }
}
