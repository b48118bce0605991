using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Conferences;

/// <summary>
/// Records child protection conferences (docs/conferences.md), each in one save with its work and events. An initial
/// conference follows a section 47 enquiry whose outcome was a conference and closes the conference's work item; a
/// plan starts on the conference date, numbered among the child's plans, with its first core group
/// (<see cref="FirstCoreGroupDueRule"/>) and first review (<see cref="ReviewConferenceDueRule"/>) as work for the
/// child's worker, and its visits (<see cref="CaseNotes.ProtectionVisits"/>); a child in need plan the child had ends. A review conference continues the plan (its
/// category may change) with the next review on the clock, or ends it with a reason.
/// </summary>
public sealed class ChildProtectionConferences(SafeguardDbContext db, WorkItems work, IWorkingDayCalendar calendar, CaseNotes.ProtectionVisits visits,
    ChildInNeed.ChildInNeedPlans childInNeedPlans)
{
    /// <summary>Staff who hold the conference chair role and can sign in, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ChairChoicesAsync(CancellationToken ct = default) =>
        (await (from u in db.Users.AsNoTracking()
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.ConferenceChair && !u.IsDisabled
                orderby u.DisplayName
                select new { u.Id, u.DisplayName }).ToListAsync(ct))
        .Select(u => (u.Id, u.DisplayName)).ToList();

    /// <summary>What the initial conference page shows before it is recorded; null when the enquiry does not exist.</summary>
    public async Task<InitialConferenceContext?> InitialContextAsync(Guid enquiryId, CancellationToken ct = default)
    {
        var row = await (from e in db.Section47Enquiries.AsNoTracking()
                         join p in db.People on e.PersonId equals p.Id
                         where e.Id == enquiryId
                         select new
                         {
                             e.Id, e.PersonId, Child = p.GivenName + " " + p.FamilyName, e.StartedOn, e.EndedOn, e.Outcome, e.InitialConferenceTargetOn,
                             Held = db.ChildProtectionConferences.Where(c => c.Section47EnquiryId == e.Id).Select(c => (Guid?)c.Id).FirstOrDefault(),
                             PreviousPlans = db.ChildPlans.Count(pl => pl.PersonId == e.PersonId && pl.Kind == PlanKind.ChildProtection),
                         })
            .SingleOrDefaultAsync(ct);
        return row is null
            ? null
            : new InitialConferenceContext(row.Id, row.PersonId, row.Child.Trim(), row.StartedOn, row.InitialConferenceTargetOn,
                row.Outcome == Section47Outcome.InitialChildProtectionConference, row.EndedOn is null, row.Held, row.PreviousPlans + 1);
    }

    /// <summary>
    /// Records an initial conference for the enquiry, or, when <paramref name="checkOnly"/> (the form found something it
    /// could not read), only says what else is wrong. One conference per enquiry: a second is refused as changed elsewhere.
    /// </summary>
    public async Task<ConferenceResult> HoldInitialAsync(Guid enquiryId, ConferenceInput input, bool checkOnly = false, CancellationToken ct = default)
    {
        if (db.Actor.UserId is not { } recorder) return ConferenceResult.NotFound;
        var enquiry = await db.Section47Enquiries.SingleOrDefaultAsync(e => e.Id == enquiryId, ct);
        if (enquiry is null) return ConferenceResult.NotFound;
        if (!enquiry.ConferenceRequired)
        {
            return ConferenceResult.Invalid([("", enquiry.IsOpen
                ? "Record the enquiry's outcome as an initial child protection conference first"
                : "This enquiry's outcome was that no conference is required")]);
        }
        var now = db.Time.GetUtcNow();
        var chairs = (await ChairChoicesAsync(ct)).Select(c => c.Id).ToHashSet();
        var errors = ConferenceRules.Check(ConferenceKind.Initial, input, enquiry.StartedOn, "the enquiry started", now, chairs.Contains);
        if (errors.Count > 0 || checkOnly) return ConferenceResult.Invalid(errors);
        if (await db.ChildProtectionConferences.AnyAsync(c => c.Section47EnquiryId == enquiry.Id, ct)) return ConferenceResult.ChangedElsewhere;
        db.Claim(enquiry);

        var referral = await db.Referrals.SingleAsync(r => r.Id == enquiry.ReferralId, ct);
        var conference = NewConference(ConferenceKind.Initial, enquiry.PersonId, referral.Id, input, recorder);
        conference.Section47EnquiryId = enquiry.Id;
        foreach (var item in await work.OpenAboutAsync(enquiry.Id, [WorkKind.InitialConference], ct)) work.Close(item, now);

        if (conference.Plan)
        {
            var category = conference.Category!.Value;
            var number = await db.ChildPlans.CountAsync(p => p.PersonId == enquiry.PersonId && p.Kind == PlanKind.ChildProtection, ct) + 1;
            var startedOn = TimeLimits.UkDay(conference.HeldAt);
            await childInNeedPlans.EndOpenAsync(enquiry.PersonId, startedOn, "A child protection plan began", ct);
            var plan = new ChildPlan(referral.Id, enquiry.PersonId, PlanKind.ChildProtection, startedOn, category.Code(), number);
            db.ChildPlans.Add(plan);
            conference.ChildPlanId = plan.Id;
            var child = await db.PersonNameAsync(enquiry.PersonId, ct);
            var coreGroup = OpenForWorker(WorkKind.CoreGroup, plan, referral, $"First core group meeting: {child}", conference.HeldAt);
            var reviewOn = ReviewConferenceDueRule.DueOn(calendar, ConferenceKind.Initial, startedOn);
            OpenForWorker(WorkKind.ReviewConference, plan, referral, $"Review child protection conference: {child}", TimeLimits.EndOfDay(reviewOn));
            visits.Start(plan, referral, child, conference.HeldAt);
            db.Record(new ChildProtectionPlanStarted(plan.Id, conference.Id, startedOn, category, number, coreGroup.DueAt, reviewOn),
                plan.PersonId, nameof(ChildPlan), plan.Id);
        }
        db.Record(new InitialConferenceHeld(conference.Id, enquiry.Id, conference.HeldAt, conference.ChairId, Agencies(input), conference.FamilyAttendance,
            conference.Plan, conference.Category, conference.DecisionReasons), conference.PersonId, nameof(ChildProtectionConference), conference.Id);
        return await db.SaveUnlessChangedElsewhereAsync(ct) ? ConferenceResult.Recorded(conference.Id) : ConferenceResult.ChangedElsewhere;
    }

    /// <summary>
    /// Records a review conference of an open child protection plan, made from the plan's <paramref name="expectedVersion"/>;
    /// a plan changed or ended since is refused as changed elsewhere.
    /// </summary>
    public async Task<ConferenceResult> HoldReviewAsync(Guid planId, int expectedVersion, ConferenceInput input, bool checkOnly = false,
        CancellationToken ct = default)
    {
        if (db.Actor.UserId is not { } recorder) return ConferenceResult.NotFound;
        var plan = await db.ChildPlans.SingleOrDefaultAsync(p => p.Id == planId && p.Kind == PlanKind.ChildProtection, ct);
        if (plan is null) return ConferenceResult.NotFound;
        var now = db.Time.GetUtcNow();
        var chairs = (await ChairChoicesAsync(ct)).Select(c => c.Id).ToHashSet();
        var last = await LastConferenceOnAsync(plan.Id, ct) ?? plan.StartedOn;
        var errors = ConferenceRules.Check(ConferenceKind.Review, input, last, "the last conference", now, chairs.Contains);
        if (errors.Count > 0 || checkOnly) return ConferenceResult.Invalid(errors);
        if (!plan.IsOpen || plan.Version != expectedVersion) return ConferenceResult.ChangedElsewhere;

        var referral = await db.Referrals.SingleAsync(r => r.Id == plan.ReferralId, ct);
        var conference = NewConference(ConferenceKind.Review, plan.PersonId, referral.Id, input, recorder);
        conference.ChildPlanId = plan.Id;
        foreach (var item in await work.OpenAboutAsync(plan.Id, [WorkKind.ReviewConference], ct)) work.Close(item, now);
        var heldOn = TimeLimits.UkDay(conference.HeldAt);
        var before = AbuseCategories.FromCode(plan.Category);
        DateOnly? nextReview = null;
        if (conference.Plan)
        {
            plan.Recategorise(conference.Category!.Value.Code());
            nextReview = ReviewConferenceDueRule.DueOn(calendar, ConferenceKind.Review, heldOn);
            OpenForWorker(WorkKind.ReviewConference, plan, referral, $"Review child protection conference: {await db.PersonNameAsync(plan.PersonId, ct)}",
                TimeLimits.EndOfDay(nextReview.Value));
        }
        else
        {
            var reason = input.EndReason!.Trim();
            plan.End(heldOn, reason);
            foreach (var item in await work.OpenAboutAsync(plan.Id, [WorkKind.CoreGroup], ct)) work.Close(item, now);
            await visits.StopAsync(plan.Id, ct);
            db.Record(new ChildProtectionPlanEnded(plan.Id, conference.Id, heldOn, reason), plan.PersonId, nameof(ChildPlan), plan.Id, reason);
        }
        db.Claim(plan);
        db.Record(new ReviewConferenceHeld(conference.Id, plan.Id, conference.HeldAt, conference.ChairId, Agencies(input), conference.FamilyAttendance,
            conference.Plan, before, conference.Plan ? conference.Category : before, nextReview, conference.DecisionReasons),
            conference.PersonId, nameof(ChildProtectionConference), conference.Id);
        return await db.SaveUnlessChangedElsewhereAsync(ct) ? ConferenceResult.Recorded(conference.Id) : ConferenceResult.ChangedElsewhere;
    }

    /// <summary>Records a core group meeting of an open child protection plan; the first closes the first core group's work.</summary>
    public async Task<ConferenceResult> RecordCoreGroupAsync(Guid planId, CoreGroupInput input, CancellationToken ct = default)
    {
        if (db.Actor.UserId is not { } recorder) return ConferenceResult.NotFound;
        var plan = await db.ChildPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.Kind == PlanKind.ChildProtection, ct);
        if (plan is null) return ConferenceResult.NotFound;
        var now = db.Time.GetUtcNow();
        var errors = ConferenceRules.Check(input, plan.StartedOn, TimeLimits.UkDay(now));
        if (errors.Count > 0) return ConferenceResult.Invalid(errors);
        if (!plan.IsOpen) return ConferenceResult.ChangedElsewhere;

        var meeting = new CoreGroupMeeting(plan.Id, plan.PersonId, input.HeldOn!.Value, input.Attendees!.Trim(), input.Notes!.Trim(), recorder);
        db.CoreGroupMeetings.Add(meeting);
        var first = !await db.CoreGroupMeetings.AnyAsync(m => m.ChildPlanId == plan.Id, ct);
        foreach (var item in await work.OpenAboutAsync(plan.Id, [WorkKind.CoreGroup], ct)) work.Close(item, now);
        db.Record(new CoreGroupHeld(meeting.Id, plan.Id, meeting.HeldOn, first), plan.PersonId, nameof(ChildPlan), plan.Id);
        return await db.SaveUnlessChangedElsewhereAsync(ct) ? ConferenceResult.Recorded(meeting.Id) : ConferenceResult.ChangedElsewhere;
    }

    private ChildProtectionConference NewConference(ConferenceKind kind, Guid personId, Guid referralId, ConferenceInput input, Guid recorder)
    {
        var conference = new ChildProtectionConference(kind, personId, referralId, input.HeldAt!.Value, input.ChairId!.Value, recorder)
        {
            FamilyAttendance = input.FamilyAttendance!.Value,
            FamilyAttendanceNotes = input.FamilyAttendanceNotes?.Trim() ?? "",
            Plan = input.Plan!.Value,
            Category = input.Plan!.Value ? input.Category : null,
            DecisionReasons = input.DecisionReasons!.Trim(),
        };
        db.ChildProtectionConferences.Add(conference);
        foreach (var a in ConferenceRules.Attending(input))
        {
            db.ConferenceAttendees.Add(new ConferenceAttendee(conference.Id, a.Agency!.Value, a.Name!.Trim(), a.Role!.Trim()));
        }
        return conference;
    }

    /// <summary>Work on a plan for the child's worker (or their team's tray when nobody holds the case), its kind's clock run from <paramref name="clockFrom"/>.</summary>
    private WorkItem OpenForWorker(WorkKind kind, ChildPlan plan, Referral referral, string title, DateTimeOffset clockFrom)
    {
        var item = work.Open(kind, plan.Id, title, referral.TeamId, Priority.ChildProtection, plan.PersonId, db.Time.GetUtcNow(), clockFrom);
        if (referral.AllocatedWorkerId is { } worker) work.Reassign(item, referral.TeamId, worker);
        return item;
    }

    private static IReadOnlyList<Agency> Agencies(ConferenceInput input) =>
        ConferenceRules.Attending(input).Select(a => a.Agency!.Value).Distinct().Order().ToList();


    private async Task<DateOnly?> LastConferenceOnAsync(Guid planId, CancellationToken ct)
    {
        var last = await db.ChildProtectionConferences.AsNoTracking().Where(c => c.ChildPlanId == planId)
            .OrderByDescending(c => c.HeldAt).Select(c => (DateTimeOffset?)c.HeldAt).FirstOrDefaultAsync(ct);
        return last is { } at ? TimeLimits.UkDay(at) : null;
    }
}

/// <summary>What the initial conference page needs to know about the enquiry it follows.</summary>
public sealed record InitialConferenceContext(Guid EnquiryId, Guid PersonId, string ChildName, DateOnly EnquiryStartedOn, DateOnly? TargetOn,
    bool ConferenceRequired, bool EnquiryOpen, Guid? ConferenceId, int PlanNumber);
