using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Oversight;
using Safeguard.Core.Records;
using Safeguard.Core.Security;
using Safeguard.Core.Work;

namespace Safeguard.Benchmarks.Trays;

/// <summary>
/// Server time of the front-door tray, the busiest team's tray and the backlog board queries on a seeded database (the large synthetic
/// council): `trays --provider sqlite|postgres --connection CS [--runs N]`. Prints p50/p95/max per query.
/// </summary>
public static class TrayBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = DatabaseOptions.ParseProvider(Option(args, "--provider") ?? "sqlite");
        var connection = Option(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var runs = Number(args, "--runs", 200);
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<SafeguardDbContext>();
        DatabaseOptions.Configure(builder, provider, connection);
        if (args.Contains("--sql")) builder.LogTo(Console.WriteLine, Microsoft.Extensions.Logging.LogLevel.Information);
        var options = builder.Options;
        // As a signed-in worker on no access list, as the pages run: the need-to-know subqueries are in every query.
        // --system: as Safeguard itself, which sees everyone (no need-to-know work), for a before/after on one machine.
        var worker = args.Contains("--system") ? Actor.System : new Actor(Guid.Parse("0190f0a0-0000-7000-8000-00000000be11"), "Bench worker");
        SafeguardDbContext NewContext() => new(options, new FixedActorContext(worker), TimeProvider.System);

        await using (var db = NewContext())
        {
            Console.WriteLine($"{provider}: {db.Contacts.Count():N0} contacts, {db.WorkItems.Count(w => w.ClosedAt == null):N0} open work items");
        }
        await Measure("Front-door tray (first page of 100)", runs, async () =>
        {
            await using var db = NewContext();
            return (await new FrontDoorTray(db).ListAsync()).Total;
        });
        Guid busiest;
        await using (var db = NewContext())
        {
            busiest = db.WorkItems.Where(w => w.ClosedAt == null).GroupBy(w => w.OwnerTeamId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).First();
        }
        await Measure("Home tray: the busiest team's open work (first page of 50)", runs, async () =>
        {
            await using var db = NewContext();
            return (await new VisibleWork(db, new TeamWork(db)).PageAsync(busiest, null)).Total;
        });
        await Measure("Backlog board", runs, async () =>
        {
            await using var db = NewContext();
            return (await new BacklogBoard(db).GetAsync()).Rows.Count;
        });
        return 0;
    }

    internal static async Task Measure(string name, int runs, Func<Task<int>> query)
    {
        for (var i = 0; i < Math.Min(5, runs); i++) await query(); // warm up: connection pool, query compilation
        var times = new double[runs];
        var result = 0;
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            result = await query();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Console.WriteLine($"{name}: {Summary(times)} (result {result:N0})");
    }

    /// <summary>"p50 … ms, p95 … ms, max … ms" of the times (sorts them in place).</summary>
    internal static string Summary(double[] times)
    {
        Array.Sort(times);
        return $"p50 {times[times.Length / 2]:0.0} ms, p95 {times[(int)(times.Length * 0.95)]:0.0} ms, max {times[^1]:0.0} ms";
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static int Number(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
