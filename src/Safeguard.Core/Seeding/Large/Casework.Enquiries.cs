using Safeguard.Core.CaseWork;
using Safeguard.Core.Conferences;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Seeding.Large.Bulk;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Seeding.Large;

/// <summary>A section 47 enquiry while its referral is generated; written once its outcome is known (or it is still open).</summary>
internal sealed class SeedEnquiry(Guid id, DateOnly startedOn, DateTime discussedAt)
{
    public Guid Id { get; } = id;
    public DateOnly StartedOn { get; } = startedOn;
    public DateTime DiscussedAt { get; } = discussedAt;
    public DateOnly? EndedOn { get; set; }
    public Section47Outcome? Outcome { get; set; }
}

/// <summary>
/// The child protection steps as the services record them, so the CIN census reads a consistent record: the strategy
/// discussion and the section 47 enquiry it begins (its target from <see cref="InitialConferenceDueRule"/>), the initial
/// conference that starts a child protection plan, review conferences on <see cref="ReviewConferenceDueRule"/>'s dates and
/// the review that ends the plan. Also keeps each child's CIN episodes apart: while a child's case is open, a new contact
/// about them joins it instead of opening a second referral (DfE rules 8815, 8820). Drawn from a random stream of its own.
/// </summary>
internal sealed partial class Casework
{
    private readonly Random _protection = new(unchecked(options.Seed * 37 + 11));
    private readonly TableRows _discussions = new(Tables.StrategyDiscussions);
    private readonly TableRows _participants = new(Tables.StrategyParticipants);
    private readonly TableRows _enquiries = new(Tables.Section47Enquiries);
    private readonly TableRows _conferences = new(Tables.ChildProtectionConferences);
    /// <summary>Per child: the day their latest CIN episode closed, or <see cref="DateOnly.MaxValue"/> while it is open.</summary>
    private readonly DateOnly[] _episodeEnds = new DateOnly[population.ChildId.Count];
    /// <summary>Per child and plan kind: how many plans of that kind they have had.</summary>
    private readonly int[] _plansOfKind = new int[population.ChildId.Count * 2];
    private long _participantCount;
    public long StrategyDiscussions, Section47Enquiries, Conferences;

    private bool InOpenEpisode(int kid, DateOnly day) => _episodeEnds[kid] >= day;

    private void EpisodeOpen(int kid, DateOnly? closedOn) => _episodeEnds[kid] = closedOn ?? DateOnly.MaxValue;

    private int NextPlanNumber(int kid, PlanKind kind) => ++_plansOfKind[kid * 2 + (int)kind];

    private static readonly (Agency Agency, string Role)[] Partners =
        [(Agency.Police, "Detective constable"), (Agency.Health, "Named nurse for safeguarding"), (Agency.Education, "Designated safeguarding lead")];

    private static readonly IReadOnlyList<Agency> PartnerAgencies = Partners.Select(p => p.Agency).ToArray();

    /// <summary>A strategy discussion held at <paramref name="heldAt"/>; with <paramref name="section47"/>, the enquiry it begins.</summary>
    private SeedEnquiry? Discuss(Guid referralId, Guid personId, string name, DateTime heldAt, CaseWorker worker, bool section47)
    {
        var id = DeterministicGuid.Create(_seed, IdKinds.StrategyDiscussion, ++StrategyDiscussions);
        SeedEnquiry? enquiry = section47
            ? new SeedEnquiry(DeterministicGuid.Create(_seed, IdKinds.Section47Enquiry, ++Section47Enquiries), TimeLimits.UkDay(Utc(heldAt)), heldAt)
            : null;
        var first = name.Split(' ')[0];
        var decision = section47 ? $"Reasonable cause to suspect {first} is suffering, or likely to suffer, significant harm."
            : "The threshold for a section 47 enquiry is not met; a child and family assessment continues.";
        _discussions.Add(id, personId, referralId, heldAt, worker.Id,
            $"Police and health checks shared; school reports on {first}'s presentation and attendance.", section47, decision, enquiry?.Id);
        foreach (var (agency, role) in Partners)
        {
            var given = SyntheticNames.Women.Pick(_protection);
            _participants.Add(DeterministicGuid.Create(_seed, IdKinds.StrategyParticipant, ++_participantCount), id, agency.ToString(),
                $"{given} {SyntheticNames.Families.Pick(_protection)}", role);
        }
        // Every partner took part; the bulk discussions record no actions.
        Record(new StrategyDiscussionHeld(id, Utc(heldAt), PartnerAgencies, [], section47, decision, 0), heldAt, By(worker), personId,
            nameof(StrategyDiscussion), id);
        if (enquiry is not null)
        {
            Record(new Section47Started(enquiry.Id, id, enquiry.StartedOn, InitialConferenceDueRule.TargetOn(_calendar, Utc(heldAt))), heldAt, By(worker),
                personId, nameof(Section47Enquiry), enquiry.Id);
        }
        return enquiry;
    }

