using System.Diagnostics;
using BenchmarkDotNet.Running;
using Safeguard.Benchmarks.Matching;

if (args.Length > 0 && args[0] == "trays")
{
    return await Safeguard.Benchmarks.Trays.TrayBenchmark.RunAsync(args[1..]);
}

// `pages`: the child's record and the worker's home page over HTTP against the running web app (see README).
if (args.Length > 0 && args[0] == "pages")
{
    return await Safeguard.Benchmarks.Pages.PageBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "caseloads")
{
    return await Safeguard.Benchmarks.Caseloads.CaseloadBenchmark.RunAsync(args[1..]);
}

// `census`: the CIN census export with validation of the large council (see README, "CIN census").
if (args.Length > 0 && args[0] == "census")
{
    return await Safeguard.Benchmarks.Census.CensusBenchmark.RunAsync(args[1..]);
}

// `intake`: partner API throughput over loopback against the real web app (see README, "Partner API intake").
if (args.Length > 0 && args[0] == "intake")
{
    return await Safeguard.Benchmarks.Intake.IntakeRun.RunAsync(args[1..]);
}

// `crash`: the web process SIGKILLed mid-burst, every request resent; nothing lost or doubled (see README, "Crash safety").
if (args.Length > 0 && args[0] == "crash")
{
    return await Safeguard.Benchmarks.Crash.CrashBench.RunAsync(args[1..]);
}

// `quick-matching`: a fast, plain measurement of the person-matching budgets (no BenchmarkDotNet statistics):
// builds the 1M-person index, times 1,000 FindCandidates calls (p50/p95/max) and times dedupe of dataset3.
if (args.Length > 0 && args[0] == "quick-linker")
{
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    return await LinkerLookup.RunAsync(count, args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"safeguard-linker-{count}.db"),
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1000);
}

if (args.Length > 0 && args[0] == "quick-matching")
{
    var people = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    var (index, queries, report) = FindCandidatesBenchmark.Build(people);
    Console.WriteLine(report);
    var times = new double[queries.Length];
    var found = 0;
    for (var round = 0; round < 2; round++)
    {
        for (var i = 0; i < queries.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var candidates = index.FindCandidates(queries[i], max: 10);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (round == 1 && candidates.Count > 0 && candidates[0].Band != Safeguard.Core.People.Matching.MatchBand.Unlikely)
            {
                found++;
            }
        }
    }

    Array.Sort(times);
    Console.WriteLine($"FindCandidates x{times.Length}: p50 {times[times.Length / 2]:0.00} ms, p95 {times[(int)(times.Length * 0.95)]:0.00} ms, "
        + $"max {times[^1]:0.00} ms; top candidate at least 'possible' for {found}/{queries.Length} corrupted copies");

    var records = Safeguard.Core.People.Matching.FebrlReader.Read(Path.Combine(DedupeBenchmark.FebrlFolder(), "dataset3.csv"));
    for (var round = 0; round < 3; round++)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = Safeguard.Core.People.Matching.PersonMatcher.Deduplicate(records);
        Console.WriteLine($"Dedupe dataset3 (in process, run {round + 1}): {stopwatch.ElapsedMilliseconds} ms, {result.Pairs.Count} pairs");
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Safeguard.Benchmarks.Intake.IntakeRun).Assembly).Run(args);
return 0;
