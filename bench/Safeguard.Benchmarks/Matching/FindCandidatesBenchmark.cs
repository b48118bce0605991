using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Columns;
using Safeguard.Core.People.Matching;

namespace Safeguard.Benchmarks.Matching;

/// <summary>Budget: one FindCandidates among 1,000,000 people, p95 ≤ 20 ms.</summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 256)]
public class FindCandidatesBenchmark
{
    private PersonIndex _index = null!;
    private PersonRecord[] _queries = null!;
    private int _next;

    [Params(1_000_000)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_index, _queries, var report) = Build(People);
        Console.WriteLine(report);
    }

    [Benchmark]
    public int FindCandidates()
    {
        var query = _queries[_next++ % _queries.Length];
        return _index.FindCandidates(query, max: 10).Count;
    }

    /// <summary>Builds the index and 1,000 corrupted copies of indexed people to use as queries; reports the
    /// build time and the managed memory the index holds.</summary>
    public static (PersonIndex Index, PersonRecord[] Queries, string Report) Build(int people)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var records = SyntheticPeople.Generate(people);
        var generated = stopwatch.ElapsedMilliseconds;
        var random = new Random(99);
        var queries = Enumerable.Range(0, 1000)
            .Select(i => SyntheticPeople.Corrupt(records[random.Next(records.Count)], random, "q" + i))
            .ToArray();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        stopwatch.Restart();
        var index = new PersonIndex();
        index.AddRange(records);
        var built = stopwatch.ElapsedMilliseconds;
        records.Clear();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);
        var report = $"{people:N0} synthetic people generated in {generated} ms; index built in {built} ms; "
            + $"{index.BlockCount:N0} blocks; index memory (records + features + blocks) {(after - before) / (1024.0 * 1024.0):N0} MB";
        return (index, queries, report);
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
