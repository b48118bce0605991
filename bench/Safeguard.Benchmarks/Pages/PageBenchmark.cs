using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using static Safeguard.Benchmarks.Trays.TrayBenchmark;

namespace Safeguard.Benchmarks.Pages;

/// <summary>
/// The child's record page, the worker's home page and a child's chronology (500 entries), on the page and as a PDF, through the real running web
/// app, over HTTP, signed in as the large council's busiest social worker:
/// `pages --provider sqlite|postgres --connection CS --url http://localhost:5000 [--runs 200] [--children 200] [--seed 1]
/// [--warmup-seconds 30] [--server-log FILE] [--server-pid PID] [--dashboard-runs 100] [--dashboard-only] [--dashboard-path /performance?...]`; the leaders'
/// dashboard (`GET /performance`, whole service, the last 12 months) is timed signed in as a head of service the bench makes. Times are wall time at the client (HTTP on loopback included);
/// `--server-log` also reads the app's own request durations from its log, `--server-pid` the app's CPU per request.
/// </summary>
public static class PageBenchmark
{
    private const int ChronologyEntries = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = DatabaseOptions.ParseProvider(Option(args, "--provider") ?? "sqlite");
        var connection = Option(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var url = new Uri(Option(args, "--url") ?? "http://localhost:5000");
        var runs = Number(args, "--runs", 200);
        var childCount = Number(args, "--children", 200);
        var warmup = Number(args, "--warmup-seconds", 30);
        if (childCount < 4) throw new ArgumentException("--children must be at least 4 (a quarter are the longest histories)");
        var serverLog = Option(args, "--server-log");
        var serverPid = Option(args, "--server-pid") is null ? (int?)null : Number(args, "--server-pid", 0);
        var dashboardRuns = Number(args, "--dashboard-runs", 100);
        var dashboardOnly = args.Contains("--dashboard-only");
        var dashboardPath = Option(args, "--dashboard-path") ?? "/performance";

        var builder = new DbContextOptionsBuilder<SafeguardDbContext>();
        DatabaseOptions.Configure(builder, provider, connection);
        BenchAccount.SignInDetails account, leader;
        IReadOnlyList<SampledChild> children;
        await using (var db = new SafeguardDbContext(builder.Options, new FixedActorContext(Actor.System), TimeProvider.System))
        {
            Console.WriteLine($"{provider}: {await db.People.CountAsync():N0} people, {await db.Contacts.CountAsync():N0} contacts, "
                + $"{await db.Referrals.CountAsync():N0} referrals, {await db.WorkItems.CountAsync(w => w.ClosedAt == null):N0} open work items");
            account = await BenchAccount.PrepareAsync(db);
            leader = await BenchAccount.PrepareLeaderAsync(db);
            children = await ChildSample.PickAsync(db, childCount, Number(args, "--seed", 1));
        }
        if (dashboardOnly) return await DashboardAsync(url, leader, dashboardPath, dashboardRuns, warmup, serverLog, serverPid);
        var longest = children.Where(c => c.LongHistory).ToList();
        Console.WriteLine($"Children: {children.Count} ({longest.Count} with the longest histories, {longest.Min(c => c.History)}–"
            + $"{longest.Max(c => c.History)} contacts+referrals+plans; {children.Count - longest.Count} with an open case, "
            + $"median {Median(children.Where(c => !c.LongHistory).Select(c => c.History))})");

        using var browser = new BrowserClient(url);
        await browser.SignInAsync(account.Email, account.Password);
        var home = await browser.GetAsync("/");
        if (!home.Contains("Your open work", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("GET / is not the worker's home page (\"Your open work\" missing): check the account's roles");
        }
        Console.WriteLine($"Signed in at {url} as {account.DisplayName}; wall time at the client, one request at a time:");

        // By time, not count: a new app process spends its first half minute or more in tiered JIT on a busy machine.
        var warming = Stopwatch.StartNew();
        for (var i = 0; warming.Elapsed.TotalSeconds < warmup; i++)
        {
            await browser.GetAsync("/");
            await browser.GetAsync($"/children/{children[i % children.Count].Id}");
        }
        var (homeTimes, homeCpu) = await TimeAsync(runs, _ => "/", browser, serverPid);
        Console.WriteLine($"Worker's home page (GET /, {runs} requests): {Summary(homeTimes.ToArray())}{homeCpu}");
        var (childTimes, childCpu) = await TimeAsync(runs, i => $"/children/{children[i % children.Count].Id}", browser, serverPid);
        Console.WriteLine($"Child's record (GET /children/{{id}}, {runs} requests over {children.Count} children): {Summary(childTimes.ToArray())}{childCpu}");
        var longTimes = childTimes.Where((_, i) => children[i % children.Count].LongHistory).ToArray();
        var openTimes = childTimes.Where((_, i) => !children[i % children.Count].LongHistory).ToArray();
        Console.WriteLine($"  of which the longest histories ({longTimes.Length}): {Summary(longTimes)}; open cases ({openTimes.Length}): {Summary(openTimes)}");
        var slowest = childTimes.Select((ms, i) => (ms, child: children[i % children.Count])).OrderByDescending(x => x.ms).Take(5);
        Console.WriteLine("  slowest: " + string.Join("; ", slowest.Select(s => $"{s.child.Id} {s.ms:0.0} ms (history {s.child.History})")));

        // The chronology of one child with at least 500 entries (issue 14's measure): the longest history, topped up with
        // significant events added through the service when it has fewer (this changes the benchmark's database).
        var chronologyChild = longest.OrderByDescending(c => c.History).First().Id;
        var entries = await ChronologyChild.EnsureEntriesAsync(builder.Options, chronologyChild, ChronologyEntries);
        for (var i = 0; i < 20; i++) await browser.GetAsync($"/children/{chronologyChild}/chronology");
        var (chronologyTimes, chronologyCpu) = await TimeAsync(runs, _ => $"/children/{chronologyChild}/chronology", browser, serverPid);
        Console.WriteLine($"Chronology (GET /children/{{id}}/chronology, one child with {entries} entries, {runs} requests): "
            + $"{Summary(chronologyTimes.ToArray())}{chronologyCpu}");
        // The same chronology as a PDF (title page, markings, page numbers; each download an audit event, a commit).
        var pdfPath = $"/children/{chronologyChild}/chronology?handler=Pdf";
        if (!(await browser.GetAsync(pdfPath)).StartsWith("%PDF-", StringComparison.Ordinal)) throw new InvalidOperationException($"GET {pdfPath} is not a PDF");
        for (var i = 0; i < 10; i++) await browser.GetAsync(pdfPath);
        var pdfRuns = Math.Max(20, runs / 4);
        var (pdfTimes, pdfCpu) = await TimeAsync(pdfRuns, _ => pdfPath, browser, serverPid);
        Console.WriteLine($"Chronology PDF (GET /children/{{id}}/chronology?handler=Pdf, the same child, {pdfRuns} requests): "
            + $"{Summary(pdfTimes.ToArray())}{pdfCpu}");

        if (serverLog is not null)
        {
            Console.WriteLine("Server time from the app's request log (Kestrel, request start to response end):");
            Console.WriteLine($"  Worker's home page: {Summary(ServerLog.LastDurations(serverLog, p => p == "/", runs))}");
            Console.WriteLine($"  Child's record: {Summary(ServerLog.LastDurations(serverLog, p => p.StartsWith("/children/", StringComparison.Ordinal)
                && !p.Contains("/chronology", StringComparison.Ordinal), runs))}");
            Console.WriteLine($"  Chronology: {Summary(ServerLog.LastDurations(serverLog, p => p.EndsWith("/chronology", StringComparison.Ordinal), runs))}");
            Console.WriteLine($"  Chronology PDF: {Summary(ServerLog.LastDurations(serverLog, p => p.EndsWith("/chronology?handler=Pdf", StringComparison.Ordinal), pdfRuns))}");
        }
        return await DashboardAsync(url, leader, dashboardPath, dashboardRuns, warmup, serverLog, serverPid);
    }

    /// <summary>The leaders' dashboard, whole service, the default period (the last 12 months), as a head of service.</summary>
    private static async Task<int> DashboardAsync(Uri url, BenchAccount.SignInDetails leader, string path, int runs, int warmup, string? serverLog, int? serverPid)
    {
        using var browser = new BrowserClient(url);
        await browser.SignInAsync(leader.Email, leader.Password);
        var page = await browser.GetAsync(path);
        if (!page.Contains("data-testid=\"figures-as-at\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("GET /performance did not show the dashboard: check the account's roles");
        }
        var asAt = page.Contains("computed now", StringComparison.Ordinal) ? "computed now (no daily figures for the period)" : "from the daily figures";
        Console.WriteLine($"Signed in as {leader.DisplayName}; the dashboard's figures are {asAt}");
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed.TotalSeconds < Math.Min(warmup, 30)) await browser.GetAsync(path);
        var (times, cpu) = await TimeAsync(runs, _ => path, browser, serverPid);
        Console.WriteLine($"Dashboard (GET {path}, whole service, {runs} requests): {Summary(times.ToArray())}{cpu}");
        if (serverLog is not null)
        {
            Console.WriteLine($"  server time from the app's request log: {Summary(ServerLog.LastDurations(serverLog, p => p == path, runs))}");
        }
        return 0;
    }

    /// <summary>Wall time of each request; with the server's process id, also its CPU time per request (from /proc).</summary>
    private static async Task<(List<double> Times, string Cpu)> TimeAsync(int runs, Func<int, string> path, BrowserClient browser, int? serverPid)
    {
        var cpuBefore = serverPid is { } before ? ProcessCpu.Of(before) : TimeSpan.Zero;
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await browser.GetAsync(path(i));
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var cpu = serverPid is { } after ? $"; server CPU {(ProcessCpu.Of(after) - cpuBefore).TotalMilliseconds / runs:0.0} ms a request" : "";
        return (times, cpu);
    }

    private static int Median(IEnumerable<int> values) => values.Order().ToArray() is { Length: > 0 } sorted ? sorted[sorted.Length / 2] : 0;
}
