using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.Assessments;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.CaseWork;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Chronology;
using Safeguard.Core.Closure;
using Safeguard.Core.Conferences;
using Safeguard.Core.Enquiries;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Seeding;
using Safeguard.Core.Seeding.Large;
using Safeguard.Core.Supervision;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Seeding;

/// <summary>
/// A small large council with bulk history and service-walked recent cases, and the last events id written in bulk (read
/// when the walk begins), so each event is known to be bulk or service-written. One decided bulk contact is also recorded
/// as the front door records one (<see cref="CasePathways.ContactAsync"/>), for its service-written events.
/// </summary>
public sealed class TypedHistorySeed : IAsyncLifetime
{
    public static readonly LargeSeedOptions Options = AllocatedLargeSeed.Options;

    public TestDatabase Database { get; private set; } = null!;
    public long LastBulkEventId { get; private set; } = -1;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync();
        await SmallLargeSeed.CreateRolesAsync(Database);
        await new LargeCouncilSeeder().RunAsync(Database.Provider, Database.ConnectionString, Options, new BulkDone(this));
        LastBulkEventId.ShouldBeGreaterThan(0);

        await using var db = Database.CreateContext();
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Outcome != null && c.Channel == ContactChannel.FrontDoor)
            .OrderBy(c => c.ReceivedAt).FirstAsync();
        var staff = await db.Users.AsNoTracking().ToListAsync();
        var now = new DateTimeOffset(Options.EndDate.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        await using var pathways = new CasePathways(Core.Data.DatabaseOptions.Build(Database.Provider, Database.ConnectionString), WorkingDayCalendar.Default(), new VisitSettings(), now, staff, staff[0]);
        await pathways.ContactAsync(contact.Id, staff.First(u => u.Id == contact.DecidedByUserId), CancellationToken.None);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    /// <summary>The seeder reports the walk's start once every bulk row is written.</summary>
    private sealed class BulkDone(TypedHistorySeed seed) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value)
        {
            if (value.Phase != "Casework" || value.Done != 0 || seed.LastBulkEventId >= 0) return;
            using var db = seed.Database.CreateContext();
            seed.LastBulkEventId = db.Events.Max(e => e.Id);
        }
    }
}

/// <summary>The large council's bulk history carries the typed events its services write for each step, and so its chronology.</summary>
public sealed class LargeCouncilTypedHistoryTests(TypedHistorySeed seed) : IClassFixture<TypedHistorySeed>
{
    /// <summary>The step events written both in bulk and by the services the walk (or the front door) uses.</summary>
    public static TheoryData<string> StepEvents() =>
    [
        ContactReceived.Name, ContactDecided.Name, AssessmentStarted.Name, AssessmentCompleted.Name, AssessmentAuthorised.Name,
        StrategyDiscussionHeld.Name, Section47Started.Name, Section47Concluded.Name, InitialConferenceHeld.Name, ChildProtectionPlanStarted.Name,
        ChildInNeedPlanStarted.Name, CaseClosed.Name, AllocationEnded.Name,
    ];

    [Theory]
    [MemberData(nameof(StepEvents))]
    public async Task BulkEvent_IsWrittenAsItsServiceWritesIt(string type)
    {
        await using var db = seed.Database.CreateContext();
        var ofType = db.Events.AsNoTracking().Where(e => e.Type == type).OrderBy(e => e.Id);
        var bulk = await ofType.FirstOrDefaultAsync(e => e.Id <= seed.LastBulkEventId);
        var service = await ofType.FirstOrDefaultAsync(e => e.Id > seed.LastBulkEventId);
        bulk.ShouldNotBeNull($"no {type} written in bulk");
        service.ShouldNotBeNull($"no {type} written by its service");

        bulk.SubjectType.ShouldBe(service.SubjectType);
        bulk.PersonId.ShouldNotBeNull();
        service.PersonId.ShouldNotBeNull();
        bulk.SubjectId.ShouldNotBeNull();
        PropertyNames(bulk.Data).ShouldBe(PropertyNames(service.Data));
        var bulkPayload = EventCatalogue.Read(bulk.Type, bulk.Data, bulk.SubjectType);
        var servicePayload = EventCatalogue.Read(service.Type, service.Data, service.SubjectType);
        bulkPayload.ShouldNotBeNull();
        servicePayload.ShouldNotBeNull();
        bulkPayload.GetType().ShouldBe(servicePayload.GetType());
        bulk.Summary.ShouldBe(EventRecord.Shorten(bulkPayload.Describe()));
    }

