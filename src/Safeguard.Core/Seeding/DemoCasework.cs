using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Supervision;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding;

/// <summary>
/// Writes the demo's allocations (each with its discussion and typed events), the work they leave open (agreed actions
/// still to do, a case not yet accepted, the next case supervision, a leaver's case to reallocate) and supervision
/// records, case and personal, from <see cref="DemoAllocations"/>. Nothing is saved here: the caller saves.
/// </summary>
internal sealed class DemoCasework(SafeguardDbContext db, IWorkingDayCalendar calendar, WorkItems work, DateTimeOffset now,
    IReadOnlyDictionary<string, StaffUser> users)
{
    private readonly DateOnly _today = TimeLimits.UkDay(now);

    /// <summary>
    /// The demo's allocated referrals (by the child's full name) become allocations, as <see cref="DemoAllocations"/> tells;
    /// a case in <paramref name="closing"/> (its closure recorded later, by <see cref="CasePathways"/>) owes no further supervision.
    /// </summary>
    public void WriteAllocations(IReadOnlyDictionary<string, Referral> allocatedReferrals, IReadOnlySet<Guid> closing)
    {
        foreach (var story in DemoAllocations.All)
        {
            var referral = allocatedReferrals[story.Child];
            CaseAllocation? previous = null;
            foreach (var spell in story.Spells)
            {
                previous = Allocate(story, referral, spell, previous);
            }
            var current = previous!;
            referral.AllocatedWorkerId = current.WorkerId;
            if (closing.Contains(referral.Id)) continue;
            var last = story.Supervisions.Select(s => CaseSupervision(story, current, s)).LastOrDefault();
            OpenNextCaseSupervision(story, current, last);
            OpenReallocationIfLeaving(story, current);
        }
    }

    private CaseAllocation Allocate(DemoCase story, Referral referral, DemoSpell spell, CaseAllocation? previous)
    {
        var worker = users[spell.Worker];
        var manager = users[spell.Manager];
        var allocatedAt = spell.DaysAgo is { } days ? WorkingDayAt(days, new TimeOnly(11, 0)) : YesterdayAt(new TimeOnly(15, 0));
        var actions = spell.Actions.Select(a => new AgreedAction(a.What, WorkingDayFrom(a.DueInDays))).ToList();
        var discussion = new AllocationDiscussion(allocatedAt.AddMinutes(-45), manager.Id, worker.Id, actions, spell.Risks);
        var allocation = new CaseAllocation(referral.PersonId, referral.Id, worker.TeamId!.Value, story.Kind, discussion, allocatedAt)
        {
            ReallocationReason = spell.ReallocationReason,
            PreviousAllocationId = previous?.Id,
        };
        db.CaseAllocations.Add(allocation);
        if (spell.OutsideTheRules is { } outside) RecordOutsideTheRules(allocation, story.Kind, worker, manager, outside);
        db.Record(new CaseAllocated(allocation.Id, referral.Id, worker.Id, worker.DisplayName, manager.Id, manager.DisplayName, story.Kind,
            discussion.DiscussedAt, actions, spell.Risks, spell.ReallocationReason), referral.PersonId, nameof(CaseAllocation), allocation.Id,
            actor: As(manager));

        var priority = story.Kind == CaseKind.ChildProtection ? Priority.ChildProtection : Priority.Standard;
        var ended = spell.EndedYesterday ? YesterdayAt(new TimeOnly(14, 0))
            : spell.EndedDaysAgo is { } endedDays ? WorkingDayAt(endedDays, new TimeOnly(10, 0)) : (DateTimeOffset?)null;
        if (ended is null)
        {
            foreach (var action in actions.Where(a => a.DueOn >= _today))
            {
                var item = work.Open(WorkKind.AgreedAction, allocation.Id, $"{action.What} ({story.Child})", allocation.TeamId, priority,
                    referral.PersonId, allocatedAt, TimeLimits.EndOfDay(action.DueOn));
                work.Reassign(item, allocation.TeamId, worker.Id);
            }
        }
        if (spell.Accepted)
        {
            allocation.AcceptedAt = allocatedAt.AddHours(spell.DaysAgo is null ? 1 : 3);
            db.Record(new AllocationAccepted(allocation.Id, worker.Id, worker.DisplayName), referral.PersonId, nameof(CaseAllocation),
                allocation.Id, actor: As(worker));
        }
        else
        {
            var accept = work.Open(WorkKind.AcceptAllocation, allocation.Id, $"Accept the case of {story.Child}", allocation.TeamId, priority,
                referral.PersonId, allocatedAt);
            work.Reassign(accept, allocation.TeamId, worker.Id);
        }
        if (ended is { } endedAt)
        {
            allocation.EndedAt = endedAt;
            allocation.EndReason = spell.EndReason;
            db.Record(new AllocationEnded(allocation.Id, worker.Id, worker.DisplayName, spell.EndReason ?? "Reallocated"), referral.PersonId,
                nameof(CaseAllocation), allocation.Id, actor: As(manager));
        }
        return allocation;
    }

    private void RecordOutsideTheRules(CaseAllocation allocation, CaseKind kind, StaffUser worker, StaffUser manager, DemoOutsideTheRules outside)
    {
        if (outside.OverriddenBy is { } by)
        {
            var serviceManager = users[by];
            allocation.CompetenceOverrideReason = outside.Reason;
            allocation.CompetenceOverriddenBy = serviceManager.Id;
            db.Record(new CompetenceOverridden(allocation.Id, worker.Id, worker.DisplayName, kind, outside.RulesBroken ?? [], outside.Reason),
                allocation.PersonId, nameof(CaseAllocation), allocation.Id, actor: As(serviceManager));
        }
        else
        {
            allocation.CapacityReason = outside.Reason;
            db.Record(new AllocatedOverCapacity(allocation.Id, worker.Id, worker.DisplayName, outside.LoadAfter ?? 0, outside.Capacity ?? 0, outside.Reason),
                allocation.PersonId, nameof(CaseAllocation), allocation.Id, actor: As(manager));
        }
    }

    private SupervisionRecord CaseSupervision(DemoCase story, CaseAllocation allocation, DemoCaseSupervision session)
    {
        var worker = users.Values.Single(u => u.Id == allocation.WorkerId);
        var supervisor = users.Values.Single(u => u.Id == worker.ManagerId);
        var record = new SupervisionRecord(SupervisionKind.Case, worker.Id, supervisor.Id, WorkingDayAt(session.DaysAgo, new TimeOnly(14, 0)),
            allocation.PersonId, allocation.Id)
        {
            Reflection = session.Reflection,
            RiskAnalysis = session.RiskAnalysis,
            Decisions = session.Decisions,
        };
        db.SupervisionRecords.Add(record);
        db.Record(new SupervisionRecorded(record.Id, SupervisionKind.Case, worker.Id, worker.DisplayName, supervisor.Id, supervisor.DisplayName,
            record.HeldAt, 0), allocation.PersonId, nameof(SupervisionRecord), record.Id, actor: As(supervisor));
        return record;
    }

    /// <summary>The next case supervision: the first within 10 working days of allocation, then on the cycle for the kind of case.</summary>
    private void OpenNextCaseSupervision(DemoCase story, CaseAllocation allocation, SupervisionRecord? last)
    {
        var from = last?.HeldAt ?? allocation.AllocatedAt;
        var due = calendar.AddWorkingDays(TimeLimits.UkDay(from),
            last is null ? TimeLimits.FirstSupervisionWorkingDays : SeedSupervisionCycle.CaseWorkingDays(story.Kind));
        var priority = story.Kind == CaseKind.ChildProtection ? Priority.ChildProtection : Priority.Standard;
        var item = work.Open(WorkKind.CaseSupervision, allocation.Id, $"Case supervision: {story.Child}", allocation.TeamId, priority,
            allocation.PersonId, from, TimeLimits.EndOfDay(due));
        work.Reassign(item, allocation.TeamId, allocation.WorkerId);
    }

    /// <summary>A leaver's case goes on their team manager's tray, to be reallocated before the leaving date.</summary>
    private void OpenReallocationIfLeaving(DemoCase story, CaseAllocation allocation)
    {
        var worker = users.Values.Single(u => u.Id == allocation.WorkerId);
        if (worker.EmploymentEndsOn is not { } leaving || worker.ManagerId is not { } managerId) return;
        var due = calendar.AddWorkingDays(leaving, -1);
        var item = work.Open(WorkKind.Reallocation, allocation.Id, $"Reallocate {story.Child}: {worker.DisplayName} leaves on {leaving:d MMMM}",
            allocation.TeamId, Priority.Urgent, allocation.PersonId, now, TimeLimits.EndOfDay(due));
        work.Reassign(item, allocation.TeamId, managerId);
    }

    private static readonly string[] Wellbeing =
    [
        "Feeling on top of things; enjoying the work with families. Asked for time back for the evening visits last week.",
        "Tired after a run of late visits and a difficult court hearing; agreed a lighter week and an early finish on Friday.",
        "Well, and settled in the team. Finds the drive to the north of the borough long; agreed to group visits by area.",
    ];

    private static readonly string[] Training =
    [
        "Child protection refresher booked; wants to shadow a senior colleague at an initial conference.",
        "Safeguarding foundation current. Interested in the court skills course next quarter.",
        "Asked for training in direct work with young children; manager to find a place on the next course.",
    ];

    /// <summary>Each social worker's last personal supervision, and the next one due on the cycle (overdue for some).</summary>
    public void WritePersonalSupervision()
    {
        var index = 0;
        foreach (var (email, daysAgo) in DemoAllocations.LastPersonalSupervision)
        {
            var worker = users[email];
            var supervisor = users.Values.Single(u => u.Id == worker.ManagerId);
            var cases = DemoAllocations.All.Count(c => users[c.Spells[^1].Worker].Id == worker.Id);
            var record = new SupervisionRecord(SupervisionKind.Personal, worker.Id, supervisor.Id, WorkingDayAt(daysAgo, new TimeOnly(10, 0)), null, null)
            {
                Wellbeing = Wellbeing[index % Wellbeing.Length],
                Caseload = cases == 0
                    ? "No cases held at present; ready to take new allocations."
                    : $"Holds {cases} case{(cases == 1 ? "" : "s")}; went through each and agreed the next steps. Capacity for one more.",
                Training = Training[index % Training.Length],
            };
            index++;
            db.SupervisionRecords.Add(record);
            db.Record(new SupervisionRecorded(record.Id, SupervisionKind.Personal, worker.Id, worker.DisplayName, supervisor.Id,
                supervisor.DisplayName, record.HeldAt, 0), null, nameof(SupervisionRecord), record.Id, actor: As(supervisor));
            var due = calendar.AddWorkingDays(TimeLimits.UkDay(record.HeldAt), SeedSupervisionCycle.PersonalWorkingDays);
            var item = work.Open(WorkKind.PersonalSupervision, worker.Id, $"Personal supervision: {worker.DisplayName}", worker.TeamId!.Value,
                Priority.Standard, null, record.HeldAt, TimeLimits.EndOfDay(due));
            work.Reassign(item, worker.TeamId!.Value, worker.Id);
        }
    }

    private static Actor As(StaffUser user) => new(user.Id, user.DisplayName);

    /// <summary><paramref name="time"/> on the working day about <paramref name="daysAgo"/> days ago (the next one, never after today).</summary>
    private DateTimeOffset WorkingDayAt(double daysAgo, TimeOnly time)
    {
        var day = _today.AddDays(-(int)Math.Round(daysAgo));
        while (!calendar.IsWorkingDay(day) && day < _today) day = day.AddDays(1);
        if (!calendar.IsWorkingDay(day) || day >= _today) day = calendar.AddWorkingDays(_today, -1);
        return TimeLimits.UkLocal(day, time);
    }

    /// <summary>The last working day before today, at <paramref name="time"/>.</summary>
    private DateTimeOffset YesterdayAt(TimeOnly time) => TimeLimits.UkLocal(calendar.AddWorkingDays(_today, -1), time);

    /// <summary>The working day about <paramref name="days"/> from today (the next one when that is not a working day).</summary>
    private DateOnly WorkingDayFrom(int days)
    {
        var day = _today.AddDays(days);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }
}
