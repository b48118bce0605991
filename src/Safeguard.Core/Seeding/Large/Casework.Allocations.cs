using System.Globalization;
using Safeguard.Core.Allocation;
using Safeguard.Core.Seeding.Large.Bulk;
using Safeguard.Core.Supervision;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding.Large;

/// <summary>A child's plan and the worker in the plan's team who took the case on when it started.</summary>
internal sealed record PlanSpell(CaseWorker Worker, DateOnly Started, CaseKind Kind);

/// <summary>
/// Who held each referral's case and when: allocations with their discussions (the assessment team's worker, then the
/// plan team's, with reallocations in between for some), the work they leave open (agreed actions still to do, cases
/// not yet accepted, the next case supervision) and supervision records, case and personal, on the cycle. Drawn from a
/// random stream of its own, so contacts, referrals, plans and people are the same as without it.
/// </summary>
internal sealed partial class Casework
{
    private readonly Random _extra = new(unchecked(options.Seed * 31 + 7));
    private readonly TableRows _allocations = new(Tables.CaseAllocations);
    private readonly TableRows _supervision = new(Tables.SupervisionRecords);
    public long CaseAllocations, SupervisionRecords;

    /// <summary>Set while generating the referrals whose open cases are left not yet accepted, however small the scale.</summary>
    private bool _leaveUnaccepted;

    /// <summary>Allocation records are written for cases open in the last two years (older ones carry only their worker).</summary>
    private DateOnly RecordsFrom => _today.AddYears(-2);

    private sealed record Spell(CaseWorker Worker, DateTime From, CaseKind Kind, string? Why);

    private static readonly string[] ReallocationReasons =
    [
        "Worker's agency contract ended", "Worker on long-term sick leave", "Worker left the council",
        "Caseload rebalanced across the team", "Conflict of interest: the worker knows the family", "Worker moved to another team",
    ];

    /// <summary>
    /// Writes the referral's allocations and returns the worker who holds (or last held) the case, and when a closed case's
    /// last allocation ended. An open case may have changed hands since, unless <paramref name="reallocate"/> is false (a case
    /// whose closure is still to be recorded).
    /// </summary>
    private (CaseWorker Holder, DateTime? ClosedAt) WriteCaseHistory(Guid referralId, Guid personId, string name, Priority priority, List<string> categories, bool strategy,
        DateOnly allocatedOn, CaseWorker first, PlanSpell? plan, DateOnly? closedOn, bool reallocate = true)
    {
        var spells = new List<Spell> { new(first, At(allocatedOn, 9, 60), strategy ? CaseKind.ChildProtection : CaseKind.ChildInNeed, null) };
        if (plan is { } p)
        {
            spells.Add(new(p.Worker, At(p.Started, 12, 120), p.Kind, p.Kind == CaseKind.ChildProtection
                ? "Transferred to the child protection team after the initial conference"
                : "Transferred to the child in need team for the plan"));
        }
        DateTime? closedAt = closedOn is { } c ? At(c, 15, 90) : null;
        if (closedAt is null && reallocate)
        {
            // Poor continuity: some children's current worker replaced another within the last year, a few twice.
            Reallocate(spells, 0.25);
            Reallocate(spells, 0.10);
        }
        var holder = spells[^1].Worker;
        if (closedOn is { } closed && closed < RecordsFrom) return (holder, closedAt);

        Guid? previous = null;
        for (var i = 0; i < spells.Count; i++)
        {
            var spell = spells[i];
            var current = i == spells.Count - 1;
            DateTime? endedAt = current ? closedAt : spells[i + 1].From;
            var endReason = endedAt is null ? null : current ? "Case closed" : spells[i + 1].Why!.StartsWith("Transferred", StringComparison.Ordinal)
                ? spells[i + 1].Why : "Reallocated: " + spells[i + 1].Why;
            previous = WriteAllocation(referralId, personId, name, priority, categories, spell, previous, endedAt, endReason, current && endedAt is null);
        }
        return (holder, closedAt);
    }

