using BenchmarkDotNet.Attributes;
using Safeguard.Core.People.Matching;

namespace Safeguard.Benchmarks.Matching;

/// <summary>Budget: dedupe of FEBRL dataset3 (5,000 records) ≤ 2 s; stretch ≤ 0.33 s (10x the Python toolkit).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class DedupeBenchmark
{
    private IReadOnlyList<PersonRecord> _records = null!;

    [GlobalSetup]
    public void Setup() => _records = FebrlReader.Read(Path.Combine(FebrlFolder(), "dataset3.csv"));

    [Benchmark]
    public int DedupeDataset3() => PersonMatcher.Deduplicate(_records).Pairs.Count;

    [Benchmark]
    public int ReadAndDedupeDataset3() =>
        PersonMatcher.Deduplicate(FebrlReader.Read(Path.Combine(FebrlFolder(), "dataset3.csv"))).Pairs.Count;

    /// <summary>Walks up from the current and base directories to a folder holding tests/data/febrl (the repository copy of the FEBRL sets).</summary>
    public static string FebrlFolder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "data", "febrl");
                if (File.Exists(Path.Combine(candidate, "dataset3.csv")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("FEBRL data not found: no tests/data/febrl above the working directory.");
    }
}
