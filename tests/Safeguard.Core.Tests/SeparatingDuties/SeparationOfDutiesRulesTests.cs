using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Oversight;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.SeparatingDuties;

public sealed class SeparationOfDutiesRulesTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void SelfAdministration_RefusesTheActorsOwnAccount_Only()
    {
        var admin = new Actor(Guid.NewGuid(), "Alex Admin");

        SelfAdministrationRule.Refuses(admin, admin.UserId!.Value).ShouldBeTrue();
        SelfAdministrationRule.Refuses(admin, Guid.NewGuid()).ShouldBeFalse();
        SelfAdministrationRule.Refuses(Actor.System, Guid.NewGuid()).ShouldBeFalse();
    }

    [Fact]
    public void AuditDetail_ShowsTheWordsOfAccountTeamAndSignInEvents_NotOfAnythingAboutAChild()
    {
        AuditDetailRule.IsAdministration(AccountChanged.Name, null).ShouldBeTrue();
        AuditDetailRule.IsAdministration(TeamAdded.Name, null).ShouldBeTrue();
        AuditDetailRule.IsAdministration(SignedIn.Name, null).ShouldBeTrue();
        AuditDetailRule.IsAdministration(Core.Sessions.SessionEnded.Name, null).ShouldBeTrue();
        AuditDetailRule.IsAdministration(RecordViewed.Name, null).ShouldBeFalse();
        AuditDetailRule.IsAdministration(Core.FrontDoor.ContactReceived.Name, null).ShouldBeFalse();
        AuditDetailRule.IsAdministration(AccountChanged.Name, Guid.NewGuid()).ShouldBeFalse();
        AuditDetailRule.IsAdministration("no.such-kind", null).ShouldBeFalse();
    }

    [Fact]
    public async Task AuditSearch_ForAReaderWhoCannotSeeChildren_ShowsThatSomethingHappenedToAChild_NotWhoOrWhat()
    {
        Guid child;
        await using (var db = _database.CreateContext(_time, new Actor(Guid.NewGuid(), "Grace Lee")))
        {
            child = (await TestData.PersonAsync(db, "Ava", "Hill", new DateOnly(2019, 3, 4))).Id;
            db.Record(new RecordViewed(child, "Ava Hill"), personId: child, reason: "Checking Ava's bruising");
            db.Record(new TeamAdded(Guid.NewGuid(), "Assessment Team North", TeamKind.Assessment), subjectType: nameof(Team), reason: "Restructure");
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext(_time);
        var full = await new AuditSearch(read).SearchAsync(new AuditQuery(null, null, null, null));
        var metadata = await new AuditSearch(read).SearchAsync(new AuditQuery(null, null, null, null, ChildDetail: false));

        var viewed = full.Entries.Single(e => e.Type == RecordViewed.Name);
        viewed.PersonName.ShouldBe("Ava Hill");
        viewed.Reason.ShouldBe("Checking Ava's bruising");
        var masked = metadata.Entries.Where(e => e.PersonId == child).ToList();
        masked.ShouldNotBeEmpty();
        masked.ShouldAllBe(e => e.PersonName == AuditDetailRule.ChildRecord && e.Reason == null && e.Data == null && !e.Summary.Contains("Ava"));
        masked.Single(e => e.Type == RecordViewed.Name).ActorName.ShouldBe("Grace Lee");
        var team = metadata.Entries.Single(e => e.Type == TeamAdded.Name);
        team.Summary.ShouldContain("Assessment Team North");
        team.Reason.ShouldBe("Restructure");
    }
}
