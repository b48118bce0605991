using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Intake;
using Safeguard.Core.People;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Intake;

/// <summary>
/// The intake writer's save (<see cref="NewRowsSave.SaveNewRowsAsync"/>, <see cref="AddedRows"/>) against EF's
/// own SaveChanges: the same entities must become the same stored values, byte for byte as the provider returns them.
/// </summary>
public sealed class AddedRowsTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 20, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567));

    private TestDatabase _bySaveChanges = default!;
    private TestDatabase _byNewRows = default!;

    public async Task InitializeAsync()
    {
        _bySaveChanges = await TestDatabase.CreateMigratedAsync();
        _byNewRows = await TestDatabase.CreateMigratedAsync();
    }

    public async Task DisposeAsync()
    {
        await _bySaveChanges.DisposeAsync();
        await _byNewRows.DisposeAsync();
    }

    private static readonly string[] IntakeTables =
        ["People", "PersonAddresses", "Contacts", "ContactChildren", "WorkItems", "IdempotencyRecords", "DuplicateCandidates", "Events"];

    [Fact]
    public async Task AContactsNewRows_AreStoredExactlyAsSaveChangesStoresThem()
    {
        var (team, police, known) = await SameCouncilInBothAsync();
        var graph = IntakeGraph(team, police, known);

        await using (var db = _bySaveChanges.CreateContext(Time))
        {
            Add(db, graph);
            await db.SaveChangesAsync();
        }
        await using (var db = _byNewRows.CreateContext(Time))
        {
            Add(db, graph);
            await db.SaveNewRowsAsync();
            db.ChangeTracker.Entries().ShouldBeEmpty();
        }

        foreach (var table in IntakeTables)
        {
            var expected = await RowsAsync(_bySaveChanges, table);
            expected.ShouldNotBeEmpty(table);
            (await RowsAsync(_byNewRows, table)).ShouldBe(expected, table);
        }
        // Stored the same way means found the same way: EF reads the rows back by their keys.
        await using var check = _byNewRows.CreateContext(Time);
        var contact = await check.Contacts.Include(c => c.Children).SingleAsync(c => c.Id == graph.Contact.Id);
        contact.Children.Single().PersonId.ShouldBe(graph.Child.Id);
        (await check.People.Include(p => p.Addresses).SingleAsync(p => p.Id == graph.Child.Id)).Addresses.Single().Postcode.ShouldBe("NB2 4QT");
        (await check.Events.CountAsync(e => e.SubjectId == graph.Child.Id && e.Type == RecordCreated.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task SeveralContactsInOneSave_SomeValuesMissing_AreStoredExactlyAsSaveChangesStoresThem()
    {
        var (team, police, known) = await SameCouncilInBothAsync();
        var graphs = Enumerable.Range(1, 3).Select(i => IntakeGraph(team, police, known, $"key-{i}")).ToList();
        // Nulls between values in the same columns (on PostgreSQL each column goes as one array).
        graphs[1].Child.NhsNumber = null;
        graphs[1].Contact.ReferrerEmail = null;
        graphs[1].Contact.ReferringOrganisationId = null;
        graphs[0].Contact.ReferrerPhone = "0161 496 0000";

        await using (var db = _bySaveChanges.CreateContext(Time))
        {
            foreach (var graph in graphs) Add(db, graph);
            await db.SaveChangesAsync();
        }
        await using (var db = _byNewRows.CreateContext(Time))
        {
            foreach (var graph in graphs) Add(db, graph);
            await db.SaveNewRowsAsync();
        }

        foreach (var table in IntakeTables)
        {
            var expected = await RowsAsync(_bySaveChanges, table);
            expected.Count.ShouldBeGreaterThanOrEqualTo(3, table);
            (await RowsAsync(_byNewRows, table)).ShouldBe(expected, table);
        }
    }

    /// <summary>
    /// The reason the writer has its own save: each table's INSERT is the same statement whatever the number of rows, so
    /// the writer's kept connection compiles (SQLite) or prepares and plans (PostgreSQL) it once, not once per batch size.
    /// </summary>
    [Fact]
    public async Task SavesOfDifferentSizes_OnTheWritersConnection_UseOneInsertStatementPerTable()
    {
        var (team, police, known) = await SameCouncilInBothAsync();
        await using var db = _byNewRows.CreateContext(Time);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        SqliteStatementCache.KeepFor(connection);
        for (var size = 1; size <= 4; size++)
        {
            for (var i = 0; i < size; i++) Add(db, IntakeGraph(team, police, known, $"key-{size}-{i}"));
            await db.SaveNewRowsAsync(blocking: true);
        }

        var insertStatements = _byNewRows.Provider == DatabaseProvider.Sqlite
            ? SqliteStatementCache.CountFor(connection)
            : await PreparedInsertsAsync(connection);
        insertStatements.ShouldBe(IntakeTables.Length);
        (await db.Contacts.CountAsync()).ShouldBe(10);
    }

    /// <summary>The intake tables' INSERTs this connection has prepared (pooled connections also hold earlier ones).</summary>
    private static async Task<int> PreparedInsertsAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT statement FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO%'";
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        while (await reader.ReadAsync())
        {
            if (IntakeTables.Any(t => reader.GetString(0).StartsWith($"INSERT INTO \"{t}\" ", StringComparison.Ordinal))) count++;
        }
        return count;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ManySaves_OnOneOpenConnection_EachWriteTheirRows(bool blocking)
    {
        var (team, police, known) = await SameCouncilInBothAsync();
        await using var db = _byNewRows.CreateContext(Time);
        await db.Database.OpenConnectionAsync();
        var contacts = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var graph = IntakeGraph(team, police, known, $"key-{i}");
            Add(db, graph);
            await db.SaveNewRowsAsync(blocking);
            await transaction.CommitAsync();
            contacts.Add(graph.Contact.Id);
        }

        await using var check = _byNewRows.CreateContext(Time);
        (await check.Contacts.CountAsync(c => contacts.Contains(c.Id))).ShouldBe(5);
        (await check.WorkItems.CountAsync(w => contacts.Contains(w.SubjectId))).ShouldBe(10);
        (await check.Events.CountAsync(e => e.Type == ContactReceived.Name)).ShouldBe(5);
    }

    [Fact]
    public async Task ARowThatBreaksAConstraint_FailsAsSaveChangesWould_AndWritesNothing()
    {
        var (team, police, known) = await SameCouncilInBothAsync();
        await using (var db = _byNewRows.CreateContext(Time))
        {
            Add(db, IntakeGraph(team, police, known, "used-key"));
            await db.SaveNewRowsAsync();
        }

        var again = IntakeGraph(team, police, known, "used-key");
        await using (var db = _byNewRows.CreateContext(Time))
        {
            Add(db, again);
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveNewRowsAsync());
        }

        await using var check = _byNewRows.CreateContext(Time);
        (await check.Contacts.AnyAsync(c => c.Id == again.Contact.Id)).ShouldBeFalse();
        (await check.People.AnyAsync(p => p.Id == again.Child.Id)).ShouldBeFalse("the rows before the failing one were rolled back");
    }

    [Fact]
    public async Task ChangesOtherThanAdditions_AreSavedBySaveChanges_WithTheirEvents()
    {
        var (team, police, known) = await SameCouncilInBothAsync();
        var graph = IntakeGraph(team, police, known);
        await using (var db = _byNewRows.CreateContext(Time))
        {
            var person = await db.People.SingleAsync(p => p.Id == known);
            person.NhsNumber = "9434765919";
            Add(db, graph);
            await db.SaveNewRowsAsync();
        }

        await using var check = _byNewRows.CreateContext(Time);
        (await check.People.SingleAsync(p => p.Id == known)).NhsNumber.ShouldBe("9434765919");
        (await check.Contacts.AnyAsync(c => c.Id == graph.Contact.Id)).ShouldBeTrue();
        (await check.Events.CountAsync(e => e.SubjectId == known && e.Type == RecordChanged.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task ANewRowReferringToAnotherNewRowOfItsTable_IsOrderedBySaveChanges()
    {
        await using (var db = _byNewRows.CreateContext(Time))
        {
            var survivor = new Person("Ava", "Hill", new DateOnly(2019, 3, 4), Sex.Female);
            var merged = new Person("Ava", "Hil", new DateOnly(2019, 3, 4), Sex.Female) { MergedIntoPersonId = survivor.Id };
            db.People.Add(merged); // added first, but must be written second
            db.People.Add(survivor);
            await db.SaveNewRowsAsync();
        }

        await using var check = _byNewRows.CreateContext(Time);
        (await check.People.CountAsync(p => p.MergedIntoPersonId != null)).ShouldBe(1);
    }

    private sealed record Graph(Person Child, Contact Contact, WorkItem Screening, WorkItem Feedback, IdempotencyRecord Claim,
        DuplicateCandidate Possible, Guid Police);

    /// <summary>What intake adds for one contact about a new child who may be a known one.</summary>
    private static Graph IntakeGraph(Guid team, Guid police, Guid known, string key = "key-1")
    {
        var now = Time.GetUtcNow();
        var child = new Person("Ava", "Hill", new DateOnly(2019, 3, 4), Sex.Female) { NhsNumber = "9434765870" };
        child.Addresses.Add(new PersonAddress("1 Mill Lane", "Northbridge", "NB2 4QT", new DateOnly(2024, 1, 2)));
        var contact = new Contact($"C261120-{key.ToUpperInvariant()}", now, ContactChannel.PartnerApi, "Seen at school with a bruise.")
        {
            ReferringOrganisationId = police,
            ReferrerName = "DC Alex Moore",
            ReferrerEmail = "alex.moore@police.example",
            Categories = "physical-abuse",
            InjurySeen = true,
            Priority = Priority.Urgent,
            PriorityReason = "Injury seen",
            DecisionDueAt = now.AddDays(1),
            FeedbackDueAt = now.AddHours(48),
        };
        contact.Children.Add(new ContactChild(child.Id));
        return new Graph(child, contact,
            new WorkItem(WorkKind.ScreeningDecision, contact.Id, "Screen contact about Ava Hill", team, Priority.Urgent, now, now.AddDays(1), child.Id),
            new WorkItem(WorkKind.ReferrerFeedback, contact.Id, "Tell DC Alex Moore the outcome", team, Priority.Urgent, now, now.AddHours(48), child.Id),
            new IdempotencyRecord(police, key, "hash", contact.Id, now),
            new DuplicateCandidate(child.Id, known, 12.5, "Possible", """{"givenName":"agree"}""", DuplicateFoundBy.Intake, now),
            police);
    }

    private static void Add(SafeguardDbContext db, Graph graph)
    {
        db.People.Add(graph.Child);
        db.Contacts.Add(graph.Contact);
        db.WorkItems.AddRange(graph.Screening, graph.Feedback);
        db.IdempotencyRecords.Add(graph.Claim);
        db.DuplicateCandidates.Add(graph.Possible);
        db.Record(new ContactReceived(graph.Contact.Id, graph.Contact.Reference, graph.Contact.Channel, "DC Alex Moore", null, Priority.Urgent,
            "Bruising seen at school"), graph.Child.Id, nameof(Contact), graph.Contact.Id, reason: "Injury seen");
    }

    /// <summary>The same front-door team, police force and known person (same ids) in both databases.</summary>
    private async Task<(Guid Team, Guid Police, Guid Known)> SameCouncilInBothAsync()
    {
        Guid police;
        await using (var db = _bySaveChanges.CreateContext(Time))
        {
            police = (await TestData.CreateCouncilAsync(db)).Police.Id;
            await TestData.PersonAsync(db, "Ava", "Hills", new DateOnly(2019, 3, 4));
        }
        await using (var from = _bySaveChanges.CreateContext(Time))
        await using (var to = _byNewRows.CreateContext(Time))
        {
            to.Organisations.AddRange(await from.Organisations.AsNoTracking().ToListAsync());
            to.Teams.AddRange(await from.Teams.AsNoTracking().ToListAsync());
            to.People.AddRange(await from.People.AsNoTracking().ToListAsync());
            await to.SaveChangesAsync();
        }
        await using var read = _byNewRows.CreateContext(Time);
        var team = (await read.Teams.FirstOfKindAsync(TeamKind.FrontDoor))!.Value;
        var known = await read.People.Select(p => p.Id).SingleAsync();
        return (team, police, known);
    }

    /// <summary>Every row of a table as the provider returns it (type and value of each column), sorted; events without their number.</summary>
    private static async Task<List<string>> RowsAsync(TestDatabase database, string table)
    {
        await using var db = database.CreateContext(Time);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                .Where(i => !(table == "Events" && reader.GetName(i) == "Id"))
                .Select(i => $"{reader.GetName(i)}={Show(reader, i)}")));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Show(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i)) return "NULL";
        var value = reader.GetValue(i);
        var text = value switch
        {
            byte[] bytes => Convert.ToHexString(bytes),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return $"{value.GetType().Name}:{text}";
    }
}
