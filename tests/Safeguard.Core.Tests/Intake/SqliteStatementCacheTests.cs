using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Intake;
using Safeguard.Core.Security;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Intake;

/// <summary>Kept statements on a long-lived SQLite connection: the same answers as compiling each query afresh.</summary>
public sealed class SqliteStatementCacheTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var db = CreateContext();
        foreach (var (given, family) in new[] { ("Ava", "Hill"), ("Ben", "Hill"), ("Cara", "Stone") })
        {
            await TestData.PersonAsync(db, given, family, new DateOnly(2015, 3, 4));
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A context as the app makes one (<see cref="CoreServices"/>): with the kept statements' interceptor.</summary>
    private SafeguardDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<SafeguardDbContext>(DatabaseOptions.Build(DatabaseProvider.Sqlite, _database.ConnectionString));
        options.KeepIntakeStatements(DatabaseProvider.Sqlite);
        return new SafeguardDbContext(options.Options, new FixedActorContext(TestActors.Tester), TimeProvider.System);
    }

    private async Task<SafeguardDbContext> KeptAsync()
    {
        var db = CreateContext();
        await db.Database.OpenConnectionAsync();
        SqliteStatementCache.KeepFor(db.Database.GetDbConnection());
        return db;
    }

    private static Task<List<string>> GivenNamesAsync(SafeguardDbContext db, string family) =>
        db.People.Where(p => p.FamilyName == family).OrderBy(p => p.GivenName).Select(p => p.GivenName).ToListAsync();

    [Fact]
    public async Task OneQueryWithDifferentValues_UsesOneKeptStatement_AndEachGetsItsOwnRows()
    {
        await using var db = await KeptAsync();

        (await GivenNamesAsync(db, "Hill")).ShouldBe(["Ava", "Ben"]);
        (await GivenNamesAsync(db, "Stone")).ShouldBe(["Cara"]);
        (await GivenNamesAsync(db, "Nobody")).ShouldBeEmpty();
        (await GivenNamesAsync(db, "Hill")).ShouldBe(["Ava", "Ben"]);

        SqliteStatementCache.CountFor(db.Database.GetDbConnection()).ShouldBe(1);
    }

    [Fact]
    public async Task AConnectionNotKept_KeepsNothing()
    {
        await using var db = CreateContext();
        await db.Database.OpenConnectionAsync();

        (await GivenNamesAsync(db, "Hill")).ShouldBe(["Ava", "Ben"]);

        SqliteStatementCache.CountFor(db.Database.GetDbConnection()).ShouldBe(0);
    }

    [Fact]
    public async Task TheSameQuery_RunWhileItsKeptStatementIsStillReading_RunsAfreshAndGetsItsOwnRows()
    {
        await using var db = await KeptAsync();
        var seen = new List<string>();

        // The same text both times: both compare with a parameter.
        var none = "";
        await foreach (var family in OtherFamilies(db, none).AsAsyncEnumerable())
        {
            seen.Add(family + ": " + string.Join(", ", await OtherFamilies(db, family).ToListAsync()));
        }

        seen.ShouldBe(["Hill: Stone", "Hill: Stone", "Stone: Hill, Hill"]);
        SqliteStatementCache.CountFor(db.Database.GetDbConnection()).ShouldBe(1);
    }

    private static IQueryable<string> OtherFamilies(SafeguardDbContext db, string family) =>
        db.People.Where(p => p.FamilyName != family).OrderBy(p => p.GivenName).Select(p => p.FamilyName);

    [Fact]
    public async Task InsideATransaction_AKeptStatementSeesTheTransactionsOwnRows()
    {
        await using var db = await KeptAsync();
        (await GivenNamesAsync(db, "Reed")).ShouldBeEmpty();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await TestData.PersonAsync(db, "Dan", "Reed", new DateOnly(2016, 1, 2));
            (await GivenNamesAsync(db, "Reed")).ShouldBe(["Dan"]);
            await transaction.RollbackAsync();
        }

        (await GivenNamesAsync(db, "Reed")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ClosingTheConnection_ForgetsItsStatements_AndQueriesStillWork()
    {
        await using var db = await KeptAsync();
        (await GivenNamesAsync(db, "Hill")).Count.ShouldBe(2);
        var connection = db.Database.GetDbConnection();

        await db.Database.CloseConnectionAsync();

        SqliteStatementCache.CountFor(connection).ShouldBe(0);
        (await GivenNamesAsync(db, "Hill")).ShouldBe(["Ava", "Ben"]);
        SqliteStatementCache.CountFor(connection).ShouldBe(0);
    }

    [Fact]
    public async Task AtMostSoManyStatementsAreKept_AndTheRestStillRun()
    {
        await using var db = await KeptAsync();

        for (var i = 0; i < SqliteStatementCache.MaxPerConnection + 4; i++)
        {
            // A different text each time (a literal, not a parameter).
            var sql = string.Concat("SELECT ", i.ToString(System.Globalization.CultureInfo.InvariantCulture), " AS Value");
            (await db.Database.SqlQueryRaw<int>(sql).SingleAsync()).ShouldBe(i);
        }

        SqliteStatementCache.CountFor(db.Database.GetDbConnection()).ShouldBe(SqliteStatementCache.MaxPerConnection);
    }
}
