using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;
using Safeguard.Core.Security;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.People;

/// <summary>Candidate lookup in the database: the prepared-query compare and the selective blocking queries.</summary>
public sealed class PersonLookupTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static PersonRecord Record(string id, string given, string family, string dob, string? nhs = null, string postcode = "LS6 2AB",
        params string[] otherNames) => new()
        {
            Id = id,
            GivenName = given,
            FamilyName = family,
            DateOfBirth = PartialDate.Parse(dob),
            NhsNumber = nhs,
            Postcode = postcode,
            AddressLines = ["14 Cardigan Road"],
            Town = "Leeds",
            Sex = Sex.Female,
            OtherNames = otherNames,
        };

    [Fact]
    public void PreparedCompare_GivesTheSameResultAsComparingTheRecords()
    {
        var query = Record("q", "Elizabeth", "Harrington", "2012-03-07", "9434765919");
        var prepared = PersonMatcher.Prepare(query);
        PersonRecord[] others =
        [
            Record("a", "Elizabeth", "Harrington", "2012-03-07", "9434765919"),
            Record("b", "Liz", "Harrington", "2012-07-03"),
            Record("c", "Harrington", "Elizabeth", "2012-03-07"),
            Record("d", "Elizabteh", "Harington", "2012-03-08", postcode: "LS7 1AA"),
            Record("e", "Oliver", "Smith", "1990-01-01", postcode: "M1 1AA", otherNames: ["Harrington"]),
        ];

        foreach (var other in others)
        {
            var expected = PersonMatcher.Compare(query, other);
            var actual = PersonMatcher.Compare(prepared, other);
            actual.Score.ShouldBe(expected.Score);
            actual.Probability.ShouldBe(expected.Probability);
            actual.Band.ShouldBe(expected.Band);
            actual.Explanation.ShouldBe(expected.Explanation);
        }

        prepared.Record.ShouldBeSameAs(query);
    }

    private async Task<(SafeguardDbContext Db, Person Known)> PopulationAsync()
    {
        var db = _database.CreateContext(_time);
        var known = new Person("Elizabeth", "Harrington", new DateOnly(2012, 3, 7), Sex.Female) { NhsNumber = "9434765919" };
        known.Addresses.Add(new PersonAddress("14 Cardigan Road", "Leeds", "LS6 2AB", new DateOnly(2020, 1, 1)));
        db.People.Add(known);
        // Look-alikes that share one key each with the person looked for.
        for (var i = 0; i < 30; i++)
        {
            var other = new Person(i % 2 == 0 ? "Oliver" : "Amelia", i % 3 == 0 ? "Harrington" : "Smith", new DateOnly(2012, 3, 7).AddDays(i % 5), Sex.Male);
            other.Addresses.Add(new PersonAddress($"{i} High Street", "Leeds", $"LS{i % 9 + 1} 3QT", new DateOnly(2020, 1, 1)));
            db.People.Add(other);
        }

        await db.SaveChangesAsync();
        return (db, known);
    }

    public static TheoryData<string, string, string, string?, string?> Variants => new()
    {
        { "typo in given name", "Elizabteh", "Harrington", null, null },
        { "typo in family name", "Elizabeth", "Harringotn", null, null },
        { "nickname", "Liz", "Harrington", null, null },
        { "day and month swapped", "Elizabeth", "Harrington", "2012-07-03", null },
        { "shortened given name, another postcode", "Eli", "Harrington", null, "M1 1AA" },
        { "new family name, swapped date", "Elizabeth", "Okafor", "2012-07-03", null },
        { "names the wrong way round", "Harrington", "Elizabeth", null, "M1 1AA" },
        { "typo and wrong day", "Elizebeth", "Harrington", "2012-03-17", "M1 1AA" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task FindCandidates_FindsVariantsOfThePerson(string variant, string given, string family, string? dob, string? postcode)
    {
        var (db, known) = await PopulationAsync();
        await using var _ = db;
        var query = new PersonQuery(given, family, DateOnly.Parse(dob ?? "2012-03-07", System.Globalization.CultureInfo.InvariantCulture), null,
            postcode ?? "LS6 2AB", Sex.Female, "14 Cardigan Road", "Leeds");

        var candidates = await new PersonCandidates(db).FindCandidatesAsync(query, 5);

        candidates.ShouldNotBeEmpty(variant);
        candidates[0].PersonId.ShouldBe(known.Id, variant);
        candidates[0].Band.ShouldNotBe(MatchBand.Unlikely, variant);
    }

    [Fact]
    public async Task FindCandidates_ExactNhsNumber_FindsThePersonWhateverElseDiffers()
    {
        var (db, known) = await PopulationAsync();
        await using var _ = db;

        var candidates = await new PersonCandidates(db).FindCandidatesAsync(
            new PersonQuery("Beth", "Jones", new DateOnly(2011, 1, 1), "943 476 5919", "M1 1AA"), 5);

        candidates.ShouldContain(c => c.PersonId == known.Id);
    }

    [Fact]
    public async Task Block_StopsAtTheScoringLimit()
    {
        var (db, _) = await PopulationAsync();
        await using var __ = db;
        var settings = new PersonMatchingSettings { BlockLimit = 4, MaxScored = 6 };

        var ids = await new PersonCandidates(db, settings).BlockAsync(
            new PersonQuery("Oliver", "Harrington", new DateOnly(2012, 3, 7), null, "LS1 3QT"), CancellationToken.None);

        ids.Count.ShouldBeLessThanOrEqualTo(6);
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public async Task Block_WhenTheUnionIsFull_KeepsTheMostSelectiveBlocksFirst()
    {
        var (db, known) = await PopulationAsync();
        await using var _ = db;
        // The NHS number finds the known person; the date-of-birth and postcode blocks alone would fill the union.
        var settings = new PersonMatchingSettings { BlockLimit = 100, MaxScored = 3 };
        var query = new PersonQuery("Oliver", "Harrington", new DateOnly(2012, 3, 7), "9434765919", "LS1 3QT");

        var ids = await new PersonCandidates(db, settings).BlockAsync(query, CancellationToken.None);

        ids.Count.ShouldBe(3);
        ids[0].ShouldBe(known.Id);
    }

    [Fact]
    public async Task Block_DropsMergedAwayPeople_AndKeepsTheirSurvivor()
    {
        var (db, known) = await PopulationAsync();
        await using var _ = db;
        var merged = new Person("Elizabeth", "Harrington", new DateOnly(2012, 3, 7), Sex.Female) { NhsNumber = "9434765919" };
        db.People.Add(merged);
        await db.SaveChangesAsync();
        await db.People.Where(p => p.Id == merged.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.MergedIntoPersonId, known.Id));

        var ids = await new PersonCandidates(db).BlockAsync(
            new PersonQuery("Elizabeth", "Harrington", new DateOnly(2012, 3, 7), "9434765919", "LS6 2AB"), CancellationToken.None);

        ids.ShouldContain(known.Id);
        ids.ShouldNotContain(merged.Id);
    }

    [Fact]
    public async Task FindCandidates_WorksWithContextsThatHaveDifferentModels()
    {
        var (db, known) = await PopulationAsync();
        await using var _ = db;
        // Without service provider caching a context builds its own model, as contexts from another EF internal
        // service provider do; the lookup's compiled queries must not be tied to the first model they met.
        var options = new DbContextOptionsBuilder<SafeguardDbContext>();
        DatabaseOptions.Configure(options, _database.Provider, _database.ConnectionString);
        options.EnableServiceProviderCaching(false);
        await using var other = new SafeguardDbContext(options.Options, new FixedActorContext(TestActors.Tester), _time);
        var query = new PersonQuery("Elizabeth", "Harrington", new DateOnly(2012, 3, 7), null, "LS6 2AB");

        var first = await new PersonCandidates(db).FindCandidatesAsync(query, 5);
        var second = await new PersonCandidates(other).FindCandidatesAsync(query, 5);

        other.Model.ShouldNotBeSameAs(db.Model);
        first[0].PersonId.ShouldBe(known.Id);
        second.Select(c => c.PersonId).ShouldBe(first.Select(c => c.PersonId));
    }

    /// <summary>Every block at once: identifiers, date of birth, name sounds and year, other names, postcode.</summary>
    private static readonly PersonQuery EveryBlock = new("Elizabeth", "Harrington", new DateOnly(2012, 3, 7), "9434765919", "LS6 2AB",
        Sex.Female, Upn: "A123456789012", LocalChildId: "NB-1");

    [Fact]
    public async Task Score_RunsOneStatementForTheBlocks_AndOneForTheDetailsOfThePeopleFound()
    {
        var (seed, _) = await PopulationAsync();
        await seed.DisposeAsync();
        var commands = new CommandRecorder();
        await using var db = RecordingContext(commands);

        var found = await new PersonCandidates(db).ScoreAsync(EveryBlock, CancellationToken.None);
        var foundCommands = commands.Sent.Count;
        commands.Sent.Clear();
        var nobody = await new PersonCandidates(db).ScoreAsync(
            new PersonQuery("Zebedee", "Quirke", new DateOnly(1999, 9, 29), null, "ZE1 0AA"), CancellationToken.None);

        found.ShouldNotBeEmpty();
        foundCommands.ShouldBe(2);
        nobody.ShouldBeEmpty();
        commands.Sent.Count.ShouldBe(1);
    }

    /// <summary>Queries that between them bring every block into play (the others are sent as WHERE 0).</summary>
    public static TheoryData<string, PersonQuery> Shapes => new()
    {
        { "identifiers, date of birth, both names, postcode", EveryBlock },
        { "date of birth only, postcode", new PersonQuery(null, null, new DateOnly(2012, 3, 7), null, "LS6 2AB") },
        { "family name and date of birth", new PersonQuery(null, "Harrington", new DateOnly(2012, 3, 7), null, null) },
        { "both names, no date of birth", new PersonQuery("Elizabeth", "Harrington", null, null, null) },
        { "family name only", new PersonQuery(null, "Harrington", null, null, null) },
        { "postcode only", new PersonQuery(null, null, null, null, "LS6 2AB") },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Block_OnSqlite_SeeksAnIndexInEveryBlock(string shape, PersonQuery query)
    {
        if (_database.Provider != DatabaseProvider.Sqlite) return; // PostgreSQL plans depend on statistics: see bench/README.md.
        var commands = new CommandRecorder();
        await using var db = RecordingContext(commands);
        await new PersonCandidates(db).BlockAsync(query, CancellationToken.None);
        var sent = commands.Sent.ShouldHaveSingleItem(shape);

        await db.Database.OpenConnectionAsync();
        await using var explain = db.Database.GetDbConnection().CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sent.Sql;
        foreach (var (name, value) in sent.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            explain.Parameters.Add(parameter);
        }
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        }

        var text = shape + Environment.NewLine + string.Join(Environment.NewLine, plan);
        sent.Sql.ShouldNotContain("LIMIT @", customMessage: "a bound LIMIT makes SQLite compile the statement again each time it runs");
        text.ShouldNotContain("MergedIntoPersonId", Case.Insensitive, text);
        // Each block is a co-routine that SQLite scans (the plan lists "CO-ROUTINE x", its steps, then "SCAN x"). Any
        // other scan reads a table or a whole index, which is allowed only in a block that does not apply to this
        // query: EF sends that block as "WHERE 0", which SQLite checks once before the loop, so it reads nothing.
        var notApplying = Regex.Matches(sent.Sql, @"WHERE 0\s+LIMIT \w+\s+\) AS ""(\w+)""").Select(m => m.Groups[1].Value).ToHashSet();
        var coroutines = plan.Where(line => line.StartsWith("CO-ROUTINE ")).Select(line => line["CO-ROUTINE ".Length..]).ToHashSet();
        string? block = null;
        var applying = 0;
        foreach (var line in plan)
        {
            if (line.StartsWith("CO-ROUTINE "))
            {
                block = line["CO-ROUTINE ".Length..];
                if (!notApplying.Contains(block)) applying++;
            }
            else if (line.StartsWith("SCAN ") && !coroutines.Contains(line["SCAN ".Length..]))
            {
                notApplying.ShouldContain(block!, $"{line} in block {block}{Environment.NewLine}{text}");
            }
        }
        applying.ShouldBeGreaterThan(0, text);
    }

    private SafeguardDbContext RecordingContext(CommandRecorder commands)
    {
        var options = new DbContextOptionsBuilder<SafeguardDbContext>();
        DatabaseOptions.Configure(options, _database.Provider, _database.ConnectionString);
        options.AddInterceptors(commands);
        return new SafeguardDbContext(options.Options, new FixedActorContext(TestActors.Tester), _time);
    }

    private sealed record SentCommand(string Sql, List<(string Name, object? Value)> Parameters);

    /// <summary>Records the queries EF sends (not the SQLite pragmas run when a connection opens).</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<SentCommand> Sent { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Sent.Add(new SentCommand(command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
