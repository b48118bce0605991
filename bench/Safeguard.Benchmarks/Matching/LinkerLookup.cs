using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Benchmarks.Matching;

/// <summary>
/// `quick-linker [people] [file]`: candidate lookup for one new person among N people (default 1,000,000) through the
/// linker's path (database blocking queries + engine scoring, <see cref="PersonCandidates.FindCandidatesAsync(PersonQuery,int,CancellationToken)"/>)
/// on a SQLite file. The file is built once (bulk insert of the synthetic population) and reused.
/// </summary>
public static class LinkerLookup
{
    public static async Task<int> RunAsync(int count, string file, int queryCount = 1000)
    {
        // A PostgreSQL connection string ("Host=...;Database=...") instead of a file runs against PostgreSQL.
        var postgres = file.StartsWith("Host=", StringComparison.OrdinalIgnoreCase);
        var connection = postgres ? file : $"Data Source={file}";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSafeguardCore(postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connection);
        await using var provider = services.BuildServiceProvider();
        // The generator is sequential, so the people after the first `count` are the same kind but not in the database:
        // children new to the index, the common case at intake.
        var generated = SyntheticPeople.Generate(count + queryCount);
        var people = generated.GetRange(0, count);
        var newChildren = generated.GetRange(count, queryCount).Select(ToQuery).ToArray();
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await db.Database.MigrateAsync();
            if (await db.People.CountAsync() < count)
            {
                var load = Stopwatch.StartNew();
                if (postgres)
                {
                    await CopyInsertAsync(db, people);
                }
                else
                {
                    await BulkInsertAsync(db, people);
                }

                Console.WriteLine($"Loaded {count:N0} people into {(postgres ? "PostgreSQL" : file)} in {load.Elapsed.TotalSeconds:0} s");
            }
        }

        var random = new Random(99);
        var sources = Enumerable.Range(0, queryCount).Select(_ => people[random.Next(people.Count)]).ToArray();
        var queries = sources.Select((p, i) => ToQuery(SyntheticPeople.Corrupt(p, random, "q" + i))).ToArray();

