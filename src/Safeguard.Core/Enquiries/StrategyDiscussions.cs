using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Enquiries;

/// <summary>
/// Records strategy discussions (docs/enquiries.md), in one save: the discussion and who took part, a work item per
/// agreed action, and its event. One that decides on a section 47 enquiry begins it on the discussion's date, with the
/// initial conference's target (<see cref="InitialConferenceDueRule"/>) on the clock as work; a later one in the same
/// enquiry moves the target, and the history keeps both dates.
/// </summary>
public sealed class StrategyDiscussions(SafeguardDbContext db, WorkItems work, IWorkingDayCalendar calendar)
{
    public const int TextMaxLength = 8000;
    public const int ShortTextMaxLength = 200;
    public const int MaxParticipants = 20;
    public const int MaxActions = 10;

    /// <summary>The child's case a discussion would belong to: their latest open referral (null when they have none).</summary>
    public async Task<(Guid ReferralId, string ChildName, DateOnly ReferralDate)?> CaseOfAsync(Guid personId, CancellationToken ct = default)
    {
        var row = await (from r in db.Referrals.AsNoTracking()
                         join p in db.People on r.PersonId equals p.Id
                         where r.PersonId == personId && r.Status != ReferralStatus.Closed
                         orderby r.ReferralDate descending
                         select new { r.Id, Child = p.GivenName + " " + p.FamilyName, r.ReferralDate })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Id, row.Child.Trim(), row.ReferralDate);
    }

    /// <summary>Staff who can be given an action: everyone in the council's service with an account in use, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> OwnerChoicesAsync(CancellationToken ct = default) =>
        (await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.OrganisationId == null && u.TeamId != null)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
        .Select(u => (u.Id, u.DisplayName)).ToList();

    /// <summary>
    /// Records the discussion, or, when <paramref name="checkOnly"/> (the form itself found something it could not read),
    /// only says what else is wrong, so every problem is shown at once and nothing is saved.
    /// </summary>
    public async Task<StrategyResult> RecordAsync(StrategyDiscussionInput input, bool checkOnly = false, CancellationToken ct = default)
    {
        if (db.Actor.UserId is not { } recorder) return StrategyResult.NotFound;
        var referral = await db.Referrals.Where(r => r.PersonId == input.PersonId && r.Status != ReferralStatus.Closed)
            .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(ct);
        if (referral is null) return StrategyResult.NotFound;
        var now = db.Time.GetUtcNow();
        var ownerIds = input.Actions.Where(a => a.OwnerId is not null).Select(a => a.OwnerId!.Value).ToList();
        var owners = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.OrganisationId == null && u.TeamId != null && ownerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.TeamId })
            .ToDictionaryAsync(u => u.Id, ct);
        var errors = StrategyRules.Check(input, referral.ReferralDate, now, id => owners.ContainsKey(id));
        if (errors.Count > 0 || checkOnly) return StrategyResult.Invalid(errors);

        var heldAt = input.HeldAt!.Value;
        var discussion = new StrategyDiscussion(input.PersonId, referral.Id, heldAt, recorder)
        {
            InformationShared = input.InformationShared!.Trim(),
            Section47 = input.Section47!.Value,
            DecisionReasons = input.DecisionReasons!.Trim(),
            PoliceAbsentReason = StrategyRules.AbsentReason(input, Agency.Police),
            HealthAbsentReason = StrategyRules.AbsentReason(input, Agency.Health),
            EducationAbsentReason = StrategyRules.AbsentReason(input, Agency.Education),
        };
        db.StrategyDiscussions.Add(discussion);
        var participants = StrategyRules.Taking(input).ToList();
        foreach (var p in participants) db.StrategyParticipants.Add(new StrategyParticipant(discussion.Id, p.Agency!.Value, p.Name!.Trim(), p.Role!.Trim()));

        var child = await db.People.AsNoTracking().Where(p => p.Id == input.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var priority = discussion.Section47 ? Priority.ChildProtection : Priority.Urgent;
        var actions = input.Actions.Where(a => !StrategyRules.IsBlank(a)).ToList();
        foreach (var action in actions)
        {
            var owner = owners[action.OwnerId!.Value];
            var item = work.Open(WorkKind.AgreedAction, discussion.Id, $"{action.What!.Trim()} ({child.Trim()})", owner.TeamId ?? referral.TeamId, priority,
                input.PersonId, now, TimeLimits.EndOfDay(action.DueOn!.Value));
            work.Reassign(item, owner.TeamId ?? referral.TeamId, owner.Id);
        }
        if (discussion.Section47) await BeginOrMoveEnquiryAsync(discussion, referral, child.Trim(), ct);
        // The discussion a screening decision asked for has been held.
        foreach (var item in await work.OpenAboutAsync(referral.Id, [WorkKind.StrategyDiscussion], ct)) work.Close(item, now);

        var absent = StrategyPartners.Required.Where(a => participants.All(p => p.Agency != a))
            .Select(a => new AbsentAgency(a, StrategyRules.AbsentReason(input, a)!)).ToList();
        db.Record(new StrategyDiscussionHeld(discussion.Id, heldAt, participants.Select(p => p.Agency!.Value).Distinct().ToList(), absent,
            discussion.Section47, discussion.DecisionReasons, actions.Count), input.PersonId, nameof(StrategyDiscussion), discussion.Id);
        await db.SaveChangesAsync(ct);
        return new StrategyResult(StrategyOutcome.Recorded, discussion.Id, []);
    }

    private async Task BeginOrMoveEnquiryAsync(StrategyDiscussion discussion, Referral referral, string child, CancellationToken ct)
    {
        var target = InitialConferenceDueRule.TargetOn(calendar, discussion.HeldAt);
        // The work item's clock (the catalogue's rule) runs from the discussion too, so it falls due at the end of the target day.
        var clockFrom = discussion.HeldAt;
        var enquiry = await db.Section47Enquiries.Where(e => e.PersonId == discussion.PersonId && e.EndedOn == null)
            .OrderByDescending(e => e.StartedOn).FirstOrDefaultAsync(ct);
        if (enquiry is not null)
        {
            var before = enquiry.InitialConferenceTargetOn;
            discussion.Section47EnquiryId = enquiry.Id;
            // Only a discussion held later than the one that set the target moves it; one typed up late does not move it back.
            if (before is { } current && target <= current) return;
            enquiry.InitialConferenceTargetOn = target;
            var items = await work.OpenAboutAsync(enquiry.Id, [WorkKind.InitialConference], ct);
            foreach (var item in items) work.Reprioritise(item, Priority.ChildProtection, clockFrom);
            if (items.Count == 0) OpenConference(enquiry, referral, child, clockFrom);
            db.Record(new InitialConferenceTargetMoved(enquiry.Id, discussion.Id, before, target), discussion.PersonId, nameof(Section47Enquiry), enquiry.Id);
            return;
        }
        enquiry = new Section47Enquiry(discussion.PersonId, referral.Id, TimeLimits.UkDay(discussion.HeldAt)) { InitialConferenceTargetOn = target };
        db.Section47Enquiries.Add(enquiry);
        discussion.Section47EnquiryId = enquiry.Id;
        OpenConference(enquiry, referral, child, clockFrom);
        db.Record(new Section47Started(enquiry.Id, discussion.Id, enquiry.StartedOn, target), discussion.PersonId, nameof(Section47Enquiry), enquiry.Id);
    }

    /// <summary>The conference to hold, as work for the child's worker (or their team's tray when nobody holds the case).</summary>
    private void OpenConference(Section47Enquiry enquiry, Referral referral, string child, DateTimeOffset clockFrom)
    {
        var item = work.Open(WorkKind.InitialConference, enquiry.Id, $"Initial child protection conference: {child}", referral.TeamId,
            Priority.ChildProtection, enquiry.PersonId, db.Time.GetUtcNow(), clockFrom);
        if (referral.AllocatedWorkerId is { } worker) work.Reassign(item, referral.TeamId, worker);
    }

    public async Task<StrategyDiscussionView?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var row = await (from s in db.StrategyDiscussions.AsNoTracking()
                         join p in db.People on s.PersonId equals p.Id
                         where s.Id == id
                         select new
                         {
                             d = s, Child = p.GivenName + " " + p.FamilyName,
                             Recorder = db.Users.Where(u => u.Id == s.RecordedBy).Select(u => u.DisplayName).FirstOrDefault(),
                             Enquiry = db.Section47Enquiries.Where(e => e.Id == s.Section47EnquiryId)
                                 .Select(e => new { e.StartedOn, e.InitialConferenceTargetOn }).FirstOrDefault(),
                         })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var d = row.d;
        var participants = (await db.StrategyParticipants.AsNoTracking().Where(p => p.StrategyDiscussionId == id).ToListAsync(ct))
            .OrderBy(p => p.Agency).ThenBy(p => p.Name).Select(p => (p.Agency, p.Name, p.Role)).ToList();
        var actions = (await (from w in db.WorkItems.AsNoTracking()
                              where w.SubjectId == id && w.Kind == WorkKind.AgreedAction
                              select new { w.Title, w.DueAt, Owner = db.Users.Where(u => u.Id == w.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault() })
                .ToListAsync(ct))
            .OrderBy(a => a.DueAt).Select(a => (a.Title, a.DueAt, (string?)a.Owner)).ToList();
        var absent = new List<AbsentAgency>();
        if (d.PoliceAbsentReason is { } police) absent.Add(new(Agency.Police, police));
        if (d.HealthAbsentReason is { } health) absent.Add(new(Agency.Health, health));
        if (d.EducationAbsentReason is { } education) absent.Add(new(Agency.Education, education));
        return new StrategyDiscussionView(d.Id, d.PersonId, row.Child.Trim(), d.HeldAt, row.Recorder ?? "", participants, absent, d.InformationShared,
            d.Section47, d.DecisionReasons, row.Enquiry?.StartedOn, row.Enquiry?.InitialConferenceTargetOn, actions);
    }

    /// <summary>A child's strategy discussions, the latest first: when, the decision, and which statutory partners were missing.</summary>
    public async Task<IReadOnlyList<(Guid Id, DateTimeOffset HeldAt, bool Section47, int Absent)>> ForChildAsync(Guid personId, CancellationToken ct = default) =>
        (await db.StrategyDiscussions.AsNoTracking().Where(d => d.PersonId == personId)
            .Select(d => new
            {
                d.Id, d.HeldAt, d.Section47,
                Absent = (d.PoliceAbsentReason != null ? 1 : 0) + (d.HealthAbsentReason != null ? 1 : 0) + (d.EducationAbsentReason != null ? 1 : 0),
            })
            .ToListAsync(ct))
        .OrderByDescending(d => d.HeldAt).Select(d => (d.Id, d.HeldAt, d.Section47, d.Absent)).ToList();
}

/// <summary>How many strategy discussions there were, and how many went ahead without each statutory partner.</summary>
public sealed record StrategyPartnerCounts(int Discussions, int WithoutPolice, int WithoutHealth, int WithoutEducation);

/// <summary>Missing statutory partners counted for the oversight pages (one grouped query, no child named).</summary>
public sealed class StrategyPartnerOversight(SafeguardDbContext db)
{
    public const int Months = 3;

    /// <summary>The discussions held in the last <see cref="Months"/> months.</summary>
    public async Task<StrategyPartnerCounts> CountAsync(CancellationToken ct = default)
    {
        var since = db.Time.GetUtcNow().AddMonths(-Months);
        var counts = await db.StrategyDiscussions.AsNoTracking().Where(d => d.HeldAt >= since)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                All = g.Count(),
                Police = g.Count(d => d.PoliceAbsentReason != null),
                Health = g.Count(d => d.HealthAbsentReason != null),
                Education = g.Count(d => d.EducationAbsentReason != null),
            })
            .SingleOrDefaultAsync(ct);
        return counts is null ? new StrategyPartnerCounts(0, 0, 0, 0) : new StrategyPartnerCounts(counts.All, counts.Police, counts.Health, counts.Education);
    }
}
