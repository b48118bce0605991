using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Enquiring;

/// <summary>
/// A screening decision for a strategy discussion, on a real database (either provider): the discussion is child
/// protection work for the child protection team, due within a working day, until one is recorded about the child.
/// </summary>
public sealed class StrategyFromScreeningTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 10:00 UK time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task TheDecision_PutsTheDiscussionOnTheChildProtectionTeamsTray_AndRecordingItClosesIt()
    {
        Guid childProtectionTeam;
        StaffUser sam;
        RecordedContact contact;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var council = await TestData.CreateCouncilAsync(db);
            childProtectionTeam = council.ChildProtection.Id;
            sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, childProtectionTeam);
            contact = await TestData.Intake(db).RecordAsync(TestData.Contact([TestData.Child("Ava", "Stone")], ["physical-abuse"], immediateRisk: true));
            await new ScreeningDecisions(db, ConferenceTestData.Calendar)
                .DecideAsync(new DecisionInput(contact.Id, ScreeningOutcome.StrategyDiscussion, "Bruising to a baby", null), Guid.NewGuid(), false);
        }

        WorkItem item;
        Guid personId;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            item = await db.WorkItems.AsNoTracking().SingleAsync(w => w.Kind == WorkKind.StrategyDiscussion);
            personId = item.PersonId!.Value;
        }
        (item.OwnerTeamId, item.Priority, item.Title).ShouldBe((childProtectionTeam, Priority.ChildProtection, "Strategy discussion: Ava Stone"));
        item.DueAt.ShouldBe(ConferenceTestData.Calendar.DueAt(_time.GetUtcNow(), 1));

        await using (var db = _database.CreateContext(_time, new Actor(sam.Id, sam.DisplayName)))
        {
            var held = await ConferenceTestData.Strategy(db).RecordAsync(new StrategyDiscussionInput(personId, _time.GetUtcNow().AddMinutes(-30),
                [new(Agency.ChildrensSocialCare, "Sam Okafor", "Social worker"), new(Agency.Police, "DC Moore", "CAIU"), new(Agency.Health, "Dr Osei", "Paediatrician"),
                    new(Agency.Education, "Mrs Price", "Nursery manager")],
                null, null, null, "Bruising to the cheek of a 4-month-old", true, "Reasonable cause to suspect significant harm", []));
            held.Outcome.ShouldBe(StrategyOutcome.Recorded, string.Join("; ", held.Errors.Select(e => e.Message)));
        }

        await using var read = _database.CreateContext(_time, Actor.System);
        (await read.WorkItems.SingleAsync(w => w.Id == item.Id)).ClosedAt.ShouldNotBeNull();
    }
}
