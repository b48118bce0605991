using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Enquiring;

/// <summary>Concluding a section 47 enquiry on a real database (either provider): the outcome with reasons, the conference's work, one winner.</summary>
public sealed class Section47OutcomesTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 10:00 UK time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private TestDatabase _database = default!;
    private StaffUser _manager = default!;
    private StaffUser _sam = default!;
    private Guid _enquiryId;
    private Guid _personId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        Guid team;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            team = (await TestData.CreateCouncilAsync(db)).Assessment.Id;
            _manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, team);
            _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, team);
            await AllocationTestData.QualifyAsync(db, _sam.Id, TimeLimits.UkDay(_time.GetUtcNow()), childProtectionTrained: true);
        }
        var referral = await AllocationTestData.AllocatedReferralAsync(_database, _time, team, _manager, _sam);
        _personId = referral.PersonId;
        await using (var db = As(_sam))
        {
            var input = new StrategyDiscussionInput(_personId, _time.GetUtcNow().AddHours(-1),
                [new(Agency.ChildrensSocialCare, "Sam Okafor", "Social worker"), new(Agency.Police, "DC Alex Moore", "CAIU"),
                    new(Agency.Health, "Dr Ama Osei", "GP"), new(Agency.Education, "Mrs Price", "Head teacher")],
                null, null, null, "Bruising to the face seen at school.", true, "Reasonable cause to suspect significant harm.", []);
            var held = await Strategy(db).RecordAsync(input);
            held.Outcome.ShouldBe(StrategyOutcome.Recorded, string.Join("; ", held.Errors.Select(e => e.Message)));
        }
        await using var read = _database.CreateContext(_time, Actor.System);
        _enquiryId = await read.Section47Enquiries.Where(e => e.PersonId == _personId).Select(e => e.Id).SingleAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private static StrategyDiscussions Strategy(SafeguardDbContext db) => new(db, new WorkItems(db, new WorkClocks(Calendar)), Calendar);

    private static Section47Outcomes Outcomes(SafeguardDbContext db) => ConferenceTestData.Outcomes(db);

    private async Task<(Section47Enquiry Enquiry, List<WorkItem> OpenConference)> ReadAsync()
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        var enquiry = await db.Section47Enquiries.AsNoTracking().SingleAsync(e => e.Id == _enquiryId);
        var open = await db.WorkItems.AsNoTracking().Where(w => w.SubjectId == _enquiryId && w.Kind == WorkKind.InitialConference && w.ClosedAt == null)
            .ToListAsync();
        return (enquiry, open);
    }

    [Fact]
    public async Task ConferenceNotRequired_NeedsItsReason_EndsTheEnquiry_AndClosesTheConferencesWork()
    {
        (await ReadAsync()).OpenConference.ShouldHaveSingleItem();
        await using (var db = As(_sam))
        {
            var noReason = await Outcomes(db).ConcludeAsync(_enquiryId, 1, Section47Outcome.ChildInNeedPlan, "  ");
            noReason.Errors.ShouldHaveSingleItem().Message.ShouldBe("Enter why a conference is not required");
            (await Outcomes(db).ConcludeAsync(_enquiryId, 1, Section47Outcome.ChildInNeedPlan, "Injury explained; support at home agreed."))
                .Outcome.ShouldBe(StrategyOutcome.Recorded);
        }

        var (enquiry, open) = await ReadAsync();
        enquiry.IsOpen.ShouldBeFalse();
        enquiry.Outcome.ShouldBe(Section47Outcome.ChildInNeedPlan);
        enquiry.ConferenceRequired.ShouldBeFalse();
        enquiry.OutcomeReasons.ShouldBe("Injury explained; support at home agreed.");
        enquiry.EndedOn.ShouldBe(TimeLimits.UkDay(_time.GetUtcNow()));
        open.ShouldBeEmpty();
        await using var read = _database.CreateContext(_time, Actor.System);
        (await read.Events.CountAsync(e => e.SubjectId == _enquiryId && e.Type == Section47Concluded.Name)).ShouldBe(1);
        (await read.CaseAllocations.Where(a => a.PersonId == _personId && a.EndedAt == null).Select(a => a.CountsAs).SingleAsync())
            .ShouldBe(CaseKind.ChildInNeed);
    }

    [Fact]
    public async Task AConferenceOutcome_KeepsTheConferenceOnTheWorkersTray()
    {
        await using (var db = As(_sam))
        {
            (await Outcomes(db).ConcludeAsync(_enquiryId, 1, Section47Outcome.InitialChildProtectionConference, "Concerns substantiated."))
                .Outcome.ShouldBe(StrategyOutcome.Recorded);
        }

        var (enquiry, open) = await ReadAsync();
        enquiry.ConferenceRequired.ShouldBeTrue();
        open.ShouldHaveSingleItem().OwnerUserId.ShouldBe(_sam.Id);
    }

    [Fact]
    public async Task TwoPeopleConcludingAtOnce_OneOutcomeIsKept_TheOtherIsToldItChanged()
    {
        await using var first = As(_sam);
        await using var second = As(_manager);

        var results = await Task.WhenAll(
            Task.Run(() => Outcomes(first).ConcludeAsync(_enquiryId, 1, Section47Outcome.NoFurtherAction, "No concerns found.")),
            Task.Run(() => Outcomes(second).ConcludeAsync(_enquiryId, 1, Section47Outcome.InitialChildProtectionConference, "Concerns substantiated.")));

        results.Select(r => r.Outcome).ShouldBe([StrategyOutcome.Recorded, StrategyOutcome.ChangedElsewhere], ignoreOrder: true);
        await using var read = _database.CreateContext(_time, Actor.System);
        (await read.Events.CountAsync(e => e.SubjectId == _enquiryId && e.Type == Section47Concluded.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task AnOutcomeNotOnTheList_IsRefused()
    {
        await using var db = As(_sam);
        var result = await Outcomes(db).ConcludeAsync(_enquiryId, 1, (Section47Outcome)42, "Reasons");
        result.Outcome.ShouldBe(StrategyOutcome.Invalid);
        (await ReadAsync()).Enquiry.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public async Task TheOversightCounts_StrategyDiscussionsWithoutEachStatutoryPartner_InTheLastThreeMonths()
    {
        await using (var db = As(_sam))
        {
            var input = new StrategyDiscussionInput(_personId, _time.GetUtcNow().AddMinutes(-10),
                [new(Agency.ChildrensSocialCare, "Sam Okafor", "Social worker"), new(Agency.Police, "DC Alex Moore", "CAIU")],
                null, "The GP could not join at short notice.", "The school is closed for half term.", "A second incident reported by the police.",
                true, "The enquiry continues.", []);
            (await Strategy(db).RecordAsync(input)).Outcome.ShouldBe(StrategyOutcome.Recorded);
        }

        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            (await new StrategyPartnerOversight(db).CountAsync()).ShouldBe(new StrategyPartnerCounts(2, 0, 1, 1));
        }
        _time.Advance(TimeSpan.FromDays(100));
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            (await new StrategyPartnerOversight(db).CountAsync()).ShouldBe(new StrategyPartnerCounts(0, 0, 0, 0));
        }
    }
}
