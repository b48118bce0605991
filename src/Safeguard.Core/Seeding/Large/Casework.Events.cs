using Safeguard.Core.Assessments;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.CaseWork;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Closure;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding.Large.Bulk;

namespace Safeguard.Core.Seeding.Large;

/// <summary>
/// The typed events of the bulk history, each the one its service writes for the same step (<see cref="BulkEvents"/>),
/// built from the bulk rows' values, on the day and by the person the rows imply. Draws nothing at random.
/// </summary>
internal sealed partial class Casework
{
    private static readonly VisitSettings DefaultVisitSettings = new();

    private void Record<T>(T happened, DateTime at, Actor by, Guid? personId, string subjectType, Guid subjectId, string? reason = null)
        where T : IEvent
    {
        _events.Record(happened, at, by, personId, subjectType, subjectId, reason);
        Events++;
    }

    private static Actor By(StaffMember member) => new(member.Id, member.DisplayName);

    private static Actor By(CaseWorker worker) => new(worker.Id, worker.DisplayName);

    private static Actor ManagerOf(CaseWorker worker) => new(worker.ManagerId, worker.ManagerName);

    /// <summary>The automatic "created" event of a referral as the screening decision adds it: awaiting allocation, not yet a re-referral.</summary>
    private static RecordCreated ReferralCreated(Guid personId, Guid contactId, DateOnly referralDate, string sourceCode, Guid teamId) =>
        new(nameof(Referral), new Dictionary<string, FieldChange>(StringComparer.Ordinal)
        {
            [nameof(Referral.ContactId)] = new(null, AutomaticChange.Text(contactId)),
            [nameof(Referral.IsReReferral)] = new(null, AutomaticChange.Text(false)),
            [nameof(Referral.PersonId)] = new(null, AutomaticChange.Text(personId)),
            [nameof(Referral.ReferralDate)] = new(null, AutomaticChange.Text(referralDate)),
            [nameof(Referral.SourceCode)] = new(null, sourceCode),
            [nameof(Referral.Status)] = new(null, nameof(ReferralStatus.AwaitingAllocation)),
            [nameof(Referral.TeamId)] = new(null, AutomaticChange.Text(teamId)),
        });

    /// <summary>The worker completed the assessment (late afternoon) and, when it was, their manager authorised it.</summary>
    private void RecordAssessed(Guid assessmentId, Guid personId, CaseWorker worker, DateOnly due, DateOnly completed, DateOnly? authorised,
        string factors, AssessmentOutcome outcome)
    {
        // The bulk rows record no visit, so when the child was seen (and whether alone) is not known: none, as an
        // assessment completed without those answers stores them.
        Record(new AssessmentCompleted(assessmentId, worker.DisplayName, completed, null, false, factors.Split('|'), outcome),
            completed.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc), By(worker), personId, nameof(Assessment), assessmentId);
        if (authorised is not { } on) return;
        Record(new AssessmentAuthorised(assessmentId, worker.ManagerName, on, on <= due), on.ToDateTime(new TimeOnly(16, 30), DateTimeKind.Utc),
            ManagerOf(worker), personId, nameof(Assessment), assessmentId);
    }

    /// <summary>A child in need plan started (after the assessment, or the enquiry that found the child in need) and, when it has, ended at a review.</summary>
    private void RecordChildInNeedPlan(Guid planId, Guid referralId, Guid personId, DateOnly started, DateOnly? ended, SeedEnquiry? enquiry,
        DateTime startedAt, CaseWorker worker)
    {
        var after = enquiry is { Outcome: Section47Outcome.ChildInNeedPlan } ? "section 47 enquiry" : "assessment";
        Record(new ChildInNeedPlanStarted(planId, referralId, started, after, ChildInNeedReviewDueRule.DueOn(_calendar, started, DefaultVisitSettings)),
            startedAt, By(worker), personId, nameof(ChildPlan), planId);
        if (ended is not { } end) return;
        const string reason = "The plan's outcomes are met; the child's needs can be met without a plan";
        Record(new ChildInNeedPlanEnded(planId, end, reason), end.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc), By(worker), personId,
            nameof(ChildPlan), planId, reason);
    }

    /// <summary>The case closed by the worker who last held it, when its allocation ended.</summary>
    private void RecordClosure(Guid referralId, Guid personId, string name, DateOnly closedOn, DateTime closedAt, string reasonCode, PlanSpell? plan,
        CaseWorker holder)
    {
        var first = name.Split(' ')[0];
        var summary = plan is null
            ? $"Work with {first} and the family is complete: {ClosureReasons.Describe(reasonCode)}."
            : $"{first}'s plan has ended and the case closes: {ClosureReasons.Describe(reasonCode)}.";
        // Any plan ended at its review before the closure and no open work is left about a closed bulk case, so the
        // closure itself ended none.
        Record(new CaseClosed(referralId, closedOn, reasonCode, summary, 0, 0), closedAt, By(holder), personId, nameof(Referral), referralId, summary);
    }
}