    /// <summary>Allocations and supervision are written only in bulk (the walk starts from them): their payloads read as their kinds.</summary>
    [Theory]
    [InlineData(nameof(CaseAllocated))]
    [InlineData(nameof(SupervisionRecorded))]
    [InlineData(nameof(ReviewConferenceHeld))]
    [InlineData(nameof(ChildProtectionPlanEnded))]
    [InlineData(nameof(ChildInNeedPlanEnded))]
    public async Task BulkEvent_WrittenOnlyInBulk_ReadsAsItsKind(string kind)
    {
        var type = EventCatalogue.Types.Single(t => t.Name == kind);
        var name = EventCatalogue.NameOf(type);
        await using var db = seed.Database.CreateContext();
        var bulk = await db.Events.AsNoTracking().Where(e => e.Type == name && e.Id <= seed.LastBulkEventId).OrderBy(e => e.Id).Take(50).ToListAsync();
        bulk.ShouldNotBeEmpty();
        bulk.ShouldAllBe(e => e.Data != null && e.SubjectType != null && e.SubjectId != null);
        foreach (var e in bulk)
        {
            var payload = EventCatalogue.Read(e.Type, e.Data, e.SubjectType);
            payload.ShouldBeOfType(type);
            e.Summary.ShouldBe(EventRecord.Shorten(payload.Describe()));
        }
    }

    [Fact]
    public async Task Bulk_WritesNoUntypedCreatedEventForASteps()
    {
        await using var db = seed.Database.CreateContext();
        string[] steps = [nameof(Contact), nameof(Assessment), nameof(ChildPlan), nameof(StrategyDiscussion), nameof(Section47Enquiry),
            nameof(ChildProtectionConference)];
        (await db.Events.CountAsync(e => e.Id <= seed.LastBulkEventId && e.Type == RecordCreated.Name && steps.Contains(e.SubjectType!))).ShouldBe(0);
        (await db.Events.CountAsync(e => e.Id <= seed.LastBulkEventId && e.Data == null)).ShouldBe(0);
    }

    [Fact]
    public async Task OlderChildProtectionCase_ChronologyListsItsAssessmentDiscussionConferenceAndPlan()
    {
        await using var db = seed.Database.CreateContext();
        var walkFrom = TypedHistorySeed.Options.EndDate.AddMonths(-TypedHistorySeed.Options.WalkedMonths);
        var plan = await db.ChildPlans.AsNoTracking()
            .Where(p => p.Kind == PlanKind.ChildProtection && p.StartedOn < walkFrom.AddYears(-1) && p.EndedOn != null)
            .OrderBy(p => p.StartedOn).FirstAsync();

        var chronology = await new ChildChronologies(db).ForChildAsync(plan.PersonId, new ChronologyFilter());

        var kinds = chronology.Entries.Select(e => e.Kind).ToHashSet();
        kinds.ShouldContain(ChronologyKind.Contact);
        kinds.ShouldContain(ChronologyKind.Decision);
        kinds.ShouldContain(ChronologyKind.Assessment);
        kinds.ShouldContain(ChronologyKind.StrategyDiscussion);
        kinds.ShouldContain(ChronologyKind.Enquiry);
        kinds.ShouldContain(ChronologyKind.Conference);
        var aboutThePlan = chronology.Entries.Where(e => e.SubjectId == plan.Id).Select(e => e.EventName).ToList();
        aboutThePlan.ShouldContain(ChildProtectionPlanStarted.Name);
        aboutThePlan.ShouldContain(ChildProtectionPlanEnded.Name);
        var conferences = await db.ChildProtectionConferences.Where(c => c.ChildPlanId == plan.Id).Select(c => c.Id).ToListAsync();
        conferences.Count.ShouldBeGreaterThanOrEqualTo(2);
        conferences.ShouldBeSubsetOf(chronology.Entries.Where(e => e.Kind == ChronologyKind.Conference).Select(e => e.SubjectId!.Value));
    }

    private static List<string> PropertyNames(string? data)
    {
        data.ShouldNotBeNull();
        using var json = JsonDocument.Parse(data);
        return json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
    }
}
