using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Enquiring;

/// <summary>
/// Strategy discussions on a real database (either provider), about a child whose referral was allocated through the
/// allocation service: who took part (and why a statutory partner did not), the actions on their owners' trays, the event,
/// and the section 47 enquiry a discussion begins, with the initial conference's target on the worker's tray and moved by
/// a later discussion in the same enquiry.
/// </summary>
public sealed class StrategyDiscussionsTests : IAsyncLifetime
{
    // Thursday 26 March 2026, 14:00 UK time (GMT; the clocks go forward on Sunday 29 March). Good Friday is 3 April 2026
    // and Easter Monday 6 April 2026, so 15 working days run across both bank holidays.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 26, 14, 0, 0, TimeSpan.Zero));
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private TestDatabase _database = default!;
    private Team _team = default!;
    private StaffUser _manager = default!;
    private StaffUser _sam = default!;
    private StaffUser _nia = default!;
    private Organisation _police = default!;

    private DateOnly Today => TimeLimits.UkDay(_time.GetUtcNow());
    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Thursday 26 March 2026, 11:00 UK time: the first discussion in most tests.</summary>
    private static readonly DateTimeOffset Thursday11 = TimeLimits.UkLocal(new DateOnly(2026, 3, 26), new TimeOnly(11, 0));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using var db = _database.CreateContext(_time, Actor.System);
        var council = await TestData.CreateCouncilAsync(db);
        _team = council.Assessment;
        _police = council.Police;
        _manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, _team.Id);
        _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, _team.Id);
        _nia = await AllocationTestData.StaffAsync(db, "Nia Patel", Roles.SocialWorker, _team.Id);
        await AllocationTestData.QualifyAsync(db, _sam.Id, Today, childProtectionTrained: true);
        await AllocationTestData.QualifyAsync(db, _nia.Id, Today, childProtectionTrained: true);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private static StrategyDiscussions Service(SafeguardDbContext db) => new(db, new WorkItems(db, new WorkClocks(Calendar)), Calendar);

    private static Allocations Allocations(SafeguardDbContext db) => AllocationTestData.AllocationService(db);

    /// <summary>Maya Green's referral, made yesterday and allocated to Sam by the manager after a discussion.</summary>
    private async Task<Referral> AllocatedAsync()
    {
        Referral referral;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            referral = await AllocationTestData.ReferralAwaitingAllocationAsync(db, _team.Id, Now.AddDays(-1), "Maya", "Green", false);
        }
        await using (var db = As(_manager))
        {
            var discussion = new AllocationDiscussion(Now.AddHours(-1), _manager.Id, _sam.Id, [new AgreedAction("See Maya alone", Today.AddDays(2))],
                "Bruising seen at school", null);
            var result = await Allocations(db).AllocateAsync(referral.Id, discussion, CaseKind.ChildInNeed, null, null, referral.Version);
            result.Outcome.ShouldBe(AllocationOutcome.Done, string.Join("; ", result.Errors.Select(e => e.Message)));
        }
        return referral;
    }

    private static readonly ParticipantInput Social = new(Agency.ChildrensSocialCare, "Sam Okafor", "Social worker");
    private static readonly ParticipantInput Police = new(Agency.Police, "DS Priya Khan", "Detective sergeant, child abuse investigation");
    private static readonly ParticipantInput Health = new(Agency.Health, "Dr Amir Shah", "Named doctor");
    private static readonly ParticipantInput Education = new(Agency.Education, "Jo Lane", "Designated safeguarding lead");

    /// <summary>Everything a discussion needs: all four agencies, no section 47 enquiry, one action for Nia due Monday 30 March.</summary>
    private StrategyDiscussionInput Full(Guid personId, DateTimeOffset? heldAt = null, bool section47 = false, params ParticipantInput[] who) =>
        new(personId, heldAt ?? Thursday11, who.Length == 0 ? [Social, Police, Health, Education] : who, null, null, null,
            "  School saw bruising on Maya's arm; police know of two call-outs to the home.  ", section47,
            "  The bruising and the call-outs together meet the threshold.  ",
            [new StrategyActionInput("Police check on the father", new DateOnly(2026, 3, 30), _nia.Id)]);

    private async Task<StrategyResult> RecordAsync(StrategyDiscussionInput input, bool checkOnly = false)
    {
        await using var db = As(_sam);
        return await Service(db).RecordAsync(input, checkOnly);
    }

    private async Task<Guid> RecordedAsync(StrategyDiscussionInput input)
    {
        var result = await RecordAsync(input);
        result.Outcome.ShouldBe(StrategyOutcome.Recorded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Id!.Value;
    }

    private async Task<StrategyDiscussionView> ReadAsync(Guid id)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return (await Service(db).FindAsync(id)).ShouldNotBeNull();
    }

    private async Task<T> EventAsync<T>(Guid subjectId) where T : class, IEvent
    {
        var name = T.Name;
        await using var db = _database.CreateContext(_time, Actor.System);
        var stored = await db.Events.AsNoTracking().Where(e => e.SubjectId == subjectId && e.Type == name).SingleAsync();
        return EventCatalogue.Read(stored.Type, stored.Data).ShouldBeOfType<T>();
    }

    private async Task<List<Section47Enquiry>> EnquiriesAsync(Guid personId)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return await db.Section47Enquiries.AsNoTracking().Where(e => e.PersonId == personId).ToListAsync();
    }

    private async Task<List<WorkItem>> OpenWorkAsync(Guid subjectId, WorkKind kind)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        return await db.WorkItems.AsNoTracking().Where(w => w.SubjectId == subjectId && w.Kind == kind && w.ClosedAt == null).ToListAsync();
    }

    [Fact]
    public async Task Recording_WithPoliceHealthAndEducation_KeepsWhoTookPart_WritesTheEvent_AndPutsTheActionOnItsOwnersTray()
    {
        var referral = await AllocatedAsync();

        var id = await RecordedAsync(Full(referral.PersonId));

        var d = await ReadAsync(id);
        d.PersonId.ShouldBe(referral.PersonId);
        d.ChildName.ShouldBe("Maya Green");
        d.HeldAt.ShouldBe(Thursday11);
        d.RecordedByName.ShouldBe("Sam Okafor");
        d.Participants.ShouldBe(
        [
            (Agency.ChildrensSocialCare, "Sam Okafor", "Social worker"),
            (Agency.Police, "DS Priya Khan", "Detective sergeant, child abuse investigation"),
            (Agency.Health, "Dr Amir Shah", "Named doctor"),
            (Agency.Education, "Jo Lane", "Designated safeguarding lead"),
        ], ignoreOrder: true);
        d.Absent.ShouldBeEmpty();
        d.InformationShared.ShouldBe("School saw bruising on Maya's arm; police know of two call-outs to the home.");
        d.Section47.ShouldBeFalse();
        d.DecisionReasons.ShouldBe("The bruising and the call-outs together meet the threshold.");
        (d.EnquiryStartedOn, d.InitialConferenceTargetOn).ShouldBe((null, null));
        var shown = d.Actions.ShouldHaveSingleItem();
        shown.Title.ShouldBe("Police check on the father (Maya Green)");
        shown.Owner.ShouldBe("Nia Patel");

        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var stored = await db.StrategyDiscussions.AsNoTracking().SingleAsync(s => s.Id == id);
            (stored.ReferralId, stored.RecordedBy, stored.Section47EnquiryId).ShouldBe((referral.Id, _sam.Id, (Guid?)null));
            (stored.PoliceAbsentReason, stored.HealthAbsentReason, stored.EducationAbsentReason).ShouldBe((null, null, null));
            (await db.StrategyParticipants.CountAsync(p => p.StrategyDiscussionId == id)).ShouldBe(4);
        }
        var item = (await OpenWorkAsync(id, WorkKind.AgreedAction)).ShouldHaveSingleItem();
        item.OwnerUserId.ShouldBe(_nia.Id);
        item.OwnerTeamId.ShouldBe(_team.Id);
        item.PersonId.ShouldBe(referral.PersonId);
        item.Priority.ShouldBe(Priority.Urgent, "no section 47 enquiry");
        // 17:00 UK time on Monday 30 March 2026, which is British Summer Time: 16:00 UTC.
        item.DueAt.ShouldBe(new DateTimeOffset(2026, 3, 30, 16, 0, 0, TimeSpan.Zero));
        item.DueAt.ShouldBe(TimeLimits.EndOfDay(new DateOnly(2026, 3, 30)));
        shown.DueAt.ShouldBe(item.DueAt);

        var held = await EventAsync<StrategyDiscussionHeld>(id);
        held.StrategyDiscussionId.ShouldBe(id);
        held.HeldAt.ShouldBe(Thursday11);
        held.AgenciesPresent.ShouldBe([Agency.ChildrensSocialCare, Agency.Police, Agency.Health, Agency.Education], ignoreOrder: true);
        held.Absent.ShouldBeEmpty();
        (held.Section47, held.Actions).ShouldBe((false, 1));
        (await EnquiriesAsync(referral.PersonId)).ShouldBeEmpty("no section 47 enquiry was decided");
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var listed = (await Service(db).ForChildAsync(referral.PersonId)).ShouldHaveSingleItem();
            (listed.Id, listed.Section47, listed.Absent).ShouldBe((id, false, 0));
        }
    }

    [Fact]
    public async Task EachMissingStatutoryPartner_NeedsAReason_OneErrorPerAgency()
    {
        var referral = await AllocatedAsync();
        var referrer = new ParticipantInput(Agency.Referrer, "Ann Lee", "Neighbour");

        var result = await RecordAsync(Full(referral.PersonId, who: [Social, referrer]));

        result.Outcome.ShouldBe(StrategyOutcome.Invalid);
        result.Errors.ShouldBe(
        [
            (StrategyFields.AbsentReason(Agency.Police), "Police did not take part: say why"),
            (StrategyFields.AbsentReason(Agency.Health), "Health did not take part: say why"),
            (StrategyFields.AbsentReason(Agency.Education), "Education did not take part: say why"),
        ], ignoreOrder: true);
        StrategyFields.AbsentReason(Agency.Health).ShouldBe("HealthAbsentReason", "the form's own field name");
    }

    [Theory]
    [InlineData(Agency.Police)]
    [InlineData(Agency.Health)]
    [InlineData(Agency.Education)]
    public async Task OneMissingStatutoryPartner_WithoutAReason_IsTheOnlyError(Agency missing)
    {
        var referral = await AllocatedAsync();
        var who = new[] { Social, Police, Health, Education }.Where(p => p.Agency != missing).ToArray();

        var result = await RecordAsync(Full(referral.PersonId, who: who) with { PoliceAbsentReason = " ", HealthAbsentReason = "", EducationAbsentReason = null });

        result.Outcome.ShouldBe(StrategyOutcome.Invalid);
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(StrategyFields.AbsentReason(missing));
    }

    [Fact]
    public async Task ReasonsForMissingPartners_AreKept_AndShownAsAbsent_ButAReasonForOneWhoTookPartIsNot()
    {
        var referral = await AllocatedAsync();
        var input = Full(referral.PersonId, who: [Social, Police]) with
        {
            PoliceAbsentReason = "Typed before the police joined",
            HealthAbsentReason = "  The GP surgery could not release anyone at short notice  ",
            EducationAbsentReason = "School holidays: the safeguarding lead was unreachable",
        };

        var id = await RecordedAsync(input);

        var d = await ReadAsync(id);
        d.Absent.ShouldBe(
        [
            new AbsentAgency(Agency.Health, "The GP surgery could not release anyone at short notice"),
            new AbsentAgency(Agency.Education, "School holidays: the safeguarding lead was unreachable"),
        ]);
        d.Participants.Select(p => p.Agency).ShouldBe([Agency.ChildrensSocialCare, Agency.Police], ignoreOrder: true);
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            (await db.StrategyDiscussions.AsNoTracking().Where(s => s.Id == id).Select(s => s.PoliceAbsentReason).SingleAsync())
                .ShouldBeNull("the police took part, so no reason for their absence is kept");
            (await Service(db).ForChildAsync(referral.PersonId)).ShouldHaveSingleItem().Absent.ShouldBe(2);
        }
        var held = await EventAsync<StrategyDiscussionHeld>(id);
        held.Absent.ShouldBe(d.Absent, ignoreOrder: true);
        held.Describe().ShouldContain("not taking part: health, education");
    }

    [Fact]
    public async Task OnlyChildrensSocialCareTakingPart_IsRefused()
    {
        var referral = await AllocatedAsync();
        var manager = new ParticipantInput(Agency.ChildrensSocialCare, "Martin Hughes", "Team manager");

        var result = await RecordAsync(Full(referral.PersonId, who: [Social, manager]) with
        {
            PoliceAbsentReason = "Not invited", HealthAbsentReason = "Not invited", EducationAbsentReason = "Not invited",
        });

        result.Outcome.ShouldBe(StrategyOutcome.Invalid);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(StrategyFields.Participants);
        error.Message.ShouldContain("involves other agencies");
    }

    [Fact]
    public async Task WithoutChildrensSocialCare_IsRefused()
    {
        var referral = await AllocatedAsync();

        var result = await RecordAsync(Full(referral.PersonId, who: [Police, Health, Education]));

        result.Outcome.ShouldBe(StrategyOutcome.Invalid);
        result.Errors.ShouldHaveSingleItem().ShouldBe((StrategyFields.Participants, "Add who took part from children's social care"));
    }

    [Fact]
    public async Task AnActionForSomeoneWhoIsNotCouncilStaff_IsRefused_AsTheOwnerChoicesLeaveThemOut()
    {
        var referral = await AllocatedAsync();
        StaffUser partner;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            partner = await AllocationTestData.StaffAsync(db, "PC Jones", Roles.PartnerReferrer, null);
            (await db.Users.SingleAsync(u => u.Id == partner.Id)).OrganisationId = _police.Id;
            await db.SaveChangesAsync();
            (await Service(db).OwnerChoicesAsync()).Select(o => o.Id).ShouldBe([_manager.Id, _nia.Id, _sam.Id], ignoreOrder: true);
        }

        var result = await RecordAsync(Full(referral.PersonId) with
        {
            Actions = [new StrategyActionInput("Police check on the father", new DateOnly(2026, 3, 30), partner.Id)],
        });

        result.Outcome.ShouldBe(StrategyOutcome.Invalid, "a partner agency's account is not a member of staff an action can be given to");
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Actions[0].OwnerId");
    }

    [Fact]
    public async Task HeldInTheFuture_OrBeforeTheReferral_IsRefused_ButOnTheReferralDayOrJustNowIsNot()
    {
        var referral = await AllocatedAsync();

        var future = await RecordAsync(Full(referral.PersonId, heldAt: Now.AddMinutes(1)));
        var beforeReferral = await RecordAsync(Full(referral.PersonId, heldAt: TimeLimits.UkLocal(referral.ReferralDate.AddDays(-1), new TimeOnly(16, 0))));
        var missing = await RecordAsync(Full(referral.PersonId) with { HeldAt = null });

        future.Errors.ShouldHaveSingleItem().Field.ShouldBe(StrategyFields.HeldAt);
        future.Errors[0].Message.ShouldContain("held already");
        beforeReferral.Errors.ShouldHaveSingleItem().ShouldBe((StrategyFields.HeldAt, "The strategy discussion must be on or after the referral, 25 March 2026"));
        missing.Errors.ShouldHaveSingleItem().Field.ShouldBe(StrategyFields.HeldAt);
        (await RecordAsync(Full(referral.PersonId, heldAt: TimeLimits.UkLocal(referral.ReferralDate, new TimeOnly(0, 5))))).Outcome
            .ShouldBe(StrategyOutcome.Recorded);
        (await RecordAsync(Full(referral.PersonId, heldAt: Now))).Outcome.ShouldBe(StrategyOutcome.Recorded);
    }

    [Fact]
    public async Task CheckOnly_NeverSaves_EvenWhenEverythingIsRight()
    {
        var referral = await AllocatedAsync();

        var right = await RecordAsync(Full(referral.PersonId, section47: true), checkOnly: true);
        var wrong = await RecordAsync(Full(referral.PersonId, section47: true, who: [Police]), checkOnly: true);

        right.Outcome.ShouldBe(StrategyOutcome.Invalid, "the form found something it could not read, so nothing is recorded");
        right.Errors.ShouldBeEmpty();
        right.Id.ShouldBeNull();
        wrong.Outcome.ShouldBe(StrategyOutcome.Invalid);
        wrong.Errors.Select(e => e.Field).ShouldBe(
            [StrategyFields.Participants, StrategyFields.AbsentReason(Agency.Health), StrategyFields.AbsentReason(Agency.Education)], ignoreOrder: true);
        await using var db = _database.CreateContext(_time, Actor.System);
        (await db.StrategyDiscussions.CountAsync()).ShouldBe(0);
        (await db.StrategyParticipants.CountAsync()).ShouldBe(0);
        (await db.Section47Enquiries.CountAsync()).ShouldBe(0);
        (await db.WorkItems.CountAsync(w => w.Kind == WorkKind.InitialConference)).ShouldBe(0);
        (await db.WorkItems.CountAsync(w => w.Kind == WorkKind.AgreedAction && w.OwnerUserId == _nia.Id)).ShouldBe(0, "only the allocation's action, which is Sam's");
        (await db.Events.CountAsync(e => e.Type == StrategyDiscussionHeld.Name || e.Type == Section47Started.Name)).ShouldBe(0);
    }

    [Fact]
    public async Task ASection47Decision_StartsTheEnquiryOnTheDiscussionsDate_WithTheConferenceDue15WorkingDaysLater_OnTheWorkersTray()
    {
        var referral = await AllocatedAsync();

        var id = await RecordedAsync(Full(referral.PersonId, section47: true));

        // 15 working days after Thursday 26 March 2026, leaving out Good Friday (3 April) and Easter Monday (6 April).
        var target = new DateOnly(2026, 4, 20);
        InitialConferenceDueRule.TargetOn(Calendar, Thursday11).ShouldBe(target);
        Calendar.AddWorkingDays(new DateOnly(2026, 3, 26), 15).ShouldBe(target);
        var enquiry = (await EnquiriesAsync(referral.PersonId)).ShouldHaveSingleItem();
        enquiry.StartedOn.ShouldBe(new DateOnly(2026, 3, 26));
        enquiry.ReferralId.ShouldBe(referral.Id);
        enquiry.InitialConferenceTargetOn.ShouldBe(target);
        enquiry.IsOpen.ShouldBeTrue();

        var conference = (await OpenWorkAsync(enquiry.Id, WorkKind.InitialConference)).ShouldHaveSingleItem();
        conference.Priority.ShouldBe(Priority.ChildProtection);
        conference.OwnerUserId.ShouldBe(_sam.Id, "the allocated worker holds the case");
        conference.OwnerTeamId.ShouldBe(_team.Id);
        conference.PersonId.ShouldBe(referral.PersonId);
        conference.Title.ShouldBe("Initial child protection conference: Maya Green");
        // 17:00 UK time on Monday 20 April 2026 (British Summer Time): 16:00 UTC.
        conference.DueAt.ShouldBe(new DateTimeOffset(2026, 4, 20, 16, 0, 0, TimeSpan.Zero));
        conference.DueAt.ShouldBe(TimeLimits.EndOfDay(target));
        (await OpenWorkAsync(id, WorkKind.AgreedAction)).ShouldHaveSingleItem().Priority.ShouldBe(Priority.ChildProtection);

        var d = await ReadAsync(id);
        (d.Section47, d.EnquiryStartedOn, d.InitialConferenceTargetOn).ShouldBe((true, (DateOnly?)new DateOnly(2026, 3, 26), (DateOnly?)target));
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            (await db.StrategyDiscussions.Where(s => s.Id == id).Select(s => s.Section47EnquiryId).SingleAsync()).ShouldBe(enquiry.Id);
        }
        var started = await EventAsync<Section47Started>(enquiry.Id);
        started.ShouldBe(new Section47Started(enquiry.Id, id, new DateOnly(2026, 3, 26), target));
        (await EventAsync<StrategyDiscussionHeld>(id)).Section47.ShouldBeTrue();
    }

    [Fact]
    public async Task ALaterDiscussionInTheSameEnquiry_MovesTheTargetAndTheConferencesDueTime_WithoutASecondEnquiry()
    {
        var referral = await AllocatedAsync();
        var first = await RecordedAsync(Full(referral.PersonId, section47: true));
        var enquiry = (await EnquiriesAsync(referral.PersonId)).ShouldHaveSingleItem();
        _time.Advance(TimeSpan.FromDays(6)); // Wednesday 1 April 2026, 15:00 UK time
        var wednesday10 = TimeLimits.UkLocal(new DateOnly(2026, 4, 1), new TimeOnly(10, 0));

        var second = await RecordedAsync(Full(referral.PersonId, heldAt: wednesday10, section47: true) with
        {
            Actions = [new StrategyActionInput("Joint visit with the police", new DateOnly(2026, 4, 2), _sam.Id)],
        });

        // 15 working days after Wednesday 1 April 2026, leaving out Good Friday and Easter Monday.
        var moved = new DateOnly(2026, 4, 24);
        var after = (await EnquiriesAsync(referral.PersonId)).ShouldHaveSingleItem("the same enquiry goes on");
        after.Id.ShouldBe(enquiry.Id);
        after.StartedOn.ShouldBe(new DateOnly(2026, 3, 26), "the enquiry began with the first discussion");
        after.InitialConferenceTargetOn.ShouldBe(moved);
        var conference = (await OpenWorkAsync(enquiry.Id, WorkKind.InitialConference)).ShouldHaveSingleItem();
        conference.DueAt.ShouldBe(new DateTimeOffset(2026, 4, 24, 16, 0, 0, TimeSpan.Zero));
        conference.DueAt.ShouldBe(TimeLimits.EndOfDay(moved));
        (conference.OwnerUserId, conference.Priority).ShouldBe((_sam.Id, Priority.ChildProtection));

        var movedEvent = await EventAsync<InitialConferenceTargetMoved>(enquiry.Id);
        movedEvent.ShouldBe(new InitialConferenceTargetMoved(enquiry.Id, second, new DateOnly(2026, 4, 20), moved));
        movedEvent.Describe().ShouldContain("from 20 April 2026 to 24 April 2026");
        await using var db = _database.CreateContext(_time, Actor.System);
        (await db.Events.CountAsync(e => e.Type == Section47Started.Name && e.PersonId == referral.PersonId)).ShouldBe(1);
        (await db.StrategyDiscussions.Where(s => s.Id == second).Select(s => s.Section47EnquiryId).SingleAsync()).ShouldBe(enquiry.Id);
        (await Service(db).FindAsync(first)).ShouldNotBeNull().InitialConferenceTargetOn.ShouldBe(moved, "both discussions show the enquiry's target");
        (await Service(db).ForChildAsync(referral.PersonId)).Select(s => s.Id).ShouldBe([second, first], "the latest first");
    }

    [Fact]
    public async Task ADiscussionRecordedLate_ButHeldBeforeTheEnquirysLatest_DoesNotMoveTheTargetBack()
    {
        var referral = await AllocatedAsync();
        _time.Advance(TimeSpan.FromDays(6)); // Wednesday 1 April 2026
        var wednesday10 = TimeLimits.UkLocal(new DateOnly(2026, 4, 1), new TimeOnly(10, 0));
        await RecordedAsync(Full(referral.PersonId, heldAt: wednesday10, section47: true) with { Actions = [] });
        var enquiry = (await EnquiriesAsync(referral.PersonId)).ShouldHaveSingleItem();
        enquiry.InitialConferenceTargetOn.ShouldBe(new DateOnly(2026, 4, 24));

        // Thursday's discussion, typed up only now: it is not the latest in the enquiry, so the target stays.
        await RecordedAsync(Full(referral.PersonId, heldAt: Thursday11, section47: true) with { Actions = [] });

        (await EnquiriesAsync(referral.PersonId)).ShouldHaveSingleItem().InitialConferenceTargetOn
            .ShouldBe(new DateOnly(2026, 4, 24), "the target runs from the latest strategy discussion in the enquiry");
        (await OpenWorkAsync(enquiry.Id, WorkKind.InitialConference)).ShouldHaveSingleItem().DueAt.ShouldBe(TimeLimits.EndOfDay(new DateOnly(2026, 4, 24)));
    }

    [Fact]
    public async Task ADiscussionOnASaturday_PutsTheConferenceOnTheTrayDueAtTheEndOfTheTargetDay()
    {
        var referral = await AllocatedAsync();
        _time.Advance(TimeSpan.FromDays(4)); // Monday 30 March 2026
        var saturday = TimeLimits.UkLocal(new DateOnly(2026, 3, 28), new TimeOnly(10, 0));

        await RecordedAsync(Full(referral.PersonId, heldAt: saturday, section47: true));

        // 15 working days after Saturday 28 March 2026 (Monday 30 March is the first), leaving out Good Friday and Easter Monday.
        var target = new DateOnly(2026, 4, 21);
        var enquiry = (await EnquiriesAsync(referral.PersonId)).ShouldHaveSingleItem();
        enquiry.InitialConferenceTargetOn.ShouldBe(target);
        (await OpenWorkAsync(enquiry.Id, WorkKind.InitialConference)).ShouldHaveSingleItem().DueAt
            .ShouldBe(TimeLimits.EndOfDay(target), "the tray and the enquiry must read the same day (one clock engine)");
    }

    [Fact]
    public async Task AChildWithNoOpenReferral_IsNotFound()
    {
        Guid noReferral, closed;
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            noReferral = (await TestData.PersonAsync(db, "Noah", "Without", new DateOnly(2015, 6, 1))).Id;
            var child = await TestData.PersonAsync(db, "Cleo", "Closed", new DateOnly(2016, 2, 1));
            var referral = new Referral(child.Id, null, Today.AddDays(-20), "2A", _team.Id) { Status = ReferralStatus.Closed, ClosedOn = Today.AddDays(-2) };
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
            closed = child.Id;
        }

        (await RecordAsync(Full(noReferral, section47: true))).Outcome.ShouldBe(StrategyOutcome.NotFound);
        (await RecordAsync(Full(closed, section47: true))).Outcome.ShouldBe(StrategyOutcome.NotFound);
        await using var read = _database.CreateContext(_time, Actor.System);
        (await Service(read).CaseOfAsync(noReferral)).ShouldBeNull();
        (await Service(read).CaseOfAsync(closed)).ShouldBeNull();
        (await read.StrategyDiscussions.CountAsync()).ShouldBe(0);
        (await read.Section47Enquiries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task StartingTheEnquiry_CountsTheCaseAsChildProtection_InTheWorkersCaseload()
    {
        var referral = await AllocatedAsync();
        async Task<CaseKind> CountsAsAsync()
        {
            await using var db = _database.CreateContext(_time, Actor.System);
            return await db.CaseAllocations.Where(a => a.ReferralId == referral.Id && a.EndedAt == null).Select(a => a.CountsAs).SingleAsync();
        }
        (await CountsAsAsync()).ShouldBe(CaseKind.ChildInNeed);

        await RecordedAsync(Full(referral.PersonId, section47: false));
        (await CountsAsAsync()).ShouldBe(CaseKind.ChildInNeed, "no section 47 enquiry was decided");

        await RecordedAsync(Full(referral.PersonId, section47: true));
        (await CountsAsAsync()).ShouldBe(CaseKind.ChildProtection);
    }
}
