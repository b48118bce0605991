using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Safeguard.Core;
using Safeguard.Core.Data;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.Validation;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding.Large;
using static Safeguard.Benchmarks.Trays.TrayBenchmark;

namespace Safeguard.Benchmarks.Census;

/// <summary>
/// The CIN census export of the large council with validation, as <c>safeguard returns cin-census --check</c> runs it:
/// <c>census [--scale 1.0] [--seed 1] [--year 2026] [--runs 3] [--postgres ADMIN-CS] [--page-size N]</c>.
/// Seeds the large council once per seed and scale (SQLite: a file in the temp folder; PostgreSQL: a database of its own on
/// the given server) and reuses it afterwards, then times each export and reports its peak memory.
/// </summary>
public static class CensusBenchmark
{
    /// <summary>The seeded history ends here, after the census year 2025-26, so the same council can be reused any day.</summary>
    private static readonly DateOnly EndDate = new(2026, 4, 30);

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = double.Parse(Option(args, "--scale") ?? "1.0", CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        var year = new CensusYear(int.Parse(Option(args, "--year") ?? "2026", CultureInfo.InvariantCulture));
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var pageSize = Option(args, "--page-size") is { } size ? int.Parse(size, CultureInfo.InvariantCulture) : CinCensusExport.DefaultPageSize;
        var key = string.Create(CultureInfo.InvariantCulture, $"census-s{seed}-x{scale:0.####}").Replace('.', '_');

        var postgres = Option(args, "--postgres");
        var provider = postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        var marker = Path.Combine(Path.GetTempPath(), $"safeguard-{key}-{provider}.seeded".ToLowerInvariant());
        var connection = postgres is null
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"safeguard-{key}.db")}"
            : await PostgresDatabaseAsync(postgres, "sg_" + key.Replace('-', '_'), marker);
        var seeded = await EnsureSeededAsync(provider, connection, marker, seed, scale);

        Console.WriteLine($"{provider}, large council seed {seed} scale {scale.ToString(CultureInfo.InvariantCulture)}, census {year}, page {pageSize}");
        if (seeded) Console.WriteLine("(seeded in this process: the first run's peak working set includes what the seeding left behind)");
        for (var run = 1; run <= runs; run++) await ExportOnceAsync(provider, connection, year, pageSize, run, args.Contains("--sql"));
        return 0;
    }

    private static async Task ExportOnceAsync(DatabaseProvider provider, string connection, CensusYear year, int pageSize, int run, bool sql)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (sql) logging.AddSimpleConsole().AddFilter(DbLoggerCategory.Database.Command.Name, LogLevel.Information);
        });
        services.AddScoped<IActorContext>(_ => new FixedActorContext(Actor.System));
        services.AddSafeguardCore(provider, connection);
        await using var root = services.BuildServiceProvider();
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var export = new CinCensusExport(db, Options.Create(new CinCensusSettings()), TimeProvider.System) { PageSize = pageSize };
        var path = Path.Combine(Path.GetTempPath(), $"safeguard-census-bench-{Environment.ProcessId}.xml");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var peak = new PeakMemory();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var errors = 0;
        var queries = 0;
        var checking = TimeSpan.Zero;
        var stopwatch = Stopwatch.StartNew();
        CinCensusSummary summary;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            // The same check as `safeguard returns cin-census --check`: every rule, those over the whole return included.
            var check = new CensusCheck(CensusContext.For(year, new CinCensusSettings(),
                scope.ServiceProvider.GetRequiredService<Safeguard.Core.Timescales.IWorkingDayCalendar>()));
            summary = await export.WriteAsync(year, file, null, default, child =>
            {
                var from = Stopwatch.GetTimestamp();
                check.Add(child);
                checking += Stopwatch.GetElapsedTime(from);
            });
            var finishing = Stopwatch.GetTimestamp();
            foreach (var failure in check.Finish())
            {
                if (failure.Severity == RuleSeverity.Error) errors++; else queries++;
            }
            checking += Stopwatch.GetElapsedTime(finishing);
        }
        var elapsed = stopwatch.Elapsed;
        var (workingSet, heap) = peak.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var bytes = new FileInfo(path).Length;
        File.Delete(path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {run}: {summary.Children:N0} children, {summary.Episodes:N0} episodes, {bytes / 1e6:0.0} MB of XML in {elapsed.TotalSeconds:0.00} s "
            + $"(checking {checking.TotalSeconds:0.00} s); "
            + $"{errors:N0} errors, {queries:N0} queries; peak working set {workingSet / 1e6:0} MB{(PeakMemory.CanReset ? "" : " (since the process started)")}, "
            + $"peak managed heap {heap / 1e6:0} MB, allocated {allocated / 1e6:0} MB"));
    }

    /// <summary>Seeds the large council unless a finished seed with this key is there already. True when it seeded.</summary>
    private static async Task<bool> EnsureSeededAsync(DatabaseProvider provider, string connection, string marker, int seed, double scale)
    {
        if (File.Exists(marker))
        {
            // A council seeded before a later migration gets its new columns (nullable, empty): the rows stay as seeded.
            await using var seededDb = new SafeguardDbContext(DatabaseOptions.Build(provider, connection), new FixedActorContext(Actor.System),
                TimeProvider.System);
            await seededDb.Database.MigrateAsync();
            return false;
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
            foreach (var part in new[] { file, file + "-wal", file + "-shm" }) File.Delete(part);
        }
        await using (var db = new SafeguardDbContext(DatabaseOptions.Build(provider, connection), new FixedActorContext(Actor.System), TimeProvider.System))
        {
            await db.Database.MigrateAsync();
        }
        var stopwatch = Stopwatch.StartNew();
        var result = await new LargeCouncilSeeder().RunAsync(provider, connection, new LargeSeedOptions { Seed = seed, Scale = scale, EndDate = EndDate });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded the large council in {stopwatch.Elapsed.TotalSeconds:0.0} s: {result.People:N0} people, {result.Contacts:N0} contacts, "
            + $"{result.Referrals:N0} referrals, {result.TotalRows:N0} rows"));
        await File.WriteAllTextAsync(marker, connection);
        return true;
    }

    /// <summary>A database of this name on the server (created when missing, dropped and created again when not yet seeded).</summary>
    private static async Task<string> PostgresDatabaseAsync(string adminConnection, string name, string marker)
    {
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin);
            exists.Parameters.AddWithValue("n", name);
            var there = await exists.ExecuteScalarAsync() is not null;
            if (there && !File.Exists(marker))
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                there = false;
            }
            if (!there)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
        }
        return new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString;
    }
}
