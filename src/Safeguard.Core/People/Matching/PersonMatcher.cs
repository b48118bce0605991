namespace Safeguard.Core.People.Matching;

/// <summary>Batch matching: deduplicate a list of records, fit weights, or explain one pair.</summary>
public static class PersonMatcher
{
    /// <summary>Compares two records and explains the result field by field.</summary>
    public static MatchComparison Compare(PersonRecord a, PersonRecord b, MatchModel? model = null, MatchThresholds? thresholds = null) =>
        Compare(Prepare(a), b, model, thresholds);

    /// <summary>Works out <paramref name="record"/>'s comparison features once, to compare it with many others
    /// (<see cref="Compare(PreparedRecord, PersonRecord, MatchModel?, MatchThresholds?)"/>).</summary>
    public static PreparedRecord Prepare(PersonRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new PreparedRecord(new PreparedPerson(record));
    }

    /// <summary>Compares a prepared record with another and explains the result field by field; the same result as
    /// <see cref="Compare(PersonRecord, PersonRecord, MatchModel?, MatchThresholds?)"/> without preparing the first
    /// record again.</summary>
    public static MatchComparison Compare(PreparedRecord a, PersonRecord b, MatchModel? model = null, MatchThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        model ??= MatchModel.Default;
        thresholds ??= model.DefaultThresholds();
        var pb = new PreparedPerson(b);
        var vector = PairComparer.Compare(a.Person, pb);
        var score = model.Score(vector.Pattern);
        return new MatchComparison(score, model.Probability(score), thresholds.BandOf(score, vector), Explanations.Build(a.Person, pb, vector, model));
    }

    /// <summary>Fits m/u probabilities and the prior to <paramref name="records"/> by unsupervised EM over their
    /// blocked candidate pairs. Use it to build a <see cref="PersonIndex"/> whose weights suit local data.</summary>
    public static MatchModel EstimateModel(IReadOnlyList<PersonRecord> records, MatchModel? start = null)
    {
        var prepared = Prepare(records, parallel: true);
        var pairs = CandidatePairs(prepared, 1000);
        var vectors = CompareAll(prepared, pairs, parallel: true);
        return Fit(prepared, pairs, vectors, start ?? MatchModel.Default, parallel: true);
    }

    /// <summary>
    /// Finds pairs of records that are the same person. <paramref name="threshold"/> is a score (sum of log2
    /// weights); when null the pair must be at least as likely a match as not (the model's "possible" band).
    /// Each returned pair carries its band, so callers can link <see cref="MatchBand.Certain"/> pairs and queue
    /// <see cref="MatchBand.Possible"/> ones for review.
    /// </summary>
    public static DedupeResult Deduplicate(IReadOnlyList<PersonRecord> records, double? threshold = null, DedupeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= new DedupeOptions();
        var prepared = Prepare(records, options.Parallel);
        var pairs = CandidatePairs(prepared, options.MaxBlockSize);
        var vectors = CompareAll(prepared, pairs, options.Parallel);
        var start = options.Model ?? MatchModel.Default;
        var model = options.EstimateWeights ? Fit(prepared, pairs, vectors, start, options.Parallel) : start;
        var defaults = model.DefaultThresholds();
        var thresholds = threshold is { } t ? defaults with { Possible = t, Certain = Math.Max(t, defaults.Certain) } : defaults;

        var scoreCache = new Dictionary<uint, double>();
        var links = new List<MatchPair>();
        var linked = new HashSet<long>();
        for (var k = 0; k < pairs.Length; k++)
        {
            var pattern = vectors[k].Pattern;
            if (!scoreCache.TryGetValue(pattern, out var score))
            {
                scoreCache[pattern] = score = model.Score(pattern);
            }

            if (score < thresholds.Possible)
            {
                continue;
            }

            var (i, j) = Unpack(pairs[k]);
            linked.Add(pairs[k]);
            links.Add(new MatchPair(records[i].Id, records[j].Id, score, model.Probability(score), thresholds.BandOf(score, vectors[k]), false));
        }

        if (options.TransitiveClosure)
        {
            links.AddRange(Closure(records, prepared, linked, model, thresholds, options));
        }

        return new DedupeResult(links, model, thresholds, records.Count, pairs.Length);
    }

    private static IEnumerable<MatchPair> Closure(
        IReadOnlyList<PersonRecord> records,
        PreparedPerson[] prepared,
        HashSet<long> linked,
        MatchModel model,
        MatchThresholds thresholds,
        DedupeOptions options)
    {
        var parent = Enumerable.Range(0, records.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var pair in linked)
        {
            var (i, j) = Unpack(pair);
            var ri = Find(i);
            var rj = Find(j);
            if (ri != rj)
            {
                parent[Math.Max(ri, rj)] = Math.Min(ri, rj);
            }
        }

        var clusters = new Dictionary<int, List<int>>();
        foreach (var pair in linked)
        {
            var (i, j) = Unpack(pair);
            var root = Find(i);
            if (!clusters.TryGetValue(root, out var members))
            {
                clusters[root] = members = [];
            }

            members.Add(i);
            members.Add(j);
        }

        var added = new List<MatchPair>();
        foreach (var members in clusters.Values)
        {
            var distinct = members.Distinct().Order().ToArray();
            if (distinct.Length < 3 || distinct.Length > options.MaxClusterSizeForClosure)
            {
                continue;
            }

            for (var x = 0; x < distinct.Length; x++)
            {
                for (var y = x + 1; y < distinct.Length; y++)
                {
                    var key = Pack(distinct[x], distinct[y]);
                    if (linked.Contains(key))
                    {
                        continue;
                    }

                    var vector = PairComparer.Compare(prepared[distinct[x]], prepared[distinct[y]]);
                    var score = model.Score(vector.Pattern);
                    if (score >= options.ClosureMinimumScore)
                    {
                        // A pair linked only through others is at least a possible match (review) unless it is certain on its own.
                        var band = thresholds.BandOf(score, vector) == MatchBand.Certain ? MatchBand.Certain : MatchBand.Possible;
                        added.Add(new MatchPair(records[distinct[x]].Id, records[distinct[y]].Id, score, model.Probability(score), band, true));
                    }
                }
            }
        }

        return added;
    }

