using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.WorkforceAdministration;

public sealed class TeamAdministrationTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private static readonly Actor Admin = new(Guid.NewGuid(), "Alex Admin");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private SafeguardDbContext Db() => _database.CreateContext(_time, Admin);

    private async Task<TeamLine> AddAsync(string name, string kind)
    {
        await using var db = Db();
        var admin = new TeamAdministration(db);
        var result = await admin.AddAsync(new TeamInput(name, kind), "Restructure");
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        return (await admin.FindAsync(result.Id!.Value))!;
    }

    [Fact]
    public async Task Add_ValidTeam_IsListed_AndRecordedWithWhoAndWhy()
    {
        var team = await AddAsync("Assessment Team North", "assessment");

        team.Kind.ShouldBe(TeamKind.Assessment);
        await using var db = Db();
        (await new TeamAdministration(db).ListAsync()).Select(t => t.Name).ShouldBe(["Assessment Team North"]);
        var recorded = await db.Events.SingleAsync(e => e.Type == TeamAdded.Name);
        recorded.SubjectId.ShouldBe(team.Id);
        recorded.ActorName.ShouldBe("Alex Admin");
        recorded.Reason.ShouldBe("Restructure");
    }

    [Fact]
    public async Task Add_DuplicateNameOrUnknownKind_IsRefused()
    {
        await AddAsync("Early Help Team", "EarlyHelp");
        await using var db = Db();
        var admin = new TeamAdministration(db);

        (await admin.AddAsync(new TeamInput("early help team", "Early help"))).Errors.ShouldBe([("Name", "There is already a team called early help team")]);
        (await admin.AddAsync(new TeamInput("Fostering", "Fostering"))).Errors.Single().Field.ShouldBe("Kind");
    }

    [Fact]
    public async Task Retire_WhileItOwnsOpenWork_IsRefusedSayingHowManyAndWhere()
    {
        await using var db = Db();
        var council = await TestData.CreateCouncilAsync(db);
        await AddAsync("Zz Front Door", "FrontDoor"); // so the council's front door is not the last one, and sorts after it
        await TestData.Intake(db).RecordAsync(TestData.Contact(TestData.Child()));
        await TestData.Intake(db).RecordAsync(TestData.Contact(TestData.Child("Amir", "Khan")));
        await using var fresh = Db();
        var admin = new TeamAdministration(fresh);
        var frontDoor = (await admin.FindAsync(council.FrontDoor.Id))!;
        var open = await fresh.WorkItems.CountAsync(w => w.OwnerTeamId == frontDoor.Id && w.ClosedAt == null);
        open.ShouldBeGreaterThanOrEqualTo(2); // a screening decision for each contact, and whatever else intake opens
        frontDoor.OpenWorkItems.ShouldBe(open);

        var result = await admin.RetireAsync(frontDoor.Id, frontDoor.Version, "Merged");

        result.Succeeded.ShouldBeFalse();
        var message = result.Errors.Single().Message;
        message.ShouldStartWith($"{frontDoor.Name} still owns {open} open work items (2 screening decisions");
        message.ShouldEndWith("; all in the team's tray). Move or close them before retiring the team");
        (await fresh.Teams.SingleAsync(t => t.Id == frontDoor.Id)).RetiredAt.ShouldBeNull();
    }

    [Fact]
    public async Task Retire_TheOnlyFrontDoorTeam_IsRefused()
    {
        var frontDoor = await AddAsync("Front Door", "FrontDoor");
        await using var db = Db();

        var result = await new TeamAdministration(db).RetireAsync(frontDoor.Id, frontDoor.Version, "Closing");

        result.Errors.Single().Message.ShouldContain("the only front door team");
    }

    [Fact]
    public async Task RetiredTeam_GetsNoNewWork_AndIsNotOffered_UntilReinstated()
    {
        var first = await AddAsync("A Assessment", "Assessment");
        var second = await AddAsync("B Assessment", "Assessment");
        await using var db = Db();
        var admin = new TeamAdministration(db);
        (await db.Teams.FirstOfKindAsync(TeamKind.Assessment)).ShouldBe(first.Id);

        (await admin.RetireAsync(first.Id, first.Version, "Team closed")).Succeeded.ShouldBeTrue();

        (await db.Teams.FirstOfKindAsync(TeamKind.Assessment)).ShouldBe(second.Id);
        (await admin.ListAsync(includeRetired: false)).Select(t => t.Id).ShouldBe([second.Id]);
        (await db.Events.SingleAsync(e => e.Type == TeamRetired.Name)).Reason.ShouldBe("Team closed");
        var retired = (await admin.FindAsync(first.Id))!;
        (await admin.ReinstateAsync(retired.Id, retired.Version, "Reopened")).Succeeded.ShouldBeTrue();
        (await db.Teams.FirstOfKindAsync(TeamKind.Assessment)).ShouldBe(first.Id);
    }

    [Fact]
    public async Task Rename_FromAStaleVersion_IsRefusedAsStale()
    {
        var team = await AddAsync("Child Protection", "ChildProtection");
        await using (var other = Db())
        {
            (await new TeamAdministration(other).ChangeAsync(team.Id, team.Version, new TeamInput("Child Protection East", "ChildProtection"), "Area"))
                .Succeeded.ShouldBeTrue();
        }
        await using var db = Db();

        var result = await new TeamAdministration(db).ChangeAsync(team.Id, team.Version, new TeamInput("CP Team", "ChildProtection"), "Shorter");

        result.Stale.ShouldBeTrue();
        (await new TeamAdministration(db).FindAsync(team.Id))!.Name.ShouldBe("Child Protection East");
    }
}
