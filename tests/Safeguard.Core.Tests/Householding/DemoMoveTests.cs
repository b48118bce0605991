using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Chronology;
using Safeguard.Core.Tests.Seeding;

namespace Safeguard.Core.Tests.Householding;

/// <summary>The demo council's move, recorded through the service as a worker records one.</summary>
public sealed class DemoMoveTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    [Fact]
    public async Task FreddiesChronology_ShowsHisMove_RecordedByHisWorker_OnTheDayHeMoved()
    {
        await using var db = demo.Database.CreateContext(demo.Time);
        var freddie = await db.People.Where(p => p.GivenName == "Freddie" && p.FamilyName == "Morris").Select(p => p.Id).SingleAsync();

        var moves = (await new ChildChronologies(db).ForChildAsync(freddie,
            new ChronologyFilter(Kinds: new HashSet<ChronologyKind> { ChronologyKind.Household }))).Entries;

        var move = moves.ShouldHaveSingleItem();
        move.What.ShouldBe($"Moved to 3 Ferry Lane, Northbridge, NB1 6TR on {ChronologyWording.Day(move.At)} (from 48 Wharf Road, Northbridge, NB1 2HU)");
        Core.Timescales.TimeLimits.UkDay(move.At).ShouldBe(demo.Today.AddDays(-20));
        move.RecordedBy.ShouldBe("Daniel Osei");
        (await db.PersonAddresses.CountAsync(a => a.PersonId == freddie && a.To == null)).ShouldBe(1);
    }
}
