using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.TestCommon.Crashing;

namespace Safeguard.Benchmarks.Crash;

/// <summary>
/// `crash`: the full form of the crash harness (<see cref="CrashRun"/>): the real web process SIGKILLed at random points
/// of bursts of partner referrals and decisions, --rounds times, and on PostgreSQL the server restarted once under load
/// (--pg-data: the cluster's data folder, e.g. the one scripts/test-postgres.sh made; never a server others use).
/// Prints what was sent, acknowledged, resent, found exactly once, lost and doubled; exits 1 on any problem.
/// </summary>
public static class CrashBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = DatabaseOptions.ParseProvider(Arg(args, "--provider") ?? "sqlite");
        var rounds = int.Parse(Arg(args, "--rounds") ?? "20", CultureInfo.InvariantCulture);
        var referrals = int.Parse(Arg(args, "--referrals") ?? "60", CultureInfo.InvariantCulture);
        var decisions = int.Parse(Arg(args, "--decisions") ?? "10", CultureInfo.InvariantCulture);
        var seed = int.Parse(Arg(args, "--seed") ?? Random.Shared.Next(1_000_000).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        Func<Task>? restart = Arg(args, "--pg-data") is { } data ? () => RestartPostgresAsync(data) : null;
        if (provider == DatabaseProvider.Postgres && restart is null) Console.WriteLine("No --pg-data: the PostgreSQL server is not restarted");

        var (connection, cleanup) = await DatabaseAsync(provider, Arg(args, "--postgres"));
        try
        {
            var run = new CrashRun(provider, connection, new CrashRunOptions(rounds, referrals, decisions, seed, RestartDatabase: restart,
                Log: line => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line}")));
            var report = await run.RunAsync(WebProcess.BesideThisProgram());
            Console.WriteLine($"Seed {seed}; load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
            Console.WriteLine(report);
            return report.Problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary>pg_ctl restart -m fast (as the cluster's owner when run as root), with the options it was started with.</summary>
    private static async Task RestartPostgresAsync(string dataFolder)
    {
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).First(File.Exists);
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, "-D", dataFolder, "-m", "fast", "-w", "restart"])
            : new ProcessStartInfo(pgCtl, ["-D", dataFolder, "-m", "fast", "-w", "restart"]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_ctl restart failed: {await output}{error}");
    }

    private static async Task<(string Connection, Func<Task> Cleanup)> DatabaseAsync(DatabaseProvider provider, string? postgresAdmin)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"safeguard-crash-{Guid.NewGuid():N}.db");
            Console.WriteLine($"SQLite file {file}");
            return ($"Data Source={file}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
                return Task.CompletedTask;
            });
        }
        var admin = postgresAdmin ?? Environment.GetEnvironmentVariable("SAFEGUARD_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("For --provider postgres give --postgres \"<admin connection string>\" (scripts/test-postgres.sh start prints one).");
        var name = $"sg_crash_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        return (new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        });
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
