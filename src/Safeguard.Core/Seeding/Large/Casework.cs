using Safeguard.Core.Assessments;
using Safeguard.Core.Timescales;
using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding.Large.Bulk;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding.Large;

/// <summary>
/// Ten years of contacts in time order, each with its children, and what followed: referrals, assessments, plans,
/// the work still open at the end, and for each step the typed event its service writes. Generated and written in chunks of contacts.
/// </summary>
internal sealed partial class Casework(LargeSeedOptions options, Workforce workforce, Population population, Random random)
{
    public long Contacts, ContactChildren, Referrals, Assessments, ChildPlans, WorkItems, Events;
    public long OpenContacts, OpenReferrals;

    /// <summary>However small the scale, the last contacts stay in the trays: these many await a decision ...</summary>
    private const int MinimumAwaitingDecision = 8;
    /// <summary>... and the referrals of these many contacts before them await allocation.</summary>
    private const int MinimumAwaitingAllocationWindow = 40;
    /// <summary>... and the open cases of the referrals of these many contacts before those are allocated, not yet accepted.</summary>
    private const int MinimumNotYetAcceptedWindow = 12;

    // The one working-day calendar, so synthetic due dates follow the same rules as the service's.
    private readonly IWorkingDayCalendar _calendar = WorkingDayCalendar.Default();
    private readonly WorkClocks _clocks = new(WorkingDayCalendar.Default());
    private readonly int _seed = options.Seed;
    private readonly DateOnly _today = options.EndDate;
    private readonly DateOnly _start = options.EndDate.AddYears(-10);
    private DateTime Now => _today.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);

    private readonly TableRows _contacts = new(Tables.Contacts);
    private readonly TableRows _children = new(Tables.ContactChildren);
    private readonly TableRows _referrals = new(Tables.Referrals);
    private readonly TableRows _assessments = new(Tables.Assessments);
    private readonly TableRows _plans = new(Tables.ChildPlans);
    private readonly TableRows _work = new(Tables.WorkItems);
    private readonly TableRows _events = new(Tables.Events);
    private readonly int[] _recent = new int[500];
    private int _recentCount;
    private int _referenceYear, _referenceSerial;

    public async Task GenerateAsync(BulkWriter writer, IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        var target = options.ContactTarget;
        var days = _today.DayNumber - _start.DayNumber;
        var weights = new double[days];
        for (var d = 0; d < days; d++) weights[d] = DayWeight(_start.AddDays(d), d / 365.25);
        var total = weights.Sum();
        var sources = BuildSources();
        WritePersonalSupervision();
        double carry = 0;
        var index = 0;
        var inChunk = 0;
        for (var d = 0; d < days; d++)
        {
            carry += target * weights[d] / total;
            var n = d == days - 1 ? target - index : (int)carry;
            carry -= n;
            if (n <= 0) continue;
            var date = _start.AddDays(d);
            var times = new DateTime[n];
            for (var i = 0; i < n; i++) times[i] = date.ToDateTime(TimeOfDay(date), DateTimeKind.Utc);
            Array.Sort(times);
            foreach (var receivedAt in times)
            {
                GenerateContact(index, target, receivedAt, sources);
                index++;
                if (++inChunk >= options.ContactsPerChunk)
                {
                    await FlushAsync(writer, ct);
                    inChunk = 0;
                    progress?.Report(new SeedProgress("Contacts", index, target));
                }
            }
        }
        if (inChunk > 0)
        {
            await FlushAsync(writer, ct);
            progress?.Report(new SeedProgress("Contacts", index, target));
        }
    }

    private async Task FlushAsync(BulkWriter writer, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        TableRows[] all = [_contacts, _children, _referrals, _assessments, _plans, _discussions, _participants, _enquiries, _conferences,
            _allocations, _supervision, _work, _events];
        await writer.WriteAsync(all, ct);
        foreach (var rows in all) rows.Rows.Clear();
    }

    /// <summary>Relative volume of a day: weekdays busy, weekends quiet, August and Christmas dips, 4% growth a year.</summary>
    private static double DayWeight(DateOnly date, double years)
    {
        var weekday = date.DayOfWeek switch
        {
            DayOfWeek.Saturday => 0.12, DayOfWeek.Sunday => 0.10, DayOfWeek.Monday => 1.12, DayOfWeek.Friday => 0.95, _ => 1.0,
        };
        var season = date.Month switch { 8 => 0.75, 9 or 10 or 11 => 1.1, 12 when date.Day >= 20 => 0.6, 1 when date.Day <= 3 => 0.6, _ => 1.0 };
        return weekday * season * (1 + 0.04 * years);
    }

    private TimeOnly TimeOfDay(DateOnly date)
    {
        var office = _calendar.IsWorkingDay(date) && random.NextDouble() < 0.85;
        var minutes = office ? 8 * 60 + random.Next(10 * 60) : random.Next(24 * 60);
        return new TimeOnly(minutes / 60, minutes % 60, random.Next(60));
    }

    private sealed record Source(Partner? Partner, string Code, string Kind);

    private Weighted<Source> BuildSources()
    {
        var entries = new List<(Source, double)>();
        var kindWeights = new Dictionary<OrganisationKind, double>
        {
            [OrganisationKind.Police] = 0.29, [OrganisationKind.Education] = 0.20, [OrganisationKind.Health] = 0.16,
            [OrganisationKind.Voluntary] = 0.05, [OrganisationKind.Other] = 0.06,
        };
        foreach (var group in workforce.Partners.GroupBy(p => p.Kind))
        {
            var weight = kindWeights.GetValueOrDefault(group.Key, 0.02);
            var members = group.ToArray();
            foreach (var partner in members)
            {
                entries.Add((new Source(partner, partner.SourceCode, "partner"), weight / members.Length * (partner.Name.Contains("Missing") ? 0.3 : 1)));
            }
        }
        entries.Add((new Source(null, "1A", "Family member"), 0.08));
        entries.Add((new Source(null, "1B", "Neighbour"), 0.03));
        entries.Add((new Source(null, "1C", "Young person"), 0.01));
        entries.Add((new Source(null, "5B", "Adult social care"), 0.04));
        entries.Add((new Source(null, "9", "Anonymous"), 0.03));
        entries.Add((new Source(null, "10", "Member of the public"), 0.02));
        return new Weighted<Source>(entries.ToArray());
    }

    private static readonly Weighted<string> CategoryWeights = new(
        ("domestic-abuse", 25), ("neglect", 20), ("emotional-abuse", 12), ("mental-health", 12), ("physical-abuse", 10),
        ("substance-misuse", 9), ("exploitation", 7), ("sexual-abuse", 5));

    private static readonly Dictionary<Priority, Weighted<ScreeningOutcome>> Outcomes = new()
    {
        [Priority.ChildProtection] = new((ScreeningOutcome.StrategyDiscussion, 50), (ScreeningOutcome.ReferralToSocialCare, 40),
            (ScreeningOutcome.EarlyHelp, 4), (ScreeningOutcome.InformationAndAdvice, 3), (ScreeningOutcome.NoFurtherAction, 3)),
        [Priority.Urgent] = new((ScreeningOutcome.StrategyDiscussion, 6), (ScreeningOutcome.ReferralToSocialCare, 40),
            (ScreeningOutcome.EarlyHelp, 22), (ScreeningOutcome.InformationAndAdvice, 16), (ScreeningOutcome.NoFurtherAction, 16)),
        [Priority.Standard] = new((ScreeningOutcome.StrategyDiscussion, 1), (ScreeningOutcome.ReferralToSocialCare, 17),
            (ScreeningOutcome.EarlyHelp, 30), (ScreeningOutcome.InformationAndAdvice, 25), (ScreeningOutcome.NoFurtherAction, 27)),
    };

    private void GenerateContact(int index, int target, DateTime receivedAt, Weighted<Source> sources)
    {
        var id = DeterministicGuid.Create(_seed, IdKinds.Contact, ++Contacts);
        var day = DateOnly.FromDateTime(receivedAt);
        if (day.Year != _referenceYear) (_referenceYear, _referenceSerial) = (day.Year, 0);
        var reference = $"LC-{day.Year}-{++_referenceSerial:D6}";
        var source = sources.Pick(random);
        var partner = source.Partner;
        var goLive = _start.AddYears(2);
        var channel = day < goLive ? ContactChannel.Imported
            : partner is null ? ContactChannel.FrontDoor
            : partner.Kind == OrganisationKind.Police ? (random.NextDouble() < 0.7 ? ContactChannel.PartnerApi : ContactChannel.FrontDoor)
            : random.NextDouble() < 0.45 ? ContactChannel.PartnerPage : ContactChannel.FrontDoor;
        channel = AfterPartnerStop(channel, partner, TimeLimits.UkDay(Utc(receivedAt)));

        var categoryCount = random.NextDouble() switch { < 0.55 => 1, < 0.88 => 2, _ => 3 };
        var categories = new List<string>(3);
        while (categories.Count < categoryCount)
        {
            var c = CategoryWeights.Pick(random);
            if (!categories.Contains(c)) categories.Add(c);
        }
        bool Has(string c) => categories.Contains(c);
        var injury = Has("physical-abuse") && random.NextDouble() < 0.35;
        var pCp = 0.03 + (Has("sexual-abuse") ? 0.25 : 0) + (injury ? 0.2 : 0) + (Has("exploitation") ? 0.08 : 0);
        var priority = random.NextDouble() < pCp ? Priority.ChildProtection : random.NextDouble() < 0.24 ? Priority.Urgent : Priority.Standard;
        var immediateRisk = priority == Priority.ChildProtection && random.NextDouble() < 0.6;
        bool? parentsAware = random.NextDouble() switch { < 0.6 => true, < 0.85 => false, _ => null };

        // The children: one anchor of the right age (often a child seen recently), then brothers and sisters.
        var kids = PickChildren(day);
        var names = string.Join(", ", kids.Select(k => population.ChildName[k]));

        var decisionDue = Due(WorkKind.ScreeningDecision, receivedAt, priority);
        var feedbackDue = receivedAt.AddHours(48);
        var delayHours = priority == Priority.ChildProtection ? 0.5 + random.NextDouble() * 3.5
            : random.NextDouble() switch { < 0.72 => 1 + random.NextDouble() * 7, < 0.92 => 18 + random.NextDouble() * 12, _ => 30 + random.NextDouble() * 90 };
        var decidedAt = receivedAt.AddSeconds(Math.Round(delayHours * 3600));
        var awaiting = decidedAt >= Now || index >= target - MinimumAwaitingDecision
            || (receivedAt > Now.AddDays(-10) && random.NextDouble() < 0.02);
        var outcome = Outcomes[priority].Pick(random);
        var decider = workforce.Worker(random, workforce.Mash);

        var (referrerName, role, email, phone) = Referrer(source);
        var concern = Concern(categories, names, injury);
        var reasons = awaiting ? null : DecisionReasons(outcome);
        _contacts.Add(id, reference, receivedAt, channel.ToString(), partner?.Id, referrerName, partner?.Name, role, email, phone,
            concern, string.Join('|', categories), injury, immediateRisk, parentsAware,
            priority.ToString(), (awaiting ? ContactStatus.AwaitingDecision : ContactStatus.Decided).ToString(),
            decisionDue, feedbackDue,
            awaiting ? null : outcome.ToString(), reasons,
            awaiting ? null : decidedAt, awaiting ? null : decider.Id);

        var fromPartner = channel is ContactChannel.PartnerApi or ContactChannel.PartnerPage;
        Guid? actorId = fromPartner ? null : decider.Id;
        var actorName = channel switch
        {
            ContactChannel.PartnerApi => $"{partner!.Name} (API)",
            ContactChannel.PartnerPage => referrerName,
            ContactChannel.Imported => "Safeguard (system)",
            _ => workforce.Worker(random, workforce.Mash).DisplayName,
        };
        var receivedBy = new Actor(actorId, actorName, fromPartner ? partner?.Id : null);
        var received = new ContactReceived(id, reference, channel, referrerName, partner?.Name, priority, ContactReceived.Excerpt(concern));
        foreach (var kid in kids)
        {
            var childId = population.ChildId[kid];
            _children.Add(DeterministicGuid.Create(_seed, IdKinds.ContactChild, ++ContactChildren), id, childId);
            Record(received, receivedAt, receivedBy, childId, nameof(Contact), id);
            if (!awaiting) Record(new ContactDecided(id, reference, outcome), decidedAt, By(decider), childId, nameof(Contact), id, reasons);
        }

        if (awaiting)
        {
            OpenContacts++;
            var owner = random.NextDouble() < 0.3 ? decider.Id : (Guid?)null;
            AddWork(WorkKind.ScreeningDecision, id, population.ChildId[kids[0]], $"Screening decision: {reference} ({names})",
                workforce.Mash, owner, priority, receivedAt, decisionDue);
            return;
        }
        if (outcome is not (ScreeningOutcome.ReferralToSocialCare or ScreeningOutcome.StrategyDiscussion)) return;

        var forceAwaitingAllocation = index >= target - MinimumAwaitingDecision - MinimumAwaitingAllocationWindow;
        _leaveUnaccepted = index >= target - MinimumAwaitingDecision - MinimumAwaitingAllocationWindow - MinimumNotYetAcceptedWindow;
        foreach (var kid in kids.Where(k => !InOpenEpisode(k, DateOnly.FromDateTime(decidedAt))))
        {
            GenerateReferral(id, kid, source.Code, priority, outcome == ScreeningOutcome.StrategyDiscussion, decidedAt, decider,
                categories, forceAwaitingAllocation, new ContactStory(concern, reasons!));
        }
    }

    private List<int> PickChildren(DateOnly day)
    {
        var dayNumber = day.DayNumber;
        var oldest = day.AddYears(-18).DayNumber + 1;
        bool Eligible(int child) => population.ChildDob[child] <= dayNumber && population.ChildDob[child] >= oldest;
        var kids = new List<int>(3);
        if (_recentCount > 0 && random.NextDouble() < 0.25)
        {
            var candidate = _recent[random.Next(Math.Min(_recentCount, _recent.Length))];
            if (Eligible(candidate)) kids.Add(candidate);
        }
        if (kids.Count == 0)
        {
            var lo = LowerBound(population.SortedDob, oldest);
            var hi = LowerBound(population.SortedDob, dayNumber + 1);
            kids.Add(hi > lo ? population.ByDob[lo + random.Next(hi - lo)] : population.ByDob[0]);
        }
        _recent[_recentCount++ % _recent.Length] = kids[0];
        var wanted = random.NextDouble() switch { < 0.7 => 1, < 0.92 => 2, _ => 3 };
        if (wanted > 1)
        {
            foreach (var sibling in population.HouseholdChildren[population.ChildHousehold[kids[0]]])
            {
                if (kids.Count >= wanted) break;
                if (sibling != kids[0] && Eligible(sibling)) kids.Add(sibling);
            }
        }
        return kids;
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private void GenerateReferral(Guid contactId, int kid, string sourceCode, Priority priority, bool strategy,
        DateTime decidedAt, StaffMember decider, List<string> categories, bool forceAwaitingAllocation, ContactStory contact)
    {
        var personId = population.ChildId[kid];
        var name = population.ChildName[kid];
        var north = population.HouseholdNorth[population.ChildHousehold[kid]];
        var teamId = workforce.Assessment(north);
        var id = DeterministicGuid.Create(_seed, IdKinds.Referral, ++Referrals);
        var referralDate = DateOnly.FromDateTime(decidedAt);
        Record(ReferralCreated(personId, contactId, referralDate, sourceCode, teamId), decidedAt, By(decider), personId, nameof(Referral), id);

        var allocationDelay = random.NextDouble() switch { < 0.4 => 0, < 0.75 => 1, _ => 2 + random.Next(4) };
        var allocatedOn = _calendar.AddWorkingDays(referralDate, allocationDelay);
        var heldUntil = HeldBackUntil(allocatedOn);
        var heldBack = heldUntil is not null;
        allocatedOn = heldUntil ?? allocatedOn;
        if (forceAwaitingAllocation || allocatedOn >= _today)
        {
            OpenReferrals++;
            EpisodeOpen(kid, null);
            // The census asks a primary need of every referral not closed with no further action, waiting ones included (rule 8610).
            _referrals.Add(id, personId, contactId, referralDate, sourceCode, teamId, null, nameof(ReferralStatus.AwaitingAllocation), null, null,
                CensusSeedValues.PrimaryNeed(Referrals, string.Join(',', categories)));
            AddWork(WorkKind.Allocation, id, personId, $"Allocate referral: {name}", teamId, null, priority, decidedAt,
                Due(WorkKind.Allocation, decidedAt, priority));
            return;
        }

        var worker = workforce.CaseWorker(random, teamId);
        if (allocatedOn >= WalkFrom)
        {
            WalkLater(id, kid, contactId, referralDate, sourceCode, teamId, priority, strategy, allocatedOn, worker, categories, contact);
            return;
        }
        DateOnly? closedOn;
        string closureReason;
        PlanSpell? plan = null;
        SeedEnquiry? enquiry = null;
        DateOnly? authorised = null;
        var assessed = false;
        var discussedAt = decidedAt.AddMinutes(60 + _protection.Next(180));
        if (random.NextDouble() >= (strategy ? 0.95 : 0.55))
        {
            closedOn = _calendar.AddWorkingDays(allocatedOn, 5 + random.Next(15));
            closureReason = "RC7";
            if (strategy) Discuss(id, personId, name, discussedAt, worker, section47: false);
        }
        else
        {
            if (strategy) enquiry = Discuss(id, personId, name, discussedAt, worker, section47: true);
            assessed = true;
            var assessmentId = DeterministicGuid.Create(_seed, IdKinds.Assessment, ++Assessments);
            var due = _calendar.AddWorkingDays(referralDate, TimeLimits.AssessmentWorkingDays);
            var took = random.NextDouble() < 0.8 ? 10 + random.Next(35) : 46 + random.Next(30);
            DateOnly? completed = _calendar.AddWorkingDays(referralDate, took);
            if (heldBack) completed = CompletedAfterHold(completed.Value, allocatedOn);
            authorised = _calendar.AddWorkingDays(completed.Value, random.Next(6));
            if (completed >= _today) (completed, authorised) = (null, null);
            else if (authorised >= _today) authorised = null;
            var factors = Factors(categories);
            _assessments.Add(assessmentId, id, personId, allocatedOn, due, completed, authorised, factors, worker.Id,
                completed is null ? null : worker.Id);
            var startedAt = allocatedOn.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc);
            Record(new AssessmentStarted(assessmentId, id, worker.Id, worker.DisplayName, allocatedOn, due), startedAt, By(worker), personId,
                nameof(Assessment), assessmentId);
            if (enquiry is not null)
            {
                // Without a conference the enquiry ends within a few weeks (before the assessment completes), its outcome still to come.
                var end = _calendar.AddWorkingDays(enquiry.StartedOn, 5 + _protection.Next(10));
                if (completed is { } done && done < end) end = done;
                if (end < _today) (enquiry.EndedOn, enquiry.Outcome) = (end, Section47Outcome.NoFurtherAction);
            }
            if (completed is null)
            {
                AddWork(WorkKind.Assessment, assessmentId, personId, $"Child and family assessment: {name}", teamId, worker.Id, priority,
                    startedAt, due.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc));
                closedOn = null;
                closureReason = "";
            }
            else
            {
                if (authorised is null)
                {
                    var completedAt = completed.Value.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
                    AddWork(WorkKind.AssessmentAuthorisation, assessmentId, personId, $"Authorise the assessment of {name}", teamId, null, priority,
                        completedAt, _calendar.AddWorkingDays(completed.Value, TimeLimits.AssessmentAuthorisationWorkingDays).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc));
                }
                var kind = random.NextDouble() < (strategy ? 0.4 : 0.05) ? PlanKind.ChildProtection
                    : random.NextDouble() < 0.3 ? PlanKind.ChildInNeed : (PlanKind?)null;
                var concernsFound = kind == PlanKind.ChildProtection && enquiry is null;
                if (concernsFound)
                {
                    // Concerns found during the assessment: a strategy discussion on the day it began.
                    enquiry = Discuss(id, personId, name, allocatedOn.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc), worker, section47: true);
                }
                RecordAssessed(assessmentId, personId, worker, due, completed.Value, authorised, factors,
                    kind switch
                    {
                        PlanKind.ChildInNeed => AssessmentOutcome.ChildInNeedPlan,
                        PlanKind.ChildProtection => concernsFound ? AssessmentOutcome.StrategyDiscussion : AssessmentOutcome.Other,
                        _ => AssessmentOutcome.NoFurtherAction,
                    });
                if (kind == PlanKind.ChildInNeed && enquiry is { Outcome: not null }) enquiry.Outcome = Section47Outcome.ChildInNeedPlan;
                if (kind is { } planKind)
                {
                    (closedOn, closureReason, plan) = GeneratePlan(id, personId, kid, name, north, planKind, referralDate, allocatedOn,
                        completed.Value, priority, categories, enquiry);
                }
                else
                {
                    closedOn = _calendar.AddWorkingDays(authorised ?? completed.Value, 1 + random.Next(10));
                    // RC8 and RC9 say nothing followed the assessment (rule 2990): not after a section 47 enquiry.
                    closureReason = enquiry is not null ? "RC7" : random.NextDouble() < 0.7 ? "RC8" : "RC9";
                }
            }
        }
        // A case closes only once its assessment is authorised.
        if (closedOn is { } closing && assessed) closedOn = authorised is { } a ? Later(closing, a) : null;
        var closed = closedOn is { } c && c < _today;
        EpisodeOpen(kid, closed ? closedOn : null);
        if (enquiry is not null) WriteEnquiry(enquiry, id, personId, name, teamId, worker);
        var (holder, closedAt) = WriteCaseHistory(id, personId, name, priority, categories, strategy, allocatedOn, worker, plan, closed ? closedOn : null);
        if (closed) RecordClosure(id, personId, name, closedOn!.Value, closedAt!.Value, closureReason, plan, holder);
        _referrals.Add(id, personId, contactId, referralDate, sourceCode, teamId, holder.Id,
            closed ? nameof(ReferralStatus.Closed) : nameof(ReferralStatus.Allocated), closed ? closedOn : null, closed ? closureReason : null,
            CensusSeedValues.PrimaryNeed(Referrals, string.Join(',', categories)));
    }

    private (DateOnly? ClosedOn, string Reason, PlanSpell? Plan) GeneratePlan(Guid referralId, Guid personId, int kid, string name, bool north,
        PlanKind kind, DateOnly referralDate, DateOnly allocatedOn, DateOnly assessed, Priority priority, List<string> categories,
        SeedEnquiry? enquiry)
    {
        var cp = kind == PlanKind.ChildProtection;
        // An initial conference within about 15 working days of the strategy discussion (and after the assessment began, for a
        // case held back from allocation); a CIN plan after the assessment.
        var started = cp ? Later(_calendar.AddWorkingDays(referralDate, 8 + random.Next(12)), _calendar.NextWorkingDay(allocatedOn))
            : _calendar.AddWorkingDays(assessed, random.Next(10));
        if (started >= _today)
        {
            // The initial conference is still to be held.
            if (cp && enquiry is not null) (enquiry.EndedOn, enquiry.Outcome) = (null, null);
            return (null, "", null);
        }
        var months = cp
            ? random.NextDouble() switch { < 0.2 => 3 + random.Next(3), < 0.85 => 6 + random.Next(9), < 0.95 => 15 + random.Next(9), _ => 24 + random.Next(12) }
            : 3 + random.Next(10);
        // A plan ends at a review (a conference for a child protection plan): on a working day.
        DateOnly? ended = _calendar.AddWorkingDays(started.AddMonths(months).AddDays(random.Next(-10, 10)), 0);
        if (ended >= _today) ended = null;
        var category = cp ? CpCategory(categories) : null;
        var id = DeterministicGuid.Create(_seed, IdKinds.ChildPlan, ++ChildPlans);
        var number = NextPlanNumber(kid, kind);
        _plans.Add(id, referralId, personId, kind.ToString(), started, ended, category, category, number);
        var teamId = cp ? workforce.ChildProtection(north) : workforce.ChildInNeed(north);
        var worker = workforce.CaseWorker(random, teamId);
        var startedAt = started.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
        var spell = new PlanSpell(worker, started, cp ? CaseKind.ChildProtection : CaseKind.ChildInNeed);
        if (!cp) RecordChildInNeedPlan(id, referralId, personId, started, ended, enquiry, startedAt, worker);
        DateOnly? nextReview = cp ? HoldConferences(enquiry!, referralId, personId, id, number, started, ended, category!, worker) : null;
        if (ended is null)
        {
            // A child protection plan's next review conference on the statutory date; a CIN plan reviewed every 3 months.
            var review = started.AddMonths(3);
            while (review < _today) review = review.AddMonths(3);
            AddWork(cp ? WorkKind.ReviewConference : WorkKind.Review, id, personId,
                cp ? $"Review child protection conference: {name}" : $"Review the child in need plan: {name}", teamId, worker.Id, priority, startedAt,
                (nextReview ?? _calendar.LatestWorkingDayOnOrBefore(review)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc));
            if (cp)
            {
                var visitDue = _calendar.AddWorkingDays(_today, random.Next(10));
                // About one statutory visit in twelve is overdue (drawn from the allocation stream: the rest of the council is unchanged).
                if (_extra.NextDouble() < 0.08) visitDue = Later(_calendar.AddWorkingDays(_today, -1 - _extra.Next(5)), started);
                AddWork(WorkKind.Visit, id, personId, $"Statutory visit: {name}", teamId, worker.Id, Priority.ChildProtection, startedAt,
                    visitDue.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc));
            }
            return (null, "", spell);
        }
        var reason = random.NextDouble() switch { < 0.85 => "RC7", < 0.93 => "RC4", < 0.97 => "RC3", < 0.99 => "RC6", _ => "RC1" };
        return (ended, reason, spell);
    }

    /// <summary>When work of <paramref name="kind"/> started at <paramref name="from"/> is due: its clock in the work catalogue.</summary>
    private DateTime Due(WorkKind kind, DateTime from, Priority priority) => WorkCatalogue.For(kind).Due(_clocks, Utc(from), priority).UtcDateTime;

    private void AddWork(WorkKind kind, Guid subjectId, Guid personId, string title, Guid teamId, Guid? userId, Priority priority,
        DateTime openedAt, DateTime dueAt)
    {
        _work.Add(DeterministicGuid.Create(_seed, IdKinds.WorkItem, ++WorkItems), kind.ToString(), subjectId, personId,
            Text.Clip.ToLength(title, 300), teamId, userId, priority.ToString(), openedAt, dueAt, null);
    }

    private static string CpCategory(List<string> categories) =>
        categories.Contains("sexual-abuse") ? "sexual"
        : categories.Contains("physical-abuse") ? "physical"
        : categories.Contains("neglect") ? "neglect"
        : categories.Contains("emotional-abuse") || categories.Contains("domestic-abuse") ? "emotional"
        : "neglect";

    /// <summary>CIN assessment factors for the concern categories (16A-19C maltreatment, 3x domestic abuse, 4x mental health ...).</summary>
    private string Factors(List<string> categories)
    {
        var factors = new List<string>();
        foreach (var c in categories)
        {
            factors.Add(c switch
            {
                "neglect" => "16A",
                "emotional-abuse" => "17A",
                "physical-abuse" => "18C",
                "sexual-abuse" => "19C",
                "domestic-abuse" => random.NextDouble() < 0.8 ? "3B" : "3A",
                "mental-health" => random.NextDouble() < 0.75 ? "4B" : "4A",
                "substance-misuse" => random.NextDouble() < 0.5 ? "2B" : "1B",
                _ => random.NextDouble() < 0.6 ? "22A" : "9A",
            });
        }
        if (random.NextDouble() < 0.1) factors.Add("5B");
        return string.Join('|', factors.Distinct());
    }

    private (string Name, string? Role, string? Email, string? Phone) Referrer(Source source)
    {
        var female = random.NextDouble() < 0.65;
        var given = (female ? SyntheticNames.Women : SyntheticNames.Men).Pick(random);
        var family = SyntheticNames.Families.Pick(random);
        if (source.Partner is { } partner)
        {
            return ($"{given} {family}", partner.Roles[random.Next(partner.Roles.Length)],
                $"{Workforce.Slug(given)}.{Workforce.Slug(family)}@{partner.EmailDomain}", $"01632 960{random.Next(1000):D3}");
        }
        return source.Kind switch
        {
            "Anonymous" => ("Anonymous", null, null, null),
            "Adult social care" => ($"{given} {family}", "Adult social care practitioner", null, $"01632 960{random.Next(1000):D3}"),
            _ => ($"{given} {family}", source.Kind, null, random.NextDouble() < 0.8 ? $"07700 900{random.Next(1000):D3}" : null),
        };
    }

    private static readonly Dictionary<string, string[]> ConcernText = new()
    {
        ["neglect"] =
        [
            "{0} has been arriving at school hungry and in unwashed clothes on several occasions this term.",
            "The home is reported to be cold, without food and in a poor state; {0} is often left unsupervised.",
            "{0} has missed health appointments and dental treatment; attendance at school is below 80%.",
        ],
        ["physical-abuse"] =
        [
            "{0} has bruising to the {1} and gave an inconsistent account of how it happened.",
            "{0} told a member of staff that a parent hits them when angry; a mark was noticed on the {1}.",
        ],
        ["emotional-abuse"] =
        [
            "{0} is described as withdrawn and anxious; a parent has been heard shouting at and belittling them.",
            "{0} has said they are frightened to go home and that they are told they are not wanted.",
        ],
        ["sexual-abuse"] =
        [
            "{0} made a comment to staff suggesting inappropriate sexual contact by an adult known to the family.",
            "Concerns that {0} has been sent explicit images by an adult they met online.",
        ],
        ["domestic-abuse"] =
        [
            "Police attended a domestic incident at the home address overnight; {0} was present in the house.",
            "A parent disclosed ongoing controlling behaviour and threats from a partner; {0} lives in the household.",
        ],
        ["mental-health"] =
        [
            "A parent's mental health has deteriorated and they have struggled to meet the basic care needs of {0}.",
            "{0} has disclosed thoughts of self-harm and is not currently engaging with CAMHS.",
        ],
        ["substance-misuse"] =
        [
            "A parent was found intoxicated while caring for {0}; there are concerns about drug and alcohol use at home.",
            "Drug paraphernalia was seen in the home within reach of {0}.",
        ],
        ["exploitation"] =
        [
            "{0} has been missing overnight and was found with older young people; concerns about criminal exploitation.",
            "{0} has unexplained money and a second phone and is travelling out of the area with adults.",
        ],
    };

    private static readonly string[] BodyParts = ["upper arm", "cheek", "back", "leg", "ear", "wrist", "neck"];

    private string Concern(List<string> categories, string names, bool injury)
    {
        var parts = categories.Select(c =>
        {
            var options = ConcernText[c];
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, options[random.Next(options.Length)], names,
                BodyParts[random.Next(BodyParts.Length)]);
        });
        var text = string.Join(" ", parts);
        return injury ? text + " An injury was seen by the referrer." : text;
    }

    private string DecisionReasons(ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.NoFurtherAction => "Information checked with partner agencies; no role for children's social care at this time.",
        ScreeningOutcome.InformationAndAdvice => "Advice and signposting given to the referrer and the family; no further action by the front door.",
        ScreeningOutcome.EarlyHelp => random.NextDouble() < 0.5
            ? "Needs can be met through early help; passed to the Early Help Hub with the family's consent."
            : "Family agreed to an early help assessment; school to lead with support from the Early Help Hub.",
        ScreeningOutcome.ReferralToSocialCare => "Threshold for a child and family assessment is met; referred to the assessment team.",
        _ => "Reasonable cause to suspect significant harm; strategy discussion convened with police and health.",
    };

    private static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
}
