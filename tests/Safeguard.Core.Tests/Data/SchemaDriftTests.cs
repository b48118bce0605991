using Safeguard.Core.Data;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Data;

public sealed class SchemaDriftTests
{
    [Fact]
    public async Task MigratedSchema_MatchesTheSchemaTheModelCreates()
    {
        await using var migrated = await TestDatabase.CreateMigratedAsync();
        await using var fromModel = await TestDatabase.CreateEmptyAsync();
        await using (var db = fromModel.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await SchemaSnapshot.ReadAsync(fromModel.Provider, fromModel.ConnectionString);
        var actual = await SchemaSnapshot.ReadAsync(migrated.Provider, migrated.ConnectionString);

        expected.ShouldNotBeEmpty();
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        (missing.Count + extra.Count).ShouldBe(0,
            $"Migrations drift from the model on {migrated.Provider}.\nMissing from migrations:\n  {string.Join("\n  ", missing)}\nOnly in migrations:\n  {string.Join("\n  ", extra)}");
    }
}
