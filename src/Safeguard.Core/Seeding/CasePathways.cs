using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Allocation;
using Safeguard.Core.Assessments;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.CaseWork;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Closure;
using Safeguard.Core.Conferences;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding;

/// <summary>A case to walk once it is allocated: its referral, and the story of the contact behind it.</summary>
internal sealed record CasePath(Guid ReferralId, DemoContact Story);

/// <summary>
/// Walks allocated cases through the services a worker's pages use, on a <see cref="SeedClock"/> moved through
/// the past, so every step has its record, its work items and its typed event, dated on its day: the assessment (started
/// at allocation, completed by its worker, authorised by their manager); then a child in need plan and its reviews, or a
/// strategy discussion, section 47 enquiry and initial conference, and a child protection plan with its core groups,
/// visits and review conferences; and, where the story closes the case, the plan's end at a review and the closure.
/// Each step is recorded as its worker would have recorded it; a step the services refuse stops the seed. A step that
/// would fall after now is left undone: its work item stays open on the tray, as it would in a live council. The demo
/// council walks its allocated cases this way, and so does the large council its recent ones.
/// </summary>
internal sealed class CasePathways : IAsyncDisposable
{
    private static readonly TimeOnly Morning = new(10, 0), Afternoon = new(14, 0), LateAfternoon = new(16, 0);

    private readonly SafeguardDbContext _db;
    private readonly SeedClock _clock;
    private readonly IWorkingDayCalendar _calendar;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<Guid, StaffUser> _staff;
    private readonly StaffUser _chair;
    private readonly ChildAndFamilyAssessments _assessments;
    private readonly ChildInNeedPlans _childInNeedPlans;
    private readonly StrategyDiscussions _strategy;
    private readonly Section47Outcomes _enquiries;
    private readonly ChildProtectionConferences _conferences;
    private readonly CaseNotes.CaseNotes _notes;
    private readonly CaseClosures _closures;