        // Warm-up (untimed), which also counts the candidates scoring >= 0: three rounds of both sets, so that tiered
        // compilation has settled and the CPU measured is the lookups', not the JIT's.
        async Task<int> CandidatesAsync(PersonQuery query)
        {
            await using var scope = provider.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<PersonCandidates>().FindCandidatesAsync(query, int.MaxValue)).Count;
        }

        var scored = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var query in queries)
            {
                var candidates = await CandidatesAsync(query);
                if (round == 0) scored += candidates;
            }
            foreach (var query in newChildren) await CandidatesAsync(query);
        }

        var (known, results) = await TimeAsync(provider, queries);
        var found = results.Count(r => r.Count > 0 && r[0].Band != MatchBand.Unlikely);
        var right = 0;
        for (var i = 0; i < queries.Length; i++)
        {
            // The person the query was made from (same stored name, date of birth and postcode), at least "possible".
            var source = sources[i];
            var name = $"{source.GivenName} {source.FamilyName}";
            var dob = DateOnly.ParseExact(source.DateOfBirth.Raw!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (results[i].Any(c => c.Name == name && c.DateOfBirth == dob && c.Band != MatchBand.Unlikely)) right++;
        }

        var (fresh, _) = await TimeAsync(provider, newChildren);
        var process = Process.GetCurrentProcess();
        var size = postgres ? "" : string.Create(CultureInfo.InvariantCulture, $", database file {new FileInfo(file).Length / 1048576.0:0} MB");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FindCandidatesAsync (linker path, {(postgres ? "PostgreSQL" : "SQLite")}) among {count:N0} people x{queryCount}: {known}; top candidate at least 'possible' for {found}/{queries.Length}, "
            + $"the right person at least 'possible' for {right}/{queries.Length}, {scored / (double)queries.Length:0.0} candidates scoring >= 0 per query; "
            + $"managed heap {GC.GetTotalMemory(true) / 1048576.0:0} MB (includes the generated population), working set {process.WorkingSet64 / 1048576.0:0} MB"
            + $"{size}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"New children (not in the index) x{newChildren.Length}: {fresh}"));
        return 0;
    }

    private static PersonQuery ToQuery(PersonRecord r) => new(r.GivenName, r.FamilyName,
        r.DateOfBirth.IsComplete ? new DateOnly(r.DateOfBirth.Year!.Value, r.DateOfBirth.Month!.Value, r.DateOfBirth.Day!.Value) : null,
        r.NhsNumber, r.Postcode, r.Sex, r.AddressLines.FirstOrDefault(), r.Town);

    /// <summary>
    /// One lookup per query, one DI scope each (as intake does): p50/p95/max of each call and the process CPU (every
    /// thread: EF, the provider, GC) over the round divided by the number of lookups.
    /// </summary>
    private static async Task<(string Summary, List<IReadOnlyList<PersonCandidateView>> Results)> TimeAsync(ServiceProvider provider, PersonQuery[] queries)
    {
        var times = new List<double>(queries.Length);
        var results = new List<IReadOnlyList<PersonCandidateView>>(queries.Length);
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var query in queries)
        {
            await using var scope = provider.CreateAsyncScope();
            var candidates = scope.ServiceProvider.GetRequiredService<PersonCandidates>();
            var start = Stopwatch.GetTimestamp();
            results.Add(await candidates.FindCandidatesAsync(query, 10));
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        times.Sort();
        return (string.Create(CultureInfo.InvariantCulture, $"p50 {times[times.Count / 2]:0.00} ms, p95 {times[(int)(times.Count * 0.95)]:0.00} ms, "
            + $"max {times[^1]:0.00} ms, process CPU {cpu.TotalMilliseconds / queries.Length:0.00} ms per lookup"), results);
    }

    /// <summary>PostgreSQL: COPY in text format, then ANALYZE (as autovacuum would soon after a bulk load).</summary>
    private static async Task CopyInsertAsync(SafeguardDbContext db, List<PersonRecord> people)
    {
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var ids = new Guid[people.Count];
        await using (var writer = await connection.BeginTextImportAsync(
            "COPY \"People\" (\"Id\", \"GivenName\", \"FamilyName\", \"DateOfBirth\", \"Sex\", \"NhsNumber\", \"IsRestricted\", \"CreatedAt\", \"GivenNameKey\", \"FamilyNameKey\") FROM STDIN"))
        {
            for (var i = 0; i < people.Count; i++)
            {
                var r = people[i];
                ids[i] = Guid.NewGuid();
                await writer.WriteLineAsync(string.Join("\t", ids[i].ToString(), r.GivenName, r.FamilyName, r.DateOfBirth.Raw, r.Sex.ToString(),
                    r.NhsNumber ?? "\\N", "f", "2026-01-01 00:00:00+00", PersonKeys.Name(r.GivenName) ?? "\\N", PersonKeys.Name(r.FamilyName) ?? "\\N"));
            }
        }

        await using (var writer = await connection.BeginTextImportAsync(
            "COPY \"PersonAddresses\" (\"Id\", \"PersonId\", \"Line1\", \"Town\", \"Postcode\", \"From\") FROM STDIN"))
        {
            for (var i = 0; i < people.Count; i++)
            {
                var r = people[i];
                await writer.WriteLineAsync(string.Join("\t", Guid.NewGuid().ToString(), ids[i].ToString(), r.AddressLines.FirstOrDefault() ?? "",
                    r.Town ?? "", r.Postcode ?? "", "2020-01-01"));
            }
        }

        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE \"People\"; ANALYZE \"PersonAddresses\"";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task BulkInsertAsync(SafeguardDbContext db, List<PersonRecord> people)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var person = connection.CreateCommand();
        person.Transaction = transaction;
        person.CommandText = "INSERT INTO People (Id, GivenName, FamilyName, DateOfBirth, Sex, NhsNumber, IsRestricted, CreatedAt, GivenNameKey, FamilyNameKey) "
            + "VALUES ($id, $g, $f, $dob, $sex, $nhs, 0, '2026-01-01 00:00:00', $gk, $fk)";
        var pp = new[] { "$id", "$g", "$f", "$dob", "$sex", "$nhs", "$gk", "$fk" }.Select(n => { var p = person.CreateParameter(); p.ParameterName = n; person.Parameters.Add(p); return p; }).ToArray();
        await using var address = connection.CreateCommand();
        address.Transaction = transaction;
        address.CommandText = "INSERT INTO PersonAddresses (Id, PersonId, Line1, Town, Postcode, \"From\") VALUES ($id, $pid, $l, $t, $pc, '2020-01-01')";
        var ap = new[] { "$id", "$pid", "$l", "$t", "$pc" }.Select(n => { var p = address.CreateParameter(); p.ParameterName = n; address.Parameters.Add(p); return p; }).ToArray();
        person.Prepare();
        address.Prepare();
        foreach (var r in people)
        {
            var id = Guid.NewGuid().ToString().ToUpperInvariant();
            pp[0].Value = id;
            pp[1].Value = r.GivenName;
            pp[2].Value = r.FamilyName;
            pp[3].Value = r.DateOfBirth.Raw;
            pp[4].Value = r.Sex.ToString();
            pp[5].Value = (object?)r.NhsNumber ?? DBNull.Value;
            pp[6].Value = (object?)PersonKeys.Name(r.GivenName) ?? DBNull.Value;
            pp[7].Value = (object?)PersonKeys.Name(r.FamilyName) ?? DBNull.Value;
            await person.ExecuteNonQueryAsync();
            ap[0].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            ap[1].Value = id;
            ap[2].Value = r.AddressLines.FirstOrDefault() ?? "";
            ap[3].Value = r.Town ?? "";
            ap[4].Value = r.Postcode ?? "";
            await address.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