    /// <summary>Writes the enquiry as it ended (or open, with its initial conference on the worker's tray).</summary>
    private void WriteEnquiry(SeedEnquiry enquiry, Guid referralId, Guid personId, string name, Guid teamId, CaseWorker worker)
    {
        var target = InitialConferenceDueRule.TargetOn(_calendar, Utc(enquiry.DiscussedAt));
        var reasons = enquiry.Outcome switch
        {
            Section47Outcome.NoFurtherAction => "Concerns not substantiated; the child and family assessment continues.",
            Section47Outcome.ChildInNeedPlan => "Concerns substantiated but the child is not judged to be at continuing risk of significant harm.",
            Section47Outcome.InitialChildProtectionConference => "Concerns substantiated; the child may continue to suffer significant harm.",
            _ => null,
        };
        _enquiries.Add(enquiry.Id, personId, referralId, enquiry.StartedOn, enquiry.EndedOn, enquiry.Outcome?.ToString(), target, reasons);
        if (enquiry is { EndedOn: { } ended, Outcome: { } outcome })
        {
            // Concluded first thing, before an initial conference held the same day.
            Record(new Section47Concluded(enquiry.Id, ended, outcome, reasons!, outcome == Section47Outcome.InitialChildProtectionConference),
                ended.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), By(worker), personId, nameof(Section47Enquiry), enquiry.Id, reasons);
        }
        if (enquiry.EndedOn is null)
        {
            AddWork(WorkKind.InitialConference, enquiry.Id, personId, $"Initial child protection conference: {name}", teamId, worker.Id,
                Priority.ChildProtection, enquiry.DiscussedAt, Due(WorkKind.InitialConference, enquiry.DiscussedAt, Priority.ChildProtection));
        }
    }

    /// <summary>
    /// The initial conference that started the plan (ending the enquiry), its reviews on the statutory dates (held up to a few
    /// working days early) and, for an ended plan, the review that ended it. Returns when the next review is due.
    /// </summary>
    private DateOnly HoldConferences(SeedEnquiry enquiry, Guid referralId, Guid personId, Guid planId, int number, DateOnly started, DateOnly? ended,
        string category, CaseWorker worker)
    {
        // The plan's category is one of the codes CpCategory gives, so it always reads.
        var abuse = AbuseCategories.FromCode(category)!.Value;
        enquiry.EndedOn = started;
        enquiry.Outcome = Section47Outcome.InitialChildProtectionConference;
        const string initialReasons = "The child is at continuing risk of significant harm; a child protection plan is needed.";
        var initial = AddConference(ConferenceKind.Initial, referralId, personId, enquiry.Id, planId, started, worker, true, abuse, initialReasons);
        var firstReview = ReviewConferenceDueRule.DueOn(_calendar, ConferenceKind.Initial, started);
        Record(new ChildProtectionPlanStarted(planId, initial.Id, started, abuse, number,
                Utc(Due(WorkKind.CoreGroup, initial.HeldAt, Priority.ChildProtection)), firstReview),
            initial.HeldAt, By(worker), personId, nameof(ChildPlan), planId);
        Record(new InitialConferenceHeld(initial.Id, enquiry.Id, Utc(initial.HeldAt), initial.ChairId, PartnerAgencies, initial.Family, true, abuse,
            initialReasons), initial.HeldAt, By(worker), personId, nameof(ChildProtectionConference), initial.Id);
        var (kind, last) = (ConferenceKind.Initial, started);
        while (true)
        {
            var due = ReviewConferenceDueRule.DueOn(_calendar, kind, last);
            var held = Later(_calendar.AddWorkingDays(due, -_protection.Next(4)), _calendar.NextWorkingDay(last));
            if (held >= (ended ?? _today)) break;
            const string continues = "Progress against the plan is not yet enough to reduce the risk; the plan continues.";
            var review = AddConference(ConferenceKind.Review, referralId, personId, null, planId, held, worker, true, abuse, continues);
            Record(new ReviewConferenceHeld(review.Id, planId, Utc(review.HeldAt), review.ChairId, PartnerAgencies, review.Family, true, abuse, abuse,
                ReviewConferenceDueRule.DueOn(_calendar, ConferenceKind.Review, held), continues), review.HeldAt, By(worker), personId,
                nameof(ChildProtectionConference), review.Id);
            (kind, last) = (ConferenceKind.Review, held);
        }
        if (ended is { } end)
        {
            const string ends = "The risk of significant harm has reduced; the plan ends.";
            var ending = AddConference(ConferenceKind.Review, referralId, personId, null, planId, end, worker, false, null, ends);
            Record(new ChildProtectionPlanEnded(planId, ending.Id, end, ends), ending.HeldAt, By(worker), personId, nameof(ChildPlan), planId, ends);
            Record(new ReviewConferenceHeld(ending.Id, planId, Utc(ending.HeldAt), ending.ChairId, PartnerAgencies, ending.Family, false, abuse, abuse,
                null, ends), ending.HeldAt, By(worker), personId, nameof(ChildProtectionConference), ending.Id);
        }
        return ReviewConferenceDueRule.DueOn(_calendar, kind, last);
    }

    private sealed record HeldConference(Guid Id, DateTime HeldAt, Guid ChairId, FamilyAttendance Family);

    /// <summary>Writes the conference's row (its events are the caller's: they differ by kind).</summary>
    private HeldConference AddConference(ConferenceKind kind, Guid referralId, Guid personId, Guid? enquiryId, Guid planId, DateOnly day, CaseWorker worker,
        bool plan, AbuseCategory? category, string reasons)
    {
        var id = DeterministicGuid.Create(_seed, IdKinds.Conference, ++Conferences);
        var heldAt = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).AddMinutes(_protection.Next(5) * 30);
        var family = _protection.NextDouble() switch
        {
            < 0.7 => FamilyAttendance.Attended, < 0.85 => FamilyAttendance.PartlyAttended, < 0.93 => FamilyAttendance.ContributedInWriting,
            _ => FamilyAttendance.DidNotAttend,
        };
        var chair = workforce.Chair(_protection).Id;
        _conferences.Add(id, kind.ToString(), personId, referralId, enquiryId, planId, heldAt, chair, worker.Id,
            family.ToString(), "", plan, category?.ToString(), reasons);
        return new HeldConference(id, heldAt, chair, family);
    }
}
