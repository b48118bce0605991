using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Intake;
using Safeguard.Core.Security;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Intake;

/// <summary>Group commit: many contacts, one transaction and one commit per batch, each with its own actor.</summary>
public sealed class IntakeWriterTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private Guid _police;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using (var db = _database.CreateContext())
        {
            _police = (await TestData.CreateCouncilAsync(db)).Police.Id;
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSafeguardCore(_database.Provider, _database.ConnectionString);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IntakeWriter Writer => _services.GetRequiredService<IntakeWriter>();

    private static Actor Partner(int i) => new(null, $"Partner {i} (API)", Guid.NewGuid());

    private IdempotencyClaim Claim(string key, string hash = "h1") => new(_police, key, hash);

    [Fact]
    public async Task ManyConcurrentIntakes_AreEachRecordedOnce_WithTheirOwnActor_AndReadableWhenAnswered()
    {
        const int count = 120;
        var writer = Writer;
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            var outcome = await writer.RecordAsync(TestData.Contact([TestData.Child("Ava", $"Hill{i}")], [], organisationId: _police),
                Claim($"key-{i}"), Partner(i));
            // Answered only after the commit: a fresh connection already sees the contact.
            await using var fresh = _database.CreateContext();
            (await fresh.Contacts.AnyAsync(c => c.Id == outcome.ContactId)).ShouldBeTrue();
            return (i, outcome);
        })));

        results.ShouldAllBe(r => r.outcome.Result == IntakeResult.Recorded);
        results.Select(r => r.outcome.ContactId).Distinct().Count().ShouldBe(count);
        writer.Batches.ShouldBeLessThanOrEqualTo(count);
        await using var db = _database.CreateContext();
        (await db.Contacts.CountAsync()).ShouldBe(count);
        (await db.IdempotencyRecords.CountAsync()).ShouldBe(count);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.SubjectType == nameof(Contact) && (e.Type == ContactReceived.Name || e.Type == RecordCreated.Name))
            .Select(e => new { e.SubjectId, e.Type, e.ActorName })
            .ToListAsync();
        foreach (var (i, outcome) in results)
        {
            var mine = events.Where(e => e.SubjectId == outcome.ContactId).ToList();
            mine.Select(e => e.Type).OrderBy(t => t, StringComparer.Ordinal).ShouldBe([ContactReceived.Name, RecordCreated.Name]);
            mine.ShouldAllBe(e => e.ActorName == $"Partner {i} (API)");
        }
        var workItems = await db.WorkItems.AsNoTracking().Select(w => w.Id).ToListAsync();
        workItems.Count.ShouldBe(2 * count);
        (await db.Events.CountAsync(e => e.SubjectType == "WorkItem" && e.Type == RecordCreated.Name && e.ActorName == "Safeguard (system)"))
            .ShouldBe(0);
        // Each work item's opening is an event of the partner whose referral opened it, written in the same group commit.
        var opened = await db.Events.AsNoTracking().Where(e => e.Type == Safeguard.Core.Work.WorkOpened.Name)
            .Select(e => new { e.SubjectId, e.ActorName }).ToListAsync();
        opened.Select(e => e.SubjectId!.Value).ShouldBe(workItems, ignoreOrder: true);
        opened.ShouldAllBe(e => e.ActorName.StartsWith("Partner ") && e.ActorName.EndsWith(" (API)"));
    }

    [Fact]
    public async Task SameIdempotencyKey_Concurrently_MakesOneContact()
    {
        var writer = Writer;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            writer.RecordAsync(TestData.Contact([TestData.Child()], [], organisationId: _police), Claim("same-key"), Partner(i)))));

        outcomes.Select(o => o.ContactId).Distinct().Count().ShouldBe(1);
        outcomes.Count(o => o.Result == IntakeResult.Recorded).ShouldBe(1);
        outcomes.Count(o => o.Result == IntakeResult.Replayed).ShouldBe(29);
        await using var db = _database.CreateContext();
        (await db.Contacts.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task TheSameNewChild_ReferredByManyAtOnce_IsOnePerson()
    {
        // Every link is decided before any of these is written, so each decision alone would say "new person".
        const int count = 24;
        var child = TestData.Child("Maisie", "Okafor", new DateOnly(2019, 3, 2), nhs: "9434765919");
        var writer = Writer;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() =>
            writer.RecordAsync(TestData.Contact([child], [], organisationId: _police), Claim($"maisie-{i}"), Partner(i)))));

        outcomes.ShouldAllBe(o => o.Result == IntakeResult.Recorded);
        await using var db = _database.CreateContext();
        var people = await db.People.Where(p => p.FamilyName == "Okafor").Select(p => p.Id).ToListAsync();
        people.Count.ShouldBe(1);
        (await db.ContactChildren.CountAsync(c => c.PersonId == people[0])).ShouldBe(count);
        outcomes.Count(o => o.Recorded!.Children[0].NewPerson).ShouldBe(1);
    }

    [Fact]
    public async Task OneBatch_SameKeyTwice_RecordsOnce_ReplaysTheSameBody_AndRefusesADifferentOne()
    {
        await using var scope = _services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ContactIntake>();
        var contact = TestData.Contact([TestData.Child()], [], organisationId: _police);

        var results = await intake.RecordBatchAsync(
        [
            new IntakeRequest(contact, Claim("k"), Partner(1)),
            new IntakeRequest(contact, Claim("k"), Partner(2)),
            new IntakeRequest(contact, Claim("k", "other"), Partner(3)),
            new IntakeRequest(contact, Claim("k2"), Partner(4)),
        ]);

        results.Select(r => r.Result).ShouldBe([IntakeResult.Recorded, IntakeResult.Replayed, IntakeResult.KeyReused, IntakeResult.Recorded]);
        results[1].ContactId.ShouldBe(results[0].ContactId);
        results[2].ContactId.ShouldBe(results[0].ContactId);
        await using var db = _database.CreateContext();
        (await db.Contacts.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task AFailingBatch_CommitsNothing()
    {
        await using var scope = _services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ContactIntake>();

        await Should.ThrowAsync<InvalidOperationException>(() => intake.RecordBatchAsync(
        [
            new IntakeRequest(TestData.Contact([TestData.Child()], [], organisationId: _police), Claim("good"), Partner(1)),
            new IntakeRequest(TestData.Contact([TestData.Child(personId: Guid.NewGuid())], [], organisationId: _police), Claim("bad"), Partner(2)),
        ]));

        await using var db = _database.CreateContext();
        (await db.Contacts.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AFailingItem_DoesNotFailTheOthers()
    {
        var writer = Writer;
        var tasks = Enumerable.Range(0, 40).Select(i => Task.Run(() => writer.RecordAsync(
            TestData.Contact([TestData.Child("Leo", $"Ward{i}", personId: i == 17 ? Guid.NewGuid() : null)], [], organisationId: _police),
            Claim($"item-{i}"), Partner(i)))).ToList();

        await Should.ThrowAsync<InvalidOperationException>(() => tasks[17]);
        foreach (var task in tasks.Where((_, i) => i != 17)) (await task).Result.ShouldBe(IntakeResult.Recorded);
        await using var db = _database.CreateContext();
        (await db.Contacts.CountAsync()).ShouldBe(39);
    }

    [Fact]
    public async Task AContactWithoutChildren_IsRefusedBeforeItIsQueued()
    {
        var empty = TestData.Contact([TestData.Child()], [], organisationId: _police) with { Children = [] };

        await Should.ThrowAsync<ArgumentException>(() => Writer.RecordAsync(empty, Claim("none"), Partner(1)));
    }

    [Fact]
    public async Task WithOneLookupAtATime_ConcurrentIntakes_AreAllRecorded_InOneKeptScope_AndAFailedLookupFreesItsTurn()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSafeguardCore(_database.Provider, _database.ConnectionString);
        services.Configure<IntakeWriterOptions>(o => o.ConcurrentLookups = 1);
        await using var provider = services.BuildServiceProvider();
        var writer = provider.GetRequiredService<IntakeWriter>();

        // A lookup that fails (the person it names does not exist) must give its turn back, or everyone behind it waits.
        await Should.ThrowAsync<InvalidOperationException>(() => writer.RecordAsync(
            TestData.Contact([TestData.Child(personId: Guid.NewGuid())], [], organisationId: _police), Claim("missing"), Partner(0)));
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => writer.RecordAsync(
            TestData.Contact([TestData.Child("Isla", $"Reed{i}")], [], organisationId: _police), Claim($"one-{i}"), Partner(i)))));

        results.ShouldAllBe(r => r.Result == IntakeResult.Recorded);
        await using var db = _database.CreateContext();
        (await db.Contacts.CountAsync()).ShouldBe(30);
        // One lookup scope at a time, kept from request to request; the failed lookup's was dropped, not used again.
        writer.LookupScopesMade.ShouldBe(2);
    }
}
