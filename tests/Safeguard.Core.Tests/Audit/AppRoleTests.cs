using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Core.Audit.Chain;
using Safeguard.Core.Data;
using Safeguard.Core.Operations;
using Safeguard.Core.Security;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Audit;

/// <summary>
/// PostgreSQL: connected as the application's own role (made by <see cref="PostgresRoles"/>, as `safeguard database
/// roles` makes it), Safeguard inserts and seals events, and cannot change or delete an event or a seal. The rest of the suite runs as
/// the administrator, as before.
/// </summary>
public sealed class AppRoleTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly string _role = $"sg_app_{Guid.NewGuid():N}"[..20];
    private const string Password = "app-role-test";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (_database.Provider != DatabaseProvider.Postgres) return;
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP OWNED BY \"{_role}\"; DROP ROLE IF EXISTS \"{_role}\"", connection);
        try { await drop.ExecuteNonQueryAsync(); } catch (PostgresException) { await new NpgsqlCommand($"DROP ROLE IF EXISTS \"{_role}\"", connection).ExecuteNonQueryAsync(); }
    }

    [Fact]
    public async Task AsTheAppRole_EventsAreInsertedAndSealed_ButNotChangedOrDeleted()
    {
        if (_database.Provider != DatabaseProvider.Postgres) return; // SQLite has no roles: AuditChainTests shows its triggers.
        await PostgresRoles.GrantAsync(_database.ConnectionString, _role, Password, CancellationToken.None);
        var asApp = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = _role, Password = Password }.ConnectionString;
        await using var app = new SafeguardDbContext(DatabaseOptions.Build(DatabaseProvider.Postgres, asApp),
            new FixedActorContext(TestActors.Tester), TimeProvider.System);

        await TestData.CreateCouncilAsync(app);
        await TestData.PersonAsync(app, "Ava", "Role", new DateOnly(2019, 1, 1));
        var first = await new AuditSealer(app).SealAsync(CancellationToken.None);
        await TestData.PersonAsync(app, "Leo", "Role", new DateOnly(2018, 1, 1));
        var sealedId = await app.AuditSeals.OrderBy(s => s.Sequence).Select(s => s.EventId).FirstAsync();
        var unsealedId = await app.Events.Where(e => !app.AuditSeals.Any(s => s.EventId == e.Id)).Select(e => e.Id).FirstAsync();

        var changeSealed = await Should.ThrowAsync<PostgresException>(() =>
            app.Database.ExecuteSqlAsync($"UPDATE \"Events\" SET \"Summary\" = 'changed' WHERE \"Id\" = {sealedId}"));
        var changeUnsealed = await Should.ThrowAsync<PostgresException>(() =>
            app.Database.ExecuteSqlAsync($"UPDATE \"Events\" SET \"Summary\" = 'changed' WHERE \"Id\" = {unsealedId}"));
        var delete = await Should.ThrowAsync<PostgresException>(() =>
            app.Database.ExecuteSqlAsync($"DELETE FROM \"Events\" WHERE \"Id\" = {unsealedId}"));
        var truncate = await Should.ThrowAsync<PostgresException>(() => app.Database.ExecuteSqlRawAsync("TRUNCATE \"Events\""));
        var disable = await Should.ThrowAsync<PostgresException>(() =>
            app.Database.ExecuteSqlRawAsync("ALTER TABLE \"Events\" DISABLE TRIGGER events_kept"));
        var reseal = await Should.ThrowAsync<PostgresException>(() =>
            app.Database.ExecuteSqlAsync($"UPDATE \"AuditSeals\" SET \"Sequence\" = 99 WHERE \"EventId\" = {sealedId}"));
        var unseal = await Should.ThrowAsync<PostgresException>(() =>
            app.Database.ExecuteSqlAsync($"DELETE FROM \"AuditSeals\" WHERE \"EventId\" = {sealedId}"));
        var truncateSeals = await Should.ThrowAsync<PostgresException>(() => app.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditSeals\""));
        var second = await new AuditSealer(app).SealAsync(CancellationToken.None);
        var verification = await new AuditChainVerifier(app).VerifyAsync(CancellationToken.None);

        first.Sealed.ShouldBeGreaterThan(0);
        second.Sealed.ShouldBeGreaterThan(0, "the app role seals the events written after the first run");
        changeSealed.Message.ShouldContain("Rows of Events cannot be changed or deleted");
        changeUnsealed.Message.ShouldContain("Rows of Events cannot be changed or deleted");
        reseal.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        unseal.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        truncateSeals.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        delete.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        truncate.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        disable.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        verification.Intact.ShouldBeTrue();
        verification.NotYetSealed.ShouldBe(0);
    }
}
