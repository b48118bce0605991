using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Records;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Oversight;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Audit;

/// <summary>Events as stored on both databases: what is written now reads back typed; what was written before still reads.</summary>
public sealed class StoredEventsTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task EveryEventOfAContactAndItsDecision_ReadsBackTyped_AndDescribesItselfAsItsSummary()
    {
        RecordedContact contact;
        await using (var db = _database.CreateContext(_time))
        {
            var council = await TestData.CreateCouncilAsync(db);
            contact = await TestData.Intake(db).RecordAsync(TestData.Contact([TestData.Child(), TestData.Child("Leo", "Taylor")],
                ["neglect"], organisationId: council.Police.Id, email: "referrer@police.example"));
            await new ScreeningDecisions(db, WorkingDayCalendar.Default())
                .DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.ReferralToSocialCare, "Neglect needs assessment", null), Guid.NewGuid(), false);
        }

        await using var check = _database.CreateContext(_time);
        var events = await check.Events.AsNoTracking().ToListAsync();
        events.Select(e => e.Type).ShouldContain(ContactReceived.Name);
        events.Select(e => e.Type).ShouldContain(ContactDecided.Name);
        events.Select(e => e.Type).ShouldContain(RecordCreated.Name);
        foreach (var e in events)
        {
            var read = EventCatalogue.Read(e.Type, e.Data, e.SubjectType).ShouldNotBeNull($"{e.Type} ({e.Summary}) did not read back typed");
            read.Describe().ShouldBe(e.Summary);
        }
        var received = events.Where(e => e.Type == ContactReceived.Name)
            .Select(e => EventCatalogue.Read(e.Type, e.Data).ShouldBeOfType<ContactReceived>()).ToList();
        received.Count.ShouldBe(2, "one on each child's record");
        received.ShouldAllBe(r => r.ContactId == contact.Id && r.Reference == contact.Reference && r.Priority == contact.Priority);
    }

    [Fact]
    public async Task EventsStoredBeforeTheirKindWasTyped_StillShowInTheHistoryAndTheAuditTrail()
    {
        Guid personId;
        await using (var db = _database.CreateContext(_time))
        {
            personId = (await TestData.PersonAsync(db, "Ava", "Hill", new DateOnly(2019, 3, 4))).Id;
            var at = _time.GetUtcNow().AddDays(-30);
            var actor = new Security.Actor(Guid.NewGuid(), "Grace Lee");
            // Shapes written by earlier releases: an alert's data was its kind, a merge's its counts, a change's values were JSON values.
            db.Events.AddRange(
                Legacy(AlertRaised.Name, at, actor, "Contact C1 is 2 hours late", personId, "ContactOverdue"),
                Legacy(PersonMerged.Name, at.AddDays(1), actor, "Record of Ava Hills merged into this record", personId, """{"ContactChildren":1}"""),
                Legacy(RecordChanged.Name, at.AddDays(2), actor, "Person changed", personId, """{"School":[null,"Hill Primary"],"Version":[1,2]}""", "Person"),
                Legacy(ContactReceived.Name, at.AddDays(3), actor, "Contact C2 received from DC Alex Moore: Bruise seen", personId, null),
                Legacy("something.retired-long-ago", at.AddDays(4), actor, "A kind no release knows any more", personId, "{}"));
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext(_time);
        var record = (await new PersonRecords(read).ViewAsync(personId)).ShouldNotBeNull();
        var history = record.History.Select(h => h.Summary).ToList();
        history.ShouldContain("Contact C1 is 2 hours late");
        history.ShouldContain("Record of Ava Hills merged into this record");
        history.ShouldContain("Person changed");
        history.ShouldContain("Contact C2 received from DC Alex Moore: Bruise seen");
        history.ShouldContain("A kind no release knows any more");

        var audit = await new AuditSearch(read).SearchAsync(new AuditQuery([personId], null, null, null));
        audit.Entries.Select(e => e.Summary).ShouldContain("Contact C1 is 2 hours late");
        audit.Entries.Select(e => e.Summary).ShouldContain("A kind no release knows any more");
        audit.Entries.Select(e => e.Summary).ShouldContain("Person changed");
    }

    [Fact]
    public async Task AuditSearch_ByKind_ListsOnlyThatKind()
    {
        Guid personId;
        await using (var db = _database.CreateContext(_time))
        {
            personId = (await TestData.PersonAsync(db, "Ava", "Hill", new DateOnly(2019, 3, 4))).Id;
            db.Record(new RecordViewed(personId, "Ava Hill"), personId, nameof(Person), personId);
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext(_time);
        var viewed = await new AuditSearch(read).SearchAsync(new AuditQuery([personId], null, null, null, Kind: RecordViewed.Name));
        var all = await new AuditSearch(read).SearchAsync(new AuditQuery([personId], null, null, null));

        viewed.Entries.ShouldHaveSingleItem().Summary.ShouldBe("Viewed the record of Ava Hill");
        all.Entries.Select(e => e.Type).ShouldContain(RecordCreated.Name);
    }

    private static EventRecord Legacy(string type, DateTimeOffset at, Security.Actor actor, string summary, Guid personId, string? data,
        string? subjectType = null) =>
        new(type, at, actor, summary) { PersonId = personId, Data = data, SubjectType = subjectType, SubjectId = personId };
}
