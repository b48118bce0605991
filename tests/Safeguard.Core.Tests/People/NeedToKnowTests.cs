using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Records;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.People;

/// <summary>The need-to-know rule against a real database: who may see a restricted child, lists, the access list, merges.</summary>
public sealed class NeedToKnowTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero));
    private Actor _manager = default!;
    private Actor _worker = default!;
    private Actor _outsider = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using var db = _database.CreateContext(_time, Actor.System);
        _manager = await UserAsync(db, "Mia Manager", Roles.TeamManager);
        _worker = await UserAsync(db, "Wes Worker", Roles.SocialWorker);
        _outsider = await UserAsync(db, "Olly Outsider", Roles.SocialWorker);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static async Task<Actor> UserAsync(SafeguardDbContext db, string name, string role)
    {
        var staffRole = await db.Roles.SingleOrDefaultAsync(r => r.Name == role) ?? db.Roles.Add(new StaffRole(role)).Entity;
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@test.example";
        var user = new StaffUser { Id = NewId.Next(), UserName = email, Email = email, DisplayName = name };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = staffRole.Id });
        await db.SaveChangesAsync();
        return new Actor(user.Id, name);
    }

    private SafeguardDbContext As(Actor actor) => _database.CreateContext(_time, actor);

    /// <summary>A child restricted by the manager, with the worker on the list.</summary>
    private async Task<Person> RestrictedChildAsync(string given = "Rosa", string family = "Quill")
    {
        Person child;
        await using (var db = As(_manager))
        {
            child = await TestData.PersonAsync(db, given, family, new DateOnly(2018, 2, 3));
            var lists = new AccessLists(db);
            (await lists.RestrictAsync(child.Id, "Relative of staff")).ShouldBe(AccessChange.Done);
            (await lists.AddAsync(child.Id, _worker.UserId!.Value, holdsList: false, "Allocated worker")).ShouldBe(AccessChange.Done);
        }
        return child;
    }

    [Fact]
    public async Task OnlyTheListAndSafeguardItself_MaySeeARestrictedChild()
    {
        var child = await RestrictedChildAsync();

        foreach (var (actor, expected) in new[] { (_manager, true), (_worker, true), (_outsider, false), (Actor.System, true) })
        {
            await using var db = As(actor);
            (await new NeedToKnow(db).MaySeeAsync(child.Id)).ShouldBe(expected, actor.Name);
            (await new NeedToKnow(db).Visible(db.People).AnyAsync(p => p.Id == child.Id)).ShouldBe(expected, actor.Name);
        }
    }

    [Fact]
    public async Task ARefusal_IsRecordedWithWhoAndWhichChild()
    {
        var child = await RestrictedChildAsync();
        await using var db = As(_outsider);

        (await new NeedToKnow(db).CheckAsync(child.Id, "the child's record")).ShouldBeFalse();

        var refusal = await db.Events.SingleAsync(e => e.Type == RecordAccessRefused.Name);
        refusal.PersonId.ShouldBe(child.Id);
        refusal.ActorUserId.ShouldBe(_outsider.UserId);
        EventCatalogue.Read(refusal.Type, refusal.Data).ShouldBeOfType<RecordAccessRefused>().Where.ShouldBe("the child's record");
    }

    [Fact]
    public async Task Search_LeavesOutARestrictedChild_ForSomeoneNotOnTheList()
    {
        var child = await RestrictedChildAsync("Rosa", "Quill");
        await using (var db = As(_manager)) await TestData.PersonAsync(db, "Rosa", "Quillon", new DateOnly(2018, 2, 3));

        await using var outsider = As(_outsider);
        await using var worker = As(_worker);
        (await new PersonRecords(outsider).SearchAsync("Rosa Quill")).ShouldNotContain(r => r.Id == child.Id);
        (await new PersonRecords(outsider).SearchAsync("Rosa Quill")).ShouldNotBeEmpty("the unrestricted lookalike still shows");
        (await new PersonRecords(worker).SearchAsync("Rosa Quill")).ShouldContain(r => r.Id == child.Id);
    }

    [Fact]
    public async Task WorkAboutARestrictedChild_StillShows_AsRestrictedRecord()
    {
        var child = await RestrictedChildAsync();
        Team team;
        await using (var db = As(Actor.System))
        {
            team = (await TestData.CreateCouncilAsync(db)).Assessment;
            db.WorkItems.Add(new WorkItem(WorkKind.Allocation, Guid.NewGuid(), "Allocate Rosa Quill", team.Id, Priority.Standard,
                _time.GetUtcNow(), _time.GetUtcNow().AddDays(1), child.Id));
            await db.SaveChangesAsync();
        }

        await using var outsider = As(_outsider);
        await using var worker = As(_worker);
        (await new VisibleWork(outsider, new TeamWork(outsider)).PageAsync(team.Id, null)).Lines.Single().Title.ShouldBe(NeedToKnow.RestrictedTitle);
        (await new VisibleWork(worker, new TeamWork(worker)).PageAsync(team.Id, null)).Lines.Single().Title.ShouldBe("Allocate Rosa Quill");
    }

    [Fact]
    public async Task TheSameNameTwice_IsKeptOutByTheDatabase_AndReportedAsAlreadyOnTheList()
    {
        var child = await RestrictedChildAsync();
        await using (var db = As(_manager))
        {
            (await new AccessLists(db).AddAsync(child.Id, _worker.UserId!.Value, false, "Again")).ShouldBe(AccessChange.AlreadyOnList);
        }
        await using (var db = As(_manager))
        {
            db.PersonAccessGrants.Add(new PersonAccessGrant(child.Id, _worker.UserId!.Value, false, "Straight in", _manager, _time.GetUtcNow()));
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task OnlyAHolder_ChangesTheList_AndOnlyAManagerCanHoldIt()
    {
        var child = await RestrictedChildAsync();
        await using (var db = As(_worker))
        {
            (await new AccessLists(db).AddAsync(child.Id, _outsider.UserId!.Value, false, "Please")).ShouldBe(AccessChange.NotHolder);
            (await new AccessLists(db).LiftAsync(child.Id, "Please")).ShouldBe(AccessChange.NotHolder);
        }
        await using (var db = As(_manager))
        {
            (await new AccessLists(db).AddAsync(child.Id, _outsider.UserId!.Value, true, "Cover")).ShouldBe(AccessChange.CannotHold);
            (await new AccessLists(db).RemoveAsync(child.Id, _manager.UserId!.Value, "Leaving")).ShouldBe(AccessChange.LastHolder);
        }
    }

    [Fact]
    public async Task MergingARestrictedRecord_CarriesTheRestrictionAndTheListToTheSurvivor()
    {
        var restricted = await RestrictedChildAsync();
        Person survivor;
        await using (var db = As(_manager)) survivor = await TestData.PersonAsync(db, "Rosa", "Quil", new DateOnly(2018, 2, 3));

        await using (var db = As(_manager)) await new PersonMerging(db).MergeAsync(survivor.Id, restricted.Id, "Same child");

        await using var outsider = As(_outsider);
        await using var worker = As(_worker);
        (await new NeedToKnow(outsider).MaySeeAsync(survivor.Id)).ShouldBeFalse();
        (await new NeedToKnow(worker).MaySeeAsync(survivor.Id)).ShouldBeTrue();
        (await worker.PersonAccessGrants.CountAsync(g => g.PersonId == survivor.Id && g.HoldsList)).ShouldBe(1);
    }
}