    public CasePathways(DbContextOptions<SafeguardDbContext> options, IWorkingDayCalendar calendar, VisitSettings visitSettings, DateTimeOffset now,
        IEnumerable<StaffUser> staff, StaffUser chair)
    {
        _clock = new SeedClock(now);
        _now = now;
        _calendar = calendar;
        _staff = staff.ToDictionary(u => u.Id);
        _chair = chair;
        _db = new SafeguardDbContext(options, new FixedActorContext(Actor.System), _clock);
        var work = new WorkItems(_db, new WorkClocks(calendar));
        var settings = Options.Create(visitSettings);
        var visits = new ProtectionVisits(_db, work, calendar, settings);
        _childInNeedPlans = new ChildInNeedPlans(_db, work, calendar, settings);
        _assessments = new ChildAndFamilyAssessments(_db, work, calendar, _childInNeedPlans);
        _strategy = new StrategyDiscussions(_db, work, calendar);
        _enquiries = new Section47Outcomes(_db, work, _childInNeedPlans);
        _conferences = new ChildProtectionConferences(_db, work, calendar, visits, _childInNeedPlans);
        _notes = new CaseNotes.CaseNotes(_db, visits);
        _closures = new CaseClosures(_db, work, _childInNeedPlans);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>
    /// A demo contact's events on each child's record, as the front door records them: received (from the partner, or
    /// typed in by <paramref name="frontDoorWorker"/>) and, once screened, decided by them.
    /// </summary>
    public async Task ContactAsync(Guid contactId, StaffUser frontDoorWorker, CancellationToken ct)
    {
        var contact = await _db.Contacts.AsNoTracking().Include(c => c.Children).SingleAsync(c => c.Id == contactId, ct);
        _clock.Now = contact.ReceivedAt;
        _db.ActingAs = contact.ReferringOrganisationId is { } partner && contact.Channel is ContactChannel.PartnerApi or ContactChannel.PartnerPage
            ? new Actor(null, contact.ReferrerName, partner)
            : new Actor(frontDoorWorker.Id, frontDoorWorker.DisplayName);
        foreach (var child in contact.Children)
        {
            _db.Record(new ContactReceived(contact.Id, contact.Reference, contact.Channel, contact.ReferrerName, contact.ReferrerOrganisationName,
                contact.Priority, ContactReceived.Excerpt(contact.Concern)), child.PersonId, nameof(Contact), contact.Id);
        }
        await _db.SaveChangesAsync(ct);
        if (contact.Outcome is not { } outcome || contact.DecidedAt is not { } decidedAt) return;
        Act(decidedAt, frontDoorWorker.Id);
        foreach (var child in contact.Children)
        {
            _db.Record(new ContactDecided(contact.Id, contact.Reference, outcome), child.PersonId, nameof(Contact), contact.Id, contact.DecisionReasons);
        }
        await _db.SaveChangesAsync(ct);
    }

    public async Task WalkAsync(CasePath path, CancellationToken ct)
    {
        var referral = await _db.Referrals.AsNoTracking().SingleAsync(r => r.Id == path.ReferralId, ct);
        var spells = await _db.CaseAllocations.AsNoTracking().Where(a => a.ReferralId == referral.Id).OrderBy(a => a.AllocatedAt).ToListAsync(ct);
        var story = path.Story;
        try
        {
            if (await AssessAsync(referral, spells, story, ct) is not { } authorisedOn) return;
            var endsOn = story.ClosedDaysAgo is { } daysAgo ? _calendar.LatestWorkingDayOnOrBefore(TimeLimits.UkDay(_now).AddDays(-(int)daysAgo))
                : story.ClosesWorkingDaysAfterAssessment is { } days ? _calendar.AddWorkingDays(authorisedOn, days - 2)
                : (DateOnly?)null;
            if (story.Plan == PlanKind.ChildInNeed) await ReviewChildInNeedPlanAsync(referral, spells, endsOn, ct);
            if (story.Plan == PlanKind.ChildProtection) await ProtectAsync(referral, spells, story, authorisedOn, ct);
            if (endsOn is { } closedOn) await CloseAsync(referral, spells, closedOn, story.Plan is null ? "RC8" : "RC7", ct);
        }
        finally
        {
            // One context walks every case: what it tracked for this one is done with.
            _db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// A child's move that their worker heard of and recorded on the child's record the next working day, as the "Change
    /// address" page records it, so the demo chronology shows a change of address.
    /// </summary>
    public async Task MoveAsync(Guid referralId, AddressInput move, CancellationToken ct)
    {
        var referral = await _db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId, ct);
        Act(TimeLimits.UkLocal(_calendar.AddWorkingDays(move.MovedOn!.Value, 1), Morning), referral.AllocatedWorkerId!.Value);
        var result = await new PersonFamilyRecords(_db, new ExactPersonLinker()).ChangeAddressAsync(referral.PersonId, move, ct: ct);
        if (result.Outcome != HouseholdOutcome.Saved) throw Refused("record the move", await _db.PersonNameAsync(referral.PersonId, ct), result.Errors);
    }

    /// <summary>
    /// Started at allocation, completed by its worker (within 8 working days for a child protection case, 30 otherwise),
    /// authorised the next day; the day of authorisation, or null while that is still to come.
    /// </summary>
    private async Task<DateOnly?> AssessAsync(Referral referral, List<CaseAllocation> spells, DemoContact story, CancellationToken ct)
    {
        var first = spells[0];
        var child = await _db.PersonNameAsync(referral.PersonId, ct);
        Act(first.AllocatedAt, first.ManagerId);
        var tracked = await _db.Referrals.SingleAsync(r => r.Id == referral.Id, ct);
        var priority = story.Plan == PlanKind.ChildProtection ? Priority.ChildProtection : story.Priority;
        await _assessments.StartAsync(tracked, first.WorkerId, _staff[first.WorkerId].DisplayName, first.TeamId, priority, child, first.AllocatedAt, ct);
        await _db.SaveChangesAsync(ct);
        if (story.Plan == PlanKind.ChildProtection && !await DiscussAsync(referral, spells, story, first.AllocatedAt, ct)) return null;

        var assessment = await _db.Assessments.AsNoTracking().SingleAsync(a => a.ReferralId == referral.Id, ct);
        var worker = assessment.WorkerId!.Value;
        var completedOn = _calendar.AddWorkingDays(referral.ReferralDate, story.Plan == PlanKind.ChildProtection ? 8 : 30);
        if (!Act(TimeLimits.UkLocal(completedOn, LateAfternoon), worker)) return null;
        var outcome = story.Plan switch
        {
            PlanKind.ChildProtection => AssessmentOutcome.StrategyDiscussion,
            PlanKind.ChildInNeed => AssessmentOutcome.ChildInNeedPlan,
            _ when story.LookedAfter is not null => AssessmentOutcome.Other,
            _ => AssessmentOutcome.NoFurtherAction,
        };
        var given = child.Split(' ')[0];
        Ensure(await _assessments.SaveAsync(new AssessmentInput(assessment.Id, assessment.Version, _calendar.AddWorkingDays(referral.ReferralDate, 2), true,
            story.Factors.Split(AssessmentFactors.Separator), DemoWords.Analysis(story), $"Seen alone; {given} talked about home and what would help.",
            outcome, outcome == AssessmentOutcome.Other ? "Accommodated by the local authority" : null), complete: true, ct), "complete the assessment", child);

        var authorisedOn = _calendar.AddWorkingDays(completedOn, 1);
        if (!Act(TimeLimits.UkLocal(authorisedOn, Morning), _staff[worker].ManagerId!.Value)) return null;
        var completed = await _db.Assessments.AsNoTracking().SingleAsync(a => a.Id == assessment.Id, ct);
        Ensure(await _assessments.AuthoriseAsync(assessment.Id, completed.Version, ct), "authorise the assessment", child);
        return authorisedOn;
    }

    /// <summary>Reviewed two working days before each review falls due, until today; a closing story ends the plan at its last review.</summary>
    private async Task ReviewChildInNeedPlanAsync(Referral referral, List<CaseAllocation> spells, DateOnly? endsOn, CancellationToken ct)
    {
        var planId = await _db.ChildPlans.AsNoTracking().Where(p => p.ReferralId == referral.Id && p.Kind == PlanKind.ChildInNeed)
            .Select(p => p.Id).SingleAsync(ct);
        for (var n = 0; await OpenDueAsync(planId, WorkKind.Review, ct) is { } due; n++)
        {
            var heldOn = _calendar.AddWorkingDays(TimeLimits.UkDay(due), -2);
            var ends = endsOn is { } last && heldOn >= last;
            if (ends) heldOn = endsOn!.Value;
            var at = TimeLimits.UkLocal(heldOn, Afternoon);
            if (!Act(at, WorkerAt(spells, at))) return;
            var plan = await _db.ChildPlans.AsNoTracking().SingleAsync(p => p.Id == planId, ct);
            var result = await _childInNeedPlans.ReviewAsync(planId, plan.Version, new ChildInNeedReviewInput(heldOn, DemoWords.ReviewParticipants,
                DemoWords.Progress(n, ends), !ends, ends ? DemoWords.PlanAchieved : null), ct);
            if (result.Outcome != ChildInNeedReviewOutcome.Recorded) throw Refused("review the child in need plan", referral, result.Errors);
            if (ends) return;
        }
    }

    /// <summary>
    /// Concerns found as the assessment begins: the strategy discussion that afternoon (police, health and education taking
    /// part), as the large council's bulk history holds them, so its flow of discussions runs on unbroken into the walked
    /// months. False while that afternoon is still to come.
    /// </summary>
    private async Task<bool> DiscussAsync(Referral referral, List<CaseAllocation> spells, DemoContact story, DateTimeOffset assessmentStarted,
        CancellationToken ct)
    {
        var afternoon = TimeLimits.UkLocal(TimeLimits.UkDay(assessmentStarted), Afternoon);
        var heldAt = afternoon > assessmentStarted ? afternoon : assessmentStarted.AddMinutes(30);
        var worker = WorkerAt(spells, heldAt);
        if (!Act(heldAt, worker)) return false;
        var discussion = await _strategy.RecordAsync(new StrategyDiscussionInput(referral.PersonId, heldAt,
            DemoWords.Partners(_staff[worker].DisplayName, Agency.ChildrensSocialCare, Agency.Police, Agency.Health, Agency.Education),
            null, null, null, DemoWords.InformationShared(story), true, DemoWords.Section47Reasons(story), []), ct: ct);
        if (discussion.Outcome != StrategyOutcome.Recorded) throw Refused("record the strategy discussion", referral, discussion.Errors);
        return true;
    }

    /// <summary>
    /// After the assessment is authorised: the enquiry begun by the strategy discussion concluded 8 working days after it
    /// (not before the authorisation) for a conference, the conference 12 working days after the discussion, and the plan
    /// kept up to today.
    /// </summary>
    private async Task ProtectAsync(Referral referral, List<CaseAllocation> spells, DemoContact story, DateOnly assessed, CancellationToken ct)
    {
        var child = await _db.PersonNameAsync(referral.PersonId, ct);
        var heldAt = await _db.StrategyDiscussions.AsNoTracking().Where(d => d.ReferralId == referral.Id).MinAsync(d => d.HeldAt, ct);
        var discussedOn = TimeLimits.UkDay(heldAt);
        var worker = WorkerAt(spells, heldAt);
        var concludedOn = _calendar.AddWorkingDays(discussedOn, 8);
        if (concludedOn < assessed) concludedOn = assessed;

        var enquiry = await _db.Section47Enquiries.AsNoTracking().SingleAsync(e => e.ReferralId == referral.Id, ct);
        if (!Act(TimeLimits.UkLocal(concludedOn, LateAfternoon), worker)) return;
        var concluded = await _enquiries.ConcludeAsync(enquiry.Id, enquiry.Version, Section47Outcome.InitialChildProtectionConference,
            $"The enquiry found that {child} is likely to suffer significant harm; a conference is needed to agree a plan.", ct);
        if (concluded.Outcome != StrategyOutcome.Recorded) throw Refused("conclude the enquiry", referral, concluded.Errors);

        var category = DemoWords.Category(story.Categories);
        var conferenceAt = TimeLimits.UkLocal(_calendar.AddWorkingDays(discussedOn, 12), Morning);
        if (!Act(conferenceAt, _chair.Id)) return;
        var conference = await _conferences.HoldInitialAsync(enquiry.Id, new ConferenceInput(conferenceAt, _chair.Id,
            DemoWords.Partners(_staff[worker].DisplayName, Agency.ChildrensSocialCare, Agency.Police, Agency.Health, Agency.Education),
            FamilyAttendance.Attended, null, true, category, DemoWords.ConferenceReasons(child, category)), ct: ct);
        if (conference.Outcome != ConferenceOutcome.Recorded) throw Refused("hold the initial conference", referral, conference.Errors);

        var plan = await _db.ChildPlans.AsNoTracking().SingleAsync(p => p.ReferralId == referral.Id && p.Kind == PlanKind.ChildProtection, ct);
        await KeepPlanAsync(plan, spells, category, ct);
    }

    /// <summary>
    /// The plan's life up to today, in date order: the child seen every 8 working days (the rule's default is 10), core
    /// groups every 30 working days from the seventh, and each review conference 3 working days before it falls due.
    /// </summary>
    private async Task KeepPlanAsync(ChildPlan plan, List<CaseAllocation> spells, AbuseCategory category, CancellationToken ct)
    {
        var visitOn = _calendar.AddWorkingDays(plan.StartedOn, 4);
        var coreGroupOn = _calendar.AddWorkingDays(plan.StartedOn, 7);
        for (var n = 0; ; n++)
        {
            var reviewDue = await OpenDueAsync(plan.Id, WorkKind.ReviewConference, ct);
            var reviewOn = reviewDue is { } due ? _calendar.AddWorkingDays(TimeLimits.UkDay(due), -3) : DateOnly.MaxValue;
            var next = new[] { visitOn, coreGroupOn, reviewOn }.Min();
            var at = TimeLimits.UkLocal(next, next == visitOn ? LateAfternoon : Morning);
            if (at >= _now) return;
            var worker = WorkerAt(spells, at);
            if (next == reviewOn)
            {
                Act(at, _chair.Id);
                var current = await _db.ChildPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id, ct);
                var review = await _conferences.HoldReviewAsync(plan.Id, current.Version, new ConferenceInput(at, _chair.Id,
                    DemoWords.Partners(_staff[worker].DisplayName, Agency.ChildrensSocialCare, Agency.Health, Agency.Education), FamilyAttendance.Attended,
                    null, true, category, DemoWords.ReviewReasons), ct: ct);
                if (review.Outcome != ConferenceOutcome.Recorded) throw Refused("hold the review conference", plan, review.Errors);
            }
            else if (next == coreGroupOn)
            {
                Act(at, worker);
                var meeting = await _conferences.RecordCoreGroupAsync(plan.Id, new CoreGroupInput(next, DemoWords.CoreGroup(_staff[worker].DisplayName),
                    DemoWords.CoreGroupNotes(n)), ct);
                if (meeting.Outcome != ConferenceOutcome.Recorded) throw Refused("record the core group", plan, meeting.Errors);
                coreGroupOn = _calendar.AddWorkingDays(coreGroupOn, 30);
            }
            else
            {
                Act(at, worker);
                var (id, errors) = await _notes.RecordAsync(plan.PersonId, new CaseNoteInput(CaseNoteKind.Visit, at, DemoWords.VisitParticipants,
                    DemoWords.Observed(n), true, n % 3 != 2), ct: ct);
                if (id is null) throw Refused("record the visit", plan, errors);
                visitOn = _calendar.AddWorkingDays(visitOn, 8);
            }
        }
    }

    /// <summary>
    /// Closed two working days after the plan's last review (or the assessment), by its worker: services ceased, the child
    /// no longer in need (RC7), or nothing further after the assessment (RC8).
    /// </summary>
    private async Task CloseAsync(Referral referral, List<CaseAllocation> spells, DateOnly lastReview, string reason, CancellationToken ct)
    {
        var closedOn = _calendar.AddWorkingDays(lastReview, 2);
        var at = TimeLimits.UkLocal(closedOn, LateAfternoon);
        if (!Act(at, WorkerAt(spells, at))) return;
        var current = await _db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id, ct);
        var closed = await _closures.CloseAsync(referral.Id, current.Version, reason, closedOn, DemoWords.ClosureSummary, ct);
        if (closed.Outcome != ClosureOutcome.Closed) throw Refused("close the case", referral, closed.Errors);
    }

