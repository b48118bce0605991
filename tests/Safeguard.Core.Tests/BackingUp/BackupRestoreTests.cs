using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Operations;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.BackingUp;

/// <summary>
/// Backup and restore of the configured database (SQLite: the online backup; PostgreSQL: pg_dump in an exported
/// snapshot), and the check of a restored database against the backup's manifest.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "safeguard-tests", "backups-" + Guid.NewGuid().ToString("N"));
    private readonly DatabaseBackups _backups = new(TimeProvider.System);
    private TestDatabase _source = null!;
    private TestDatabase _target = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _source = await TestDatabase.CreateMigratedAsync();
        _target = await TestDatabase.CreateEmptyAsync();
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _target.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string Backup => Path.Combine(_folder, "safeguard.backup");

    [Fact]
    public async Task Backup_WhileATransactionIsOpen_HasEveryCommittedContact_AndNoPartOfTheOpenTransaction()
    {
        var committed = await RecordContactsAsync(_source, 5);
        await using var inFlight = _source.CreateContext();
        await using var transaction = await inFlight.Database.BeginTransactionAsync();
        inFlight.Teams.Add(new Team("Team in flight", TeamKind.Assessment));
        await inFlight.SaveChangesAsync();

        var backup = await _backups.BackupAsync(_source.Provider, _source.ConnectionString, Backup, force: false, CancellationToken.None);
        await transaction.CommitAsync();
        var restore = await _backups.RestoreAsync(_target.Provider, _target.ConnectionString, Backup, null, force: false, CancellationToken.None);

        restore.Verification.Checks.ShouldAllBe(c => c.Passed);
        restore.Verification.Schema.IsReady.ShouldBeTrue();
        await using var restored = _target.CreateContext();
        (await restored.Contacts.Select(c => c.Id).ToListAsync()).ShouldBe(committed, ignoreOrder: true);
        (await restored.Teams.AnyAsync(t => t.Name == "Team in flight")).ShouldBeFalse();
        (await restored.Events.CountAsync(e => e.SubjectType == nameof(Team) && e.Summary.Contains("Team in flight"))).ShouldBe(0);
        (await restored.Events.CountAsync()).ShouldBe((int)backup.Manifest.Events.Count);
        await using var live = _source.CreateContext();
        (await live.Teams.AnyAsync(t => t.Name == "Team in flight")).ShouldBeTrue();
    }

    [Fact]
    public async Task RestoredDatabase_TakesNewRecords_WithEventIdsAfterTheBackupsLast()
    {
        await RecordContactsAsync(_source, 3);
        var backup = await _backups.BackupAsync(_source.Provider, _source.ConnectionString, Backup, force: false, CancellationToken.None);
        await _backups.RestoreAsync(_target.Provider, _target.ConnectionString, Backup, null, force: false, CancellationToken.None);

        await RecordContactsAsync(_target, 1);

        await using var restored = _target.CreateContext();
        (await restored.Events.MaxAsync(e => e.Id)).ShouldBeGreaterThan(backup.Manifest.Events.LastId!.Value);
    }

    [Fact]
    public async Task Verify_FindsAMissingEvent_AChangedEvent_AndAMissingRow()
    {
        var contacts = await RecordContactsAsync(_source, 4);
        var backup = await _backups.BackupAsync(_source.Provider, _source.ConnectionString, Backup, force: false, CancellationToken.None);
        await _backups.RestoreAsync(_target.Provider, _target.ConnectionString, Backup, null, force: false, CancellationToken.None);
        List<long> ids;
        await using (var db = _target.CreateContext())
        {
            ids = await db.Events.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            var (middle, last) = (ids[ids.Count / 2], ids[^1]);
            await AuditTampering.AllowAsync(db);
            await db.Events.Where(e => e.Id == middle).ExecuteDeleteAsync();
            await db.Events.Where(e => e.Id == last).ExecuteUpdateAsync(s => s.SetProperty(e => e.Type, "contact.altered"));
            await db.IdempotencyRecords.ExecuteDeleteAsync();
        }

        var verification = await _backups.VerifyAsync(_target.Provider, _target.ConnectionString, backup.Manifest, CancellationToken.None);

        verification.IsIntact.ShouldBeFalse();
        var byName = verification.Checks.ToDictionary(c => c.Name, c => c.Differences);
        byName["Migrations applied"].ShouldBeEmpty();
        byName["Rows in every table"].ShouldContain($"Table Events has {backup.Manifest.Events.Count - 1} rows; the backup had {backup.Manifest.Events.Count}.");
        byName["Events: every one, in order, with its id"].ShouldContain(d => d.StartsWith("The events differ from the backup's"));
        // The backup sealed the events, so the chain itself shows both: the gap first, then the changed event.
        var chain = byName["Audit chain intact"].ShouldHaveSingleItem();
        chain.ShouldStartWith($"The audit chain is broken at event {ids[ids.Count / 2 + 1]}: chain position");
        chain.ShouldContain("missing before it: an event was deleted (2 broken links in all)");
        contacts.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Restore_IntoADatabaseWithData_IsRefused_UnlessForced()
    {
        await RecordContactsAsync(_source, 1);
        await _backups.BackupAsync(_source.Provider, _source.ConnectionString, Backup, force: false, CancellationToken.None);

        var refused = await Should.ThrowAsync<BackupInputException>(() =>
            _backups.RestoreAsync(_source.Provider, _source.ConnectionString, Backup, null, force: false, CancellationToken.None));
        var again = await Should.ThrowAsync<BackupInputException>(() =>
            _backups.BackupAsync(_source.Provider, _source.ConnectionString, Backup, force: false, CancellationToken.None));
        await RecordContactsAsync(_source, 1);
        var forced = await _backups.RestoreAsync(_source.Provider, _source.ConnectionString, Backup, null, force: true, CancellationToken.None);

        refused.Message.ShouldContain("pass --force");
        again.Message.ShouldContain("already exists");
        forced.Target.Replaced.ShouldBeTrue();
        forced.Verification.IsIntact.ShouldBeTrue(string.Join("; ", forced.Verification.Checks.SelectMany(c => c.Differences)));
        await using var db = _source.CreateContext();
        (await db.Contacts.CountAsync()).ShouldBe(1);
    }

    private static async Task<List<Guid>> RecordContactsAsync(TestDatabase database, int count)
    {
        await using var db = database.CreateContext();
        if (!await db.Teams.AnyAsync(t => t.Kind == TeamKind.FrontDoor)) await TestData.CreateCouncilAsync(db);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await TestData.Intake(db).RecordAsync(TestData.Contact(TestData.Child(given: $"Child{i}", family: "Backup")))).Id);
        }
        return ids;
    }
}
