using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Intake;
using Safeguard.Core.Seeding;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Benchmarks.Intake;

/// <summary>
/// `intake`: partner API throughput. Starts the real web app (the Web project's AddSafeguard/UseSafeguard pipeline,
/// Kestrel on a loopback port) on a fresh database with the demo council, makes an API key, then posts referrals
/// from N concurrent workers (see <see cref="ReferralBodies"/>) for S seconds (after a warm-up) and reports referrals/s and latency.
/// </summary>
public static class IntakeRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Arg(args, "--provider") ?? "sqlite";
        var seconds = int.Parse(Arg(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var warmup = int.Parse(Arg(args, "--warmup") ?? "5", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Arg(args, "--concurrency") ?? "16", CultureInfo.InvariantCulture);
        // --one-postcode: every child at NB2 4QT (the linker's worst case: its postcode blocks are full). Otherwise each
        // child has its own address (--spread-postcodes, the old flag for this, is the default).
        var onePostcode = args.Contains("--one-postcode") ? "NB2 4QT" : null;
        var knownShare = int.Parse(Arg(args, "--known-percent") ?? "20", CultureInfo.InvariantCulture) / 100.0;
        var bodies = Enumerable.Range(0, concurrency).Select(w => new ReferralBodies(w, knownShare, onePostcode)).ToArray();
        var (providerName, connection, cleanup) = await DatabaseAsync(provider, Arg(args, "--postgres"));
        try
        {
            await using var app = await StartAppAsync(providerName, connection);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            string key;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                key = (await scope.ServiceProvider.GetRequiredService<PartnerKeys>().CreateAsync(DemoAccounts.Police, "Benchmark")).Key;
            }
            Console.WriteLine($"Safeguard on {address}, {providerName}, {concurrency} concurrent clients, {warmup} s warm-up + {seconds} s measured");

            // --client http: the .NET HttpClient (as before); default: a lean raw-socket client (less CPU on the shared cores).
            var useHttpClient = Arg(args, "--client") is "http" or "httpclient";
            using var httpClient = HttpClientPoster.CreateClient(new Uri(address), key, concurrency);
            var endpoint = new IPEndPoint(IPAddress.Loopback, new Uri(address).Port);
            Func<IReferralPoster> poster = useHttpClient ? () => new HttpClientPoster(httpClient) : () => new RawSocketPoster(endpoint, key);
            Console.WriteLine($"Load generator: {(useHttpClient ? "HttpClient" : "raw HTTP/1.1 sockets")}, in this process");

            await LoadAsync(poster, bodies, TimeSpan.FromSeconds(warmup), record: false);
            await AnalyseAsync(app, providerName);
            var writer = app.Services.GetRequiredService<IntakeWriter>();
            var batchesBefore = writer.Batches;
            var writingBefore = writer.WritingTime;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var writerCpuBefore = WriterThreadCpu();
            var (latencies, failures, elapsed) = await LoadAsync(poster, bodies, TimeSpan.FromSeconds(seconds), record: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var writing = writer.WritingTime - writingBefore;
            var writerCpu = WriterThreadCpu() - writerCpuBefore;
            latencies.Sort();
            double P(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * q))];
            Console.WriteLine($"Referrals created: {latencies.Count:N0} in {elapsed.TotalSeconds:0.0} s = {latencies.Count / elapsed.TotalSeconds:N0} referrals/s sustained");
            Console.WriteLine($"Latency: p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, max {(latencies.Count == 0 ? 0 : latencies[^1]):0.0} ms");
            var batches = writer.Batches - batchesBefore;
            Console.WriteLine($"Group commit: {batches:N0} batches, {(batches == 0 ? 0 : latencies.Count / (double)batches):0.0} referrals per commit on average"
                + (onePostcode is null ? "; children at their own addresses" : "; one postcode for every child")
                + $"; {knownShare:P0} about a child referred before");
            if (latencies.Count > 0)
            {
                var cpuPer = cpu.TotalMilliseconds / latencies.Count;
                var writerPer = writing.TotalMilliseconds / latencies.Count;
                Console.WriteLine($"CPU (whole process, load generator included): {cpuPer:0.00} ms per referral, {cpu.TotalSeconds / elapsed.TotalSeconds * 100:0}% of one core; "
                    + $"writer loop busy {writing.TotalSeconds / elapsed.TotalSeconds * 100:0}% of the time, {writerPer:0.00} ms per referral"
                    + (writerCpu is { } w ? $" ({w.TotalMilliseconds / latencies.Count:0.00} ms of it on CPU)" : ""));
                Console.WriteLine($"Capacity on {Environment.ProcessorCount} dedicated cores: {Environment.ProcessorCount * 1000 / cpuPer:N0}/s by CPU, {1000 / writerPer:N0}/s by the writer loop");
            }
            Console.WriteLine($"Failures (non-201): {failures.Sum(f => f.Value)} {string.Join(", ", failures.Select(f => $"{f.Key}x{f.Value}"))}");
            await ReportSealingAsync(app);
            await app.StopAsync();
            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary>How far the app's audit sealer had got when the load stopped: shows that it ran beside intake.</summary>
    private static async Task ReportSealingAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var (events, seals) = (await db.Events.LongCountAsync(), await db.AuditSeals.LongCountAsync());
        Console.WriteLine($"Audit chain: {seals:N0} of {events:N0} events sealed when the load stopped");
    }

    /// <summary>CPU time of the intake writer's own thread (Linux: /proc), or null where that cannot be read.</summary>
    private static TimeSpan? WriterThreadCpu()
    {
        try
        {
            foreach (var task in Directory.GetDirectories("/proc/self/task"))
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith("Safeguard intak", StringComparison.Ordinal)) continue;
                var fields = File.ReadAllText(Path.Combine(task, "stat")).Split(") ")[1].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                return TimeSpan.FromSeconds(ticks / 100.0);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>
    /// PostgreSQL: statistics for the tables as the warm-up left them, as autovacuum keeps them for a database in service.
    /// Without this the measured run could be planned as if the tables were still empty: plans cached while they were
    /// (generic plans of prepared statements, the foreign-key checks' own) scanned Contacts and IdempotencyRecords
    /// whole until autovacuum next analysed them, and the rate fell to a third in one run of three. (SQLite keeps no
    /// statistics unless told to, and in service it is not, so it is left as it is.)
    /// </summary>
    private static async Task AnalyseAsync(WebApplication app, string providerName)
    {
        if (providerName != "Postgres") return;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static async Task<(List<double> Latencies, Dictionary<string, int> Failures, TimeSpan Elapsed)> LoadAsync(
        Func<IReferralPoster> newPoster, ReferralBodies[] bodies, TimeSpan duration, bool record)
    {
        var all = new List<double>();
        var failures = new Dictionary<string, int>();
        var stopwatch = Stopwatch.StartNew();
        var workers = bodies.Select(worker => Task.Run(async () =>
        {
            await using var poster = newPoster();
            var mine = new List<double>();
            var bad = new Dictionary<string, int>();
            while (stopwatch.Elapsed < duration)
            {
                var body = worker.Next();
                var start = Stopwatch.GetTimestamp();
                string outcome;
                try
                {
                    var status = await poster.PostAsync(body, Guid.NewGuid().ToString());
                    outcome = status == (int)HttpStatusCode.Created ? "" : status.ToString(CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
                {
                    outcome = ex.GetType().Name;
                }
                if (outcome.Length == 0) mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                else bad[outcome] = bad.GetValueOrDefault(outcome) + 1;
            }
            return (mine, bad);
        })).ToList();
        foreach (var (mine, bad) in await Task.WhenAll(workers))
        {
            all.AddRange(mine);
            foreach (var (k, v) in bad) failures[k] = failures.GetValueOrDefault(k) + v;
        }
        return (record ? all : [], failures, stopwatch.Elapsed);
    }

    private static async Task<WebApplication> StartAppAsync(string provider, string connection)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Safeguard"] = connection,
            ["Demo:SeedOnStart"] = "true",
            ["PartnerApi:RequestsPerMinute"] = "100000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            ["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "None",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddSafeguard();
        var app = builder.Build();
        await app.PrepareDatabaseAsync();
        app.UseSafeguard();
        await app.StartAsync();
        return app;
    }

    private static async Task<(string Provider, string Connection, Func<Task> Cleanup)> DatabaseAsync(string provider, string? postgresAdmin)
    {
        if (provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var file = Path.Combine(Path.GetTempPath(), $"safeguard-intake-{Guid.NewGuid():N}.db");
            Console.WriteLine($"SQLite file {file} (WAL, synchronous=FULL)");
            return ("Sqlite", $"Data Source={file}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
                return Task.CompletedTask;
            });
        }

        var admin = postgresAdmin ?? Environment.GetEnvironmentVariable("SAFEGUARD_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("For --provider postgres give --postgres \"<admin connection string>\" or SAFEGUARD_BENCH_POSTGRES "
                + "(bench/Safeguard.Benchmarks/Intake/durable-postgres.sh start prints one for a durable server).");
        var name = $"sg_bench_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using (var settings = new NpgsqlCommand("SELECT current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')", conn))
            {
                Console.WriteLine($"PostgreSQL fsync={await settings.ExecuteScalarAsync()}");
            }
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 100 };
        return ("Postgres", csb.ConnectionString, async () =>
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