    private async Task<DateTimeOffset?> OpenDueAsync(Guid subjectId, WorkKind kind, CancellationToken ct) =>
        await _db.WorkItems.AsNoTracking().Where(w => w.SubjectId == subjectId && w.Kind == kind && w.ClosedAt == null)
            .Select(w => (DateTimeOffset?)w.DueAt).SingleOrDefaultAsync(ct);

    /// <summary>The clock at <paramref name="at"/>, and the next step recorded by <paramref name="userId"/>; false (nothing set) when that is not yet past.</summary>
    private bool Act(DateTimeOffset at, Guid userId)
    {
        if (at >= _now) return false;
        _clock.Now = at;
        var user = _staff[userId];
        _db.ActingAs = new Actor(user.Id, user.DisplayName);
        return true;
    }

    /// <summary>The worker who held the case at <paramref name="at"/>.</summary>
    private static Guid WorkerAt(List<CaseAllocation> spells, DateTimeOffset at) =>
        (spells.LastOrDefault(s => s.AllocatedAt <= at) ?? spells[0]).WorkerId;

    private static void Ensure(AssessmentResult result, string what, string child)
    {
        if (result.Outcome != AssessmentChange.Saved) throw new InvalidOperationException($"The demo could not {what} of {child}: {result.Outcome} {Errors(result.Errors)}");
    }

    private static InvalidOperationException Refused(string what, object about, IReadOnlyList<(string Field, string Message)> errors) =>
        new($"The demo could not {what} ({about}): {Errors(errors)}");

    private static string Errors(IReadOnlyList<(string Field, string Message)> errors) => string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
}
