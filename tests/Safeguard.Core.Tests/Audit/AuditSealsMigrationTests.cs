using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Core.Audit.Chain;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Audit;

/// <summary>
/// A database sealed before seals had a table of their own (each event's position and hash in two of its columns) keeps
/// its chain through the migration: the seals are copied across, verify passes, and the sealer goes on from them.
/// </summary>
public sealed class AuditSealsMigrationTests
{
    private const string SealsOfTheirOwn = "20261216000100_AuditSeals";

    [Fact]
    public async Task SealsMadeInTheEventsColumns_AreCopiedAcross_AndTheChainVerifies_AndTheSealerContinuesIt()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        int eventCount;
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(SealsOfTheirOwn) - 1]);
            await TestData.CreateCouncilAsync(db);
            foreach (var given in new[] { "Ava", "Leo", "Mia", "Noah" })
            {
                await TestData.PersonAsync(db, given, "Before", new DateOnly(2018, 1, 1));
            }
            var events = await db.Events.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            eventCount = events.Count;
            // Every event but the newest sealed as the sealer then did it.
            var previous = ChainLink.Start.ToArray();
            for (var i = 0; i < events.Count - 1; i++)
            {
                var (id, position) = (events[i].Id, (long)i + 1);
                previous = ChainLink.Hash(previous, position, events[i]);
                await db.Database.ExecuteSqlAsync($"UPDATE \"Events\" SET \"ChainSequence\" = {position}, \"ChainHash\" = {previous} WHERE \"Id\" = {id}");
            }
            await db.GetService<IMigrator>().MigrateAsync();
        }

        await using var after = database.CreateContext();
        var copied = await new AuditChainVerifier(after).VerifyAsync(CancellationToken.None);
        var sealedNow = await new AuditSealer(after).SealAsync(CancellationToken.None);
        var continued = await new AuditChainVerifier(after).VerifyAsync(CancellationToken.None);

        eventCount.ShouldBeGreaterThan(2);
        copied.Intact.ShouldBeTrue(copied.FirstBreak?.Problem);
        copied.Sealed.ShouldBe(eventCount - 1);
        copied.NotYetSealed.ShouldBe(1);
        copied.Head.ShouldBe(eventCount - 1);
        sealedNow.Sealed.ShouldBe(1);
        continued.Intact.ShouldBeTrue(continued.FirstBreak?.Problem);
        continued.NotYetSealed.ShouldBe(0);
        (await AuditTampering.PositionsInEventOrderAsync(after)).ShouldBe(Enumerable.Range(1, eventCount).Select(n => (long?)n));
    }

    [Fact]
    public async Task MigratedBack_TheSealsReturnToTheEventsColumns()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        List<long?> positions;
        await using (var db = database.CreateContext())
        {
            await TestData.CreateCouncilAsync(db);
            await TestData.PersonAsync(db, "Ava", "Back", new DateOnly(2019, 1, 1));
            await new AuditSealer(db).SealAsync(CancellationToken.None);
            await TestData.PersonAsync(db, "Leo", "Back", new DateOnly(2018, 1, 1));
            positions = await AuditTampering.PositionsInEventOrderAsync(db);
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(SealsOfTheirOwn) - 1]);
        }

        await using var back = database.CreateContext();
        var columns = await back.Database.SqlQuery<long?>($"SELECT \"ChainSequence\" AS \"Value\" FROM \"Events\" ORDER BY \"Id\"").ToListAsync();

        positions.ShouldContain(p => p == null, "the newest event is not sealed yet");
        positions.ShouldContain(p => p != null);
        columns.ShouldBe(positions);
    }
}