    /// <summary>With probability <paramref name="chance"/>, the last spell's worker took over from a colleague in the last year.</summary>
    private void Reallocate(List<Spell> spells, double chance)
    {
        if (_extra.NextDouble() >= chance) return;
        var last = spells[^1];
        var earliest = new[] { last.From.AddDays(15), Now.AddDays(-330) }.Max();
        var latest = Now.AddDays(-3);
        if (earliest >= latest) return;
        var team = workforce.CaseWorkersByTeam[last.Worker.TeamId];
        var before = team[_extra.Next(team.Length)];
        if (before.Id == last.Worker.Id) return;
        var day = DateOnly.FromDateTime(earliest.AddDays(_extra.Next((int)(latest - earliest).TotalDays + 1)));
        while (!_calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        var at = At(day, 10, 300);
        if (at <= last.From || at >= Now) return;
        spells[^1] = last with { Worker = before };
        spells.Add(new Spell(last.Worker, at, last.Kind, ReallocationReasons[_extra.Next(ReallocationReasons.Length)]));
    }

    private Guid WriteAllocation(Guid referralId, Guid personId, string name, Priority priority, List<string> categories, Spell spell,
        Guid? previous, DateTime? endedAt, string? endReason, bool open)
    {
        var id = DeterministicGuid.Create(_seed, IdKinds.CaseAllocation, ++CaseAllocations);
        var worker = spell.Worker;
        var discussedAt = spell.From.AddMinutes(-20 - _extra.Next(70));
        var risks = Risks(categories, name, spell.Kind);
        var recent = spell.From > Now.AddDays(-3);
        DateTime? acceptedAt = open && (_leaveUnaccepted || recent && _extra.NextDouble() < 0.5) ? null : spell.From.AddMinutes(30 + _extra.Next(20 * 60));
        if (acceptedAt > (endedAt ?? Now)) acceptedAt = spell.From.AddMinutes(10);
        _allocations.Add(id, personId, referralId, worker.TeamId, spell.Kind.ToString(), worker.Id, worker.ManagerId, discussedAt, risks, null,
            spell.From, spell.Why, previous, acceptedAt, endedAt, endReason, 1);
        var actions = Actions(name, spell);
        Record(new CaseAllocated(id, referralId, worker.Id, worker.DisplayName, worker.ManagerId, worker.ManagerName, spell.Kind, Utc(discussedAt),
            actions, risks, spell.Why), spell.From, ManagerOf(worker), personId, nameof(CaseAllocation), id);
        if (endedAt is { } ended)
        {
            Record(new AllocationEnded(id, worker.Id, worker.DisplayName, endReason!), ended, ManagerOf(worker), personId, nameof(CaseAllocation), id);
        }
        if (!open) return id;

        var casePriority = spell.Kind == CaseKind.ChildProtection ? Priority.ChildProtection : priority;
        foreach (var action in actions.Where(a => a.DueOn >= _today))
        {
            AddWork(WorkKind.AgreedAction, id, personId, $"{action.What} ({name})", worker.TeamId, worker.Id, casePriority, spell.From,
                EndOfDay(action.DueOn));
        }
        if (acceptedAt is null)
        {
            AddWork(WorkKind.AcceptAllocation, id, personId, $"Accept the case of {name}", worker.TeamId, worker.Id, casePriority, spell.From,
                Due(WorkKind.AcceptAllocation, spell.From, casePriority));
        }
        WriteCaseSupervision(id, personId, name, casePriority, spell);
        // A worker leaving within six weeks: the case is on their manager's tray, to reallocate before the leaving date.
        if (worker.LeavesOn is { } leaving && leaving <= _today.AddDays(42))
        {
            AddWork(WorkKind.Reallocation, id, personId, $"Reallocate {name}: {worker.DisplayName} leaves on {leaving.ToString("d MMMM", CultureInfo.InvariantCulture)}", worker.TeamId,
                worker.ManagerId, Priority.Urgent, Now.AddDays(-1), EndOfDay(_calendar.AddWorkingDays(leaving, -1)));
        }
        return id;
    }

    /// <summary>Case supervision on the cycle (the last six months of it written), and the next one due; about one in eight missed.</summary>
    private void WriteCaseSupervision(Guid allocationId, Guid personId, string name, Priority priority, Spell spell)
    {
        var worker = spell.Worker;
        var from = DateOnly.FromDateTime(spell.From);
        var cycle = SeedSupervisionCycle.CaseWorkingDays(spell.Kind);
        var writeFrom = _today.AddMonths(-6);
        DateOnly? held = null;
        var due = _calendar.AddWorkingDays(from, Timescales.TimeLimits.FirstSupervisionWorkingDays);
        while (due < _today)
        {
            if (_extra.NextDouble() >= 0.12)
            {
                var day = _calendar.AddWorkingDays(due, -_extra.Next(3));
                if (day <= from) day = due;
                held = day;
                if (day >= writeFrom)
                {
                    var (reflection, analysis, decisions) = CaseSupervisionText(name, worker.DisplayName);
                    AddSupervision(SupervisionKind.Case, worker, At(day, 13, 180), personId, allocationId, reflection, analysis, decisions,
                        null, null, null);
                }
                due = _calendar.AddWorkingDays(day, cycle);
            }
            else
            {
                // Missed: still due, and overdue from now on unless the next falls in the future.
                break;
            }
        }
        var openedAt = held is { } h ? At(h, 17, 0) : spell.From;
        var dueAt = EndOfDay(due);
        if (dueAt <= openedAt) dueAt = openedAt.AddHours(1);
        AddWork(WorkKind.CaseSupervision, allocationId, personId, $"Case supervision: {name}", worker.TeamId, worker.Id, priority, openedAt, dueAt);
    }

    /// <summary>Each case-holding social worker's personal supervision over the last six months, and the next due (some overdue).</summary>
    private void WritePersonalSupervision()
    {
        foreach (var worker in workforce.CaseWorkersByTeam.Values.SelectMany(w => w).DistinctBy(w => w.Id))
        {
            var day = _calendar.AddWorkingDays(_today.AddMonths(-6), _extra.Next(SeedSupervisionCycle.PersonalWorkingDays));
            DateOnly? held = null;
            while (day < _today && _extra.NextDouble() >= 0.1)
            {
                held = day;
                var (wellbeing, caseload, training) = PersonalSupervisionText(worker.DisplayName);
                AddSupervision(SupervisionKind.Personal, worker, At(day, 10, 240), null, null, null, null, null, wellbeing, caseload, training);
                day = _calendar.AddWorkingDays(day, SeedSupervisionCycle.PersonalWorkingDays);
            }
            var openedAt = held is { } h ? At(h, 17, 0) : Now.AddDays(-30);
            var dueAt = EndOfDay(day);
            if (dueAt <= openedAt) dueAt = openedAt.AddHours(1);
            _work.Add(DeterministicGuid.Create(_seed, IdKinds.WorkItem, ++WorkItems), nameof(WorkKind.PersonalSupervision), worker.Id, null,
                $"Personal supervision: {worker.DisplayName}", worker.TeamId, worker.Id, nameof(Priority.Standard), openedAt, dueAt, null);
        }
    }

    private void AddSupervision(SupervisionKind kind, CaseWorker worker, DateTime heldAt, Guid? personId, Guid? allocationId,
        string? reflection, string? analysis, string? decisions, string? wellbeing, string? caseload, string? training)
    {
        var id = DeterministicGuid.Create(_seed, IdKinds.SupervisionRecord, ++SupervisionRecords);
        _supervision.Add(id, kind.ToString(), worker.Id, worker.ManagerId, heldAt, personId, allocationId, reflection, analysis, decisions,
            wellbeing, caseload, training);
        // The bulk records carry no agreed actions of their own.
        Record(new SupervisionRecorded(id, kind, worker.Id, worker.DisplayName, worker.ManagerId, worker.ManagerName, Utc(heldAt), 0), heldAt,
            ManagerOf(worker), personId, nameof(SupervisionRecord), id);
    }

    /// <summary>The first actions agreed in the discussion, due a few working days after it.</summary>
    private List<AgreedAction> Actions(string name, Spell spell)
    {
        var day = DateOnly.FromDateTime(spell.From);
        var first = name.Split(' ')[0];
        var all = new List<AgreedAction>
        {
            new($"See {first} alone", _calendar.AddWorkingDays(day, spell.Kind == CaseKind.ChildProtection ? 1 : 5)),
        };
        if (_extra.NextDouble() < 0.7) all.Add(new($"Visit {first} at home and meet the family", _calendar.AddWorkingDays(day, 3 + _extra.Next(5))));
        if (_extra.NextDouble() < 0.5) all.Add(new("Speak to the school and the health visitor or GP", _calendar.AddWorkingDays(day, 5 + _extra.Next(10))));
        return all;
    }

    private static readonly Dictionary<string, string> RiskText = new()
    {
        ["domestic-abuse"] = "{0} lives with violence between the adults at home; the abusive partner may return.",
        ["neglect"] = "{0}'s basic needs are not met: food, warmth, hygiene and health appointments have been missed.",
        ["emotional-abuse"] = "{0} is criticised and frightened at home and is withdrawn at school.",
        ["mental-health"] = "A parent's mental health is poor and {0} may be left without a safe adult.",
        ["physical-abuse"] = "{0} has had an injury without a clear explanation; the adult responsible is still in the home.",
        ["substance-misuse"] = "The adults caring for {0} misuse drugs or alcohol and may not be able to keep {0} safe.",
        ["exploitation"] = "{0} goes missing and is in contact with older people who may be exploiting {0}.",
        ["sexual-abuse"] = "{0} has said something that suggests sexual abuse; who may be responsible is not yet known.",
    };

    private static string Risks(List<string> categories, string name, CaseKind kind)
    {
        var first = name.Split(' ')[0];
        var text = string.Join(" ", categories.Select(c => RiskText.GetValueOrDefault(c, "Concerns about {0}'s care at home.").Replace("{0}", first, StringComparison.Ordinal)));
        return kind == CaseKind.ChildProtection ? text + " Reasonable cause to suspect significant harm." : text;
    }

    private static readonly string[] Reflections =
    [
        "{1} reflected that the family present well at planned visits and wants to see {0}'s day as it really is.",
        "{1} noticed they had been reassured by the parent's account; other professionals' views need more weight.",
        "{1} described how hard it is for {0} to speak to yet another worker and wants to build trust slowly.",
        "{1} reflected on what {0} would say about the plan if asked, and realised nobody has asked recently.",
    ];

    private static readonly string[] Analyses =
    [
        "Protective factors are stronger than at allocation but depend on one adult; the risk rises if that help stops.",
        "No new incidents; attendance and health appointments have improved. The underlying concern is unchanged.",
        "The risk has changed rather than reduced: a new adult is in the household and little is known about them.",
        "Some progress, but the parents' engagement is inconsistent and the plan's actions are slipping.",
    ];

    private static readonly string[] Decisions =
    [
        "An unannounced visit before the next review; school to report any absence the same day.",
        "Continue the plan; ask for checks on the new adult in the household.",
        "Convene a core group or network meeting within ten working days to refocus the plan.",
        "Seek the child's own views directly, alone, before the next review.",
    ];

    private (string, string, string) CaseSupervisionText(string name, string worker)
    {
        var first = name.Split(' ')[0];
        var workerFirst = worker.Split(' ')[0];
        return (Reflections[_extra.Next(Reflections.Length)].Replace("{0}", first, StringComparison.Ordinal).Replace("{1}", workerFirst, StringComparison.Ordinal),
            Analyses[_extra.Next(Analyses.Length)], Decisions[_extra.Next(Decisions.Length)]);
    }

    private static readonly string[] WellbeingText =
    [
        "Feeling on top of things; enjoying the work with families.",
        "Tired after a run of late visits; agreed a lighter week.",
        "Finds the travelling across the borough long; agreed to group visits by area.",
        "Affected by a distressing visit last week; talked it through and agreed to use the employee support line.",
    ];

    private static readonly string[] CaseloadText =
    [
        "Went through each case and the next steps; capacity for one more.",
        "Caseload is heavy; no new allocations for two weeks.",
        "Two cases ready to close; agreed the closure summaries.",
    ];

    private static readonly string[] TrainingText =
    [
        "Child protection refresher booked.",
        "Wants the court skills course next quarter.",
        "Asked for training in direct work with young children.",
    ];

    private (string, string, string) PersonalSupervisionText(string worker) =>
        (WellbeingText[_extra.Next(WellbeingText.Length)], CaseloadText[_extra.Next(CaseloadText.Length)], TrainingText[_extra.Next(TrainingText.Length)]);

    /// <summary><paramref name="hour"/> o'clock on <paramref name="day"/> plus up to <paramref name="spreadMinutes"/> minutes (UTC standing for local time).</summary>
    private DateTime At(DateOnly day, int hour, int spreadMinutes) =>
        day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc).AddMinutes(spreadMinutes == 0 ? 0 : _extra.Next(spreadMinutes));

    private static DateTime EndOfDay(DateOnly day) => day.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
