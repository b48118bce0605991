using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.Conferences;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using static Safeguard.TestCommon.ConferenceTestData;

namespace Safeguard.Core.Tests.Noting;

/// <summary>
/// Case notes and visits to a child on a child protection plan, on a real database (either provider): the first visit due
/// when the plan starts, a visit in which the child was seen putting the next on the clock, one in which they were not
/// leaving it open, none owed once the plan ends.
/// </summary>
public sealed class CaseNotesTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 10:00 UK time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private StaffUser _sam = default!;
    private StaffUser _chair = default!;
    private Guid _personId;
    private Guid _planId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        Guid team;
        StaffUser manager;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            team = (await TestData.CreateCouncilAsync(db)).Assessment.Id;
            manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, team);
            _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, team);
            _chair = await AllocationTestData.StaffAsync(db, "Ruth Morgan", Roles.ConferenceChair, null);
            await AllocationTestData.QualifyAsync(db, _sam.Id, TimeLimits.UkDay(_time.GetUtcNow()), childProtectionTrained: true);
        }
        var referral = await AllocationTestData.AllocatedReferralAsync(_database, _time, team, manager, _sam);
        _personId = referral.PersonId;
        var enquiry = await EnquiryNeedingConferenceAsync(_database, _time, _sam, _personId);
        await using (var db = As(_chair))
        {
            var held = await ConferenceService(db).HoldInitialAsync(enquiry, Input(_time.GetUtcNow().AddMinutes(-30), _chair.Id));
            held.Outcome.ShouldBe(ConferenceOutcome.Recorded);
        }
        await using var read = Read();
        _planId = await read.ChildPlans.Where(p => p.PersonId == _personId).Select(p => p.Id).SingleAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private SafeguardDbContext Read() => _database.CreateContext(_time, Actor.System);

    private async Task<List<WorkItem>> OpenVisitsAsync()
    {
        await using var db = Read();
        return await db.WorkItems.AsNoTracking().Where(w => w.SubjectId == _planId && w.Kind == WorkKind.Visit && w.ClosedAt == null).ToListAsync();
    }

    private async Task<IReadOnlyList<(string Field, string Message)>> RecordAsync(CaseNoteInput input)
    {
        await using var db = As(_sam);
        return (await CaseNoteService(db).RecordAsync(_personId, input)).Errors;
    }

    [Fact]
    public async Task APlan_PutsTheFirstVisitOnTheWorkersTray_DueIn10WorkingDays()
    {
        var visit = (await OpenVisitsAsync()).ShouldHaveSingleItem();
        // 10 working days after Wednesday 4 March 2026.
        TimeLimits.UkDay(visit.DueAt).ShouldBe(new DateOnly(2026, 3, 18));
        visit.OwnerUserId.ShouldBe(_sam.Id);
        visit.Priority.ShouldBe(Priority.ChildProtection);
    }

    [Fact]
    public async Task AVisitSeeingTheChild_ClosesTheVisitDue_AndPutsTheNextOn10WorkingDaysFromIt()
    {
        _time.Advance(TimeSpan.FromDays(6));
        var visitedAt = _time.GetUtcNow().AddHours(-2);

        (await RecordAsync(new CaseNoteInput(CaseNoteKind.Visit, visitedAt, "Mother, Ava", "Home warm; food in the fridge.", true, true))).ShouldBeEmpty();

        var next = (await OpenVisitsAsync()).ShouldHaveSingleItem();
        next.DueAt.ShouldBe(WorkingDayCalendar.Default().DueAt(visitedAt, 10));
        await using var read = Read();
        var note = await read.CaseNotes.AsNoTracking().SingleAsync();
        (note.Kind, note.ChildSeen, note.ChildSeenAlone).ShouldBe((CaseNoteKind.Visit, (bool?)true, (bool?)true));
        (await read.Events.SingleAsync(e => e.Type == CaseNoteRecorded.Name)).Summary.ShouldBe("Visit: child seen, and seen alone");
    }

    [Fact]
    public async Task AVisitWithoutSeeingTheChild_IsRecorded_ButTheVisitStaysDue()
    {
        var before = (await OpenVisitsAsync()).ShouldHaveSingleItem();

        (await RecordAsync(new CaseNoteInput(CaseNoteKind.Visit, _time.GetUtcNow().AddMinutes(-5), "Nobody answered", "No answer at the door.", false, null)))
            .ShouldBeEmpty();

        (await OpenVisitsAsync()).ShouldHaveSingleItem().Id.ShouldBe(before.Id);
    }

    [Fact]
    public async Task OtherKindsOfNote_NeedWhoAndWhat_AndAVisitNeedsWhetherTheChildWasSeen()
    {
        (await RecordAsync(new CaseNoteInput(null, _time.GetUtcNow().AddHours(1), " ", null, null, null))).Select(e => e.Message).ShouldBe(
            ["Select what kind of contact it was", "It must have happened already: enter a time in the past", "Enter who took part", "Enter the note"]);
        (await RecordAsync(new CaseNoteInput(CaseNoteKind.Visit, _time.GetUtcNow(), "Mother", "Seen", null, null))).ShouldBe(
            [("ChildSeen", "Select whether the child was seen")]);
        (await RecordAsync(new CaseNoteInput(CaseNoteKind.PhoneCall, _time.GetUtcNow(), "Health visitor Jo Bell", "Weight is on track.", null, null)))
            .ShouldBeEmpty();
        await using var read = Read();
        (await CaseNoteService(read).ForChildAsync(_personId)).ShouldHaveSingleItem().Kind.ShouldBe(CaseNoteKind.PhoneCall);
        (await OpenVisitsAsync()).ShouldHaveSingleItem("a phone call is not a visit");
    }

    [Fact]
    public async Task WhenThePlanEndsAtAReview_NoMoreVisitsAreOwed()
    {
        _time.Advance(TimeSpan.FromDays(60));
        await using (var db = As(_chair))
        {
            int version;
            await using (var read = Read()) version = await read.ChildPlans.Where(p => p.Id == _planId).Select(p => p.Version).SingleAsync();
            (await ConferenceService(db).HoldReviewAsync(_planId, version,
                Input(_time.GetUtcNow().AddMinutes(-30), _chair.Id, plan: false, category: null, endReason: "Risks reduced"))).Outcome
                .ShouldBe(ConferenceOutcome.Recorded);
        }

        (await OpenVisitsAsync()).ShouldBeEmpty();
        (await RecordAsync(new CaseNoteInput(CaseNoteKind.Visit, _time.GetUtcNow(), "Mother", "All well.", true, false))).ShouldBeEmpty();
        (await OpenVisitsAsync()).ShouldBeEmpty("no visit is owed once the plan has ended");
    }
}
