using System.Data.Common;
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

    /// <summary>Every block at once: identifiers, date of birth, name sounds and year, other names, postcode.</summary>
    private static readonly PersonQuery EveryBlock = new("Elizabeth", "Harrington", new DateOnly(2012, 3, 7), "9434765919", "LS6 2AB",
        Sex.Female, Upn: "A123456789012", LocalChildId: "NB-1");

    [Fact]
    public async Task Score_RunsOneStatementForTheBlocks_AndOneForTheDetailsOfThePeopleFound()
    {
        var (seed, _) = await PopulationAsync();
        await seed.DisposeAsync();
        var commands = new CommandCounter();
        await using var db = CountingContext(commands);

        var found = await new PersonCandidates(db).ScoreAsync(EveryBlock, CancellationToken.None);
        var foundCommands = commands.Count;
        commands.Count = 0;
        var nobody = await new PersonCandidates(db).ScoreAsync(
            new PersonQuery("Zebedee", "Quirke", new DateOnly(1999, 9, 29), null, "ZE1 0AA"), CancellationToken.None);

        found.ShouldNotBeEmpty();
        foundCommands.ShouldBe(2);
        nobody.ShouldBeEmpty();
        commands.Count.ShouldBe(1);
    }

    [Fact]
    public async Task BlockingQuery_OnSqlite_SeeksAnIndexInEveryBlock()
    {
        if (_database.Provider != DatabaseProvider.Sqlite) return; // PostgreSQL plans depend on statistics: see bench/README.md.
        await using var db = _database.CreateContext(_time);
        await using var command = new PersonCandidates(db).BlockingQuery(EveryBlock)!.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        }

        var text = string.Join(Environment.NewLine, plan);
        // Each block is a co-routine that SQLite scans; any other scan is a table (or whole index) read end to end.
        var coroutines = plan.Where(line => line.StartsWith("CO-ROUTINE ")).Select(line => "SCAN " + line["CO-ROUTINE ".Length..]).ToHashSet();
        plan.Where(line => line.StartsWith("SCAN ")).ShouldAllBe(line => coroutines.Contains(line), text);
        text.ShouldNotContain("MergedIntoPersonId", Case.Insensitive, text);
        foreach (var index in new[] { "IX_People_NhsNumber", "IX_People_Upn", "IX_People_LocalChildId", "IX_People_DateOfBirth",
            "IX_People_FamilyNameKey_GivenNameKey_DateOfBirth", "IX_PersonNames_FamilyNameKey_GivenNameKey", "IX_PersonAddresses_Postcode" })
        {
            text.ShouldContain(index, Case.Sensitive, text);
        }
    }

    private SafeguardDbContext CountingContext(CommandCounter commands)
    {
        var options = new DbContextOptionsBuilder<SafeguardDbContext>();
        DatabaseOptions.Configure(options, _database.Provider, _database.ConnectionString);
        options.AddInterceptors(commands);
        return new SafeguardDbContext(options.Options, new FixedActorContext(TestActors.Tester), _time);
    }

    /// <summary>Counts the queries EF sends (not the SQLite pragmas run when a connection opens).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