    private static PreparedPerson[] Prepare(IReadOnlyList<PersonRecord> records, bool parallel)
    {
        var prepared = new PreparedPerson[records.Count];
        if (parallel && records.Count > 2000)
        {
            System.Threading.Tasks.Parallel.For(0, records.Count, i => prepared[i] = new PreparedPerson(records[i]));
        }
        else
        {
            for (var i = 0; i < records.Count; i++)
            {
                prepared[i] = new PreparedPerson(records[i]);
            }
        }

        return prepared;
    }

    /// <summary>Every distinct pair (i &lt; j) sharing a blocking key, packed as i &lt;&lt; 32 | j, sorted.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static long[] CandidatePairs(PreparedPerson[] prepared, int maxBlockSize)
    {
        // (key, record) entries sorted by key: each run of one key is a block. Cheaper than a dictionary of lists.
        var entries = new List<(ulong Key, int Record)>(prepared.Length * 12);
        var keys = new List<ulong>(16);
        for (var i = 0; i < prepared.Length; i++)
        {
            BlockingKeys.For(prepared[i], keys);
            foreach (var key in keys)
            {
                entries.Add((key, i));
            }
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries);
        span.Sort();
        var pairs = new List<long>();
        for (var start = 0; start < span.Length;)
        {
            var end = start + 1;
            while (end < span.Length && span[end].Key == span[start].Key)
            {
                end++;
            }

            var size = end - start;
            if (size >= 2 && size <= maxBlockSize)
            {
                for (var x = start; x < end; x++)
                {
                    for (var y = x + 1; y < end; y++)
                    {
                        if (span[x].Record != span[y].Record)
                        {
                            pairs.Add(Pack(span[x].Record, span[y].Record));
                        }
                    }
                }
            }

            start = end;
        }

        var array = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs);
        array.Sort();
        var count = 0;
        for (var k = 0; k < array.Length; k++)
        {
            if (count == 0 || array[count - 1] != array[k])
            {
                array[count++] = array[k];
            }
        }

        return array[..count].ToArray();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static ComparisonVector[] CompareAll(PreparedPerson[] prepared, long[] pairs, bool parallel)
    {
        var vectors = new ComparisonVector[pairs.Length];
        if (parallel && pairs.Length > 20_000)
        {
            System.Threading.Tasks.Parallel.For(0, Environment.ProcessorCount, worker =>
            {
                for (var k = worker; k < pairs.Length; k += Environment.ProcessorCount)
                {
                    var (i, j) = Unpack(pairs[k]);
                    vectors[k] = PairComparer.Compare(prepared[i], prepared[j]);
                }
            });
        }
        else
        {
            for (var k = 0; k < pairs.Length; k++)
            {
                var (i, j) = Unpack(pairs[k]);
                vectors[k] = PairComparer.Compare(prepared[i], prepared[j]);
            }
        }

        return vectors;
    }

    /// <summary>Number of random record pairs compared to represent the pairs that blocking left out.</summary>
    internal const int RandomPairSample = 20_000;

    /// <summary>
    /// EM over the whole comparison space, approximated by two strata: every blocked candidate pair (weight 1) and
    /// a seeded random sample of all pairs, weighted to stand for the pairs blocking left out. Too few records to
    /// learn from: the start model is returned unchanged.
    /// </summary>
    private static MatchModel Fit(PreparedPerson[] prepared, long[] pairs, ComparisonVector[] vectors, MatchModel start, bool parallel)
    {
        var n = prepared.Length;
        var allPairs = (double)n * (n - 1) / 2;
        if (n < 100 || pairs.Length < 50)
        {
            return start;
        }

        var counts = new Dictionary<uint, double>();
        foreach (var vector in vectors)
        {
            counts[vector.Pattern] = counts.GetValueOrDefault(vector.Pattern) + 1;
        }

        var others = allPairs - pairs.Length;
        var sampleSize = (int)Math.Min(RandomPairSample, others);
        if (sampleSize > 0)
        {
            var random = new Random(20240601);
            var sample = new long[sampleSize];
            for (var k = 0; k < sampleSize; k++)
            {
                int i, j;
                do
                {
                    i = random.Next(n);
                    j = random.Next(n);
                }
                while (i == j || Array.BinarySearch(pairs, Pack(i, j)) >= 0);

                sample[k] = Pack(i, j);
            }

            var weight = others / sampleSize;
            foreach (var vector in CompareAll(prepared, sample, parallel))
            {
                counts[vector.Pattern] = counts.GetValueOrDefault(vector.Pattern) + weight;
            }
        }

        // Start by guessing half the candidate pairs are matches.
        return MatchModel.Estimate(counts, start, startPrior: pairs.Length * 0.5 / allPairs);
    }

    private static long Pack(int i, int j) => i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i;

    private static (int I, int J) Unpack(long pair) => ((int)(pair >> 32), (int)(pair & 0xFFFFFFFF));
}

/// <summary>A record with its comparison features worked out once (<see cref="PersonMatcher.Prepare"/>), to be
/// compared with many candidates. Immutable; safe to share between threads.</summary>
public sealed class PreparedRecord
{
    internal PreparedRecord(PreparedPerson person) => Person = person;

    internal PreparedPerson Person { get; }

    public PersonRecord Record => Person.Source;
}
