using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// Records a contact from any door (front-door page, partner page, partner API). In one transaction: the contact,
/// each child linked to the person index, a priority with its reason, the one-working-day decision clock and the
/// 48-hour feedback clock as work items on the front-door tray, and an event per child for the chronology.
/// </summary>
/// <remarks>
/// <paramref name="store"/>: how its calls reach the database (<see cref="IContactStore"/>); EF's ordinary way unless the
/// group-commit writer gives its own.
/// </remarks>
public sealed class ContactIntake(SafeguardDbContext db, IPersonLinker linker, IWorkingDayCalendar calendar, RecentNewPeople? recent = null,
    ScreeningDecisionClock? clock = null, IContactStore? store = null)
{
    private readonly RecentNewPeople _recent = recent ?? new RecentNewPeople(PersonMatchingSettings.Default);
    private readonly ScreeningDecisionClock _clock = clock ?? new ScreeningDecisionClock(calendar);
    private readonly IContactStore _store = store ?? new ContactStore(db);
    private WorkItems OpenWork => _work ??= new WorkItems(db, new WorkClocks(calendar, _clock));
    private WorkItems? _work;

    public async Task<RecordedContact> RecordAsync(NewContact input, CancellationToken ct = default) =>
        (await RecordAsync(input, null, ct)).Recorded!;

    /// <summary>
    /// Records the contact unless <paramref name="idempotency"/> names a key this organisation has used before, in
    /// which case nothing is written and the earlier contact is returned. The key is stored in the same transaction as
    /// the contact (unique per organisation and key), so two racing requests with one key make one contact: the loser
    /// of the race sees the unique index fail, and is given the winner's contact.
    /// </summary>
    public Task<IdempotentIntake> RecordAsync(NewContact input, IdempotencyClaim? idempotency, CancellationToken ct = default) =>
        RecordAsync(new IntakeRequest(input, idempotency, db.Actor), ct);

    /// <summary>
    /// <see cref="RecordAsync(NewContact, IdempotencyClaim?, CancellationToken)"/> for a request that may carry its
    /// children's links already decided (<see cref="PlanAsync"/>), as the group-commit writer records one alone.
    /// </summary>
    public async Task<IdempotentIntake> RecordAsync(IntakeRequest request, CancellationToken ct = default)
    {
        try
        {
            return (await RecordBatchAsync([request], ct))[0];
        }
        catch (DbUpdateException) when (request.Idempotency is { } claim)
        {
            db.ChangeTracker.Clear();
            if (await EarlierAsync(claim, ct) is { } earlier) return earlier;
            throw;
        }
    }

    /// <summary>
    /// Records a contact from a web form once per <see cref="NewContact.SubmissionKey"/>: the same form posted again (a
    /// double click, the browser sending it again) records nothing and is given the contact the first post recorded.
    /// Two posts at the same moment both pass the first check; the unique index on the key then fails the later one.
    /// </summary>
    public async Task<SubmittedContact> RecordOnceAsync(NewContact input, CancellationToken ct = default)
    {
        if (input.SubmissionKey is { } key && await SubmittedAsync(key, ct) is { } earlier) return earlier;
        try
        {
            var recorded = await RecordAsync(input, ct);
            return new SubmittedContact(recorded.Id, recorded.Reference, recorded.FeedbackDueAt, AlreadyRecorded: false);
        }
        catch (DbUpdateException) when (input.SubmissionKey is { } raced)
        {
            db.ChangeTracker.Clear();
            if (await SubmittedAsync(raced, ct) is { } winner) return winner;
            throw;
        }
    }

    private async Task<SubmittedContact?> SubmittedAsync(Guid key, CancellationToken ct) =>
        await db.Contacts.AsNoTracking().Where(c => c.SubmissionKey == key)
            .Select(c => new SubmittedContact(c.Id, c.Reference, c.FeedbackDueAt, true)).FirstOrDefaultAsync(ct);

    /// <summary>Throws for a contact that can never be recorded (so a caller can refuse it before queueing it).</summary>
    public static void Validate(NewContact input)
    {
        // The doors check everything with ContactContentRule first; this guards only what the writer relies on.
        if (input.Children.Count is 0 or > ContactContentRule.MaxChildren)
            throw new ArgumentException($"A contact is about 1 to {ContactContentRule.MaxChildren} children.", nameof(input));
    }

    /// <summary>
    /// Decides how each child of <paramref name="input"/> links to the person index, reading only: run before the
    /// contact is queued for the group-commit writer, in parallel with other requests, so the writer only writes.
    /// </summary>
    public async Task<PlannedLinks> PlanAsync(NewContact input, CancellationToken ct = default)
    {
        var watermark = _recent.Watermark;
        var plans = new List<PersonLinkPlan>(input.Children.Count);
        // One connection for all the lookups: opening one runs the connection's settings (SQLite pragmas) each time.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var child in input.Children) plans.Add(await linker.PlanAsync(db, child, ct));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new PlannedLinks(plans, watermark);
    }

    /// <summary>
    /// Group commit: records every request in ONE transaction with ONE save and ONE commit (one fsync), and returns one
    /// result per request, in order. Each request's entities and events carry its own actor
    /// (<see cref="SafeguardDbContext.ActingAs"/>). Links decided before the transaction (<see cref="IntakeRequest.Links"/>)
    /// are checked against the people added since, including earlier requests of this batch (<see cref="RecentNewPeople"/>);
    /// requests without them are decided here. An idempotency key used twice in the batch makes one contact (the later
    /// request is a replay, or a reused key); keys used before the batch are found with one query. If anything fails,
    /// nothing is committed and the exception is thrown: the caller then records each request alone, so only the bad
    /// one fails. One batch at a time per context; the caller owns the context for the whole call.
    /// </summary>
    public async Task<IReadOnlyList<IdempotentIntake>> RecordBatchAsync(IReadOnlyList<IntakeRequest> requests, CancellationToken ct = default)
    {
        foreach (var request in requests) Validate(request.Contact);
        var frontDoor = await FrontDoorTeamAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        var staged = new List<NewPerson>();
        var autoSavepoints = db.Database.AutoSavepointsEnabled;
        var results = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            staged.Clear();
            try
            {
                // The one save fails the whole transaction, so a savepoint before it would never be rolled back to.
                db.Database.AutoSavepointsEnabled = false;
                await using var transaction = await _store.BeginAsync(ct);
                var earlier = await EarlierAsync(requests.Select(r => r.Idempotency).OfType<IdempotencyClaim>().ToList(), ct);
                var survivors = await SurvivorsAsync(requests, ct);
                var known = new KnownChildren();
                await KnownAboutAsync(known, requests.SelectMany(r => r.Links?.Plans ?? []).Select(p => p.ExistingPersonId)
                    .OfType<Guid>().Select(id => survivors.GetValueOrDefault(id, id)), ct);
                var references = await FreshReferencesAsync(requests.Count, ct);
                await _store.ChecksDoneAsync(ct);
                var inBatch = new Dictionary<(Guid, string), (Guid ContactId, string Hash)>();
                var results = new IdempotentIntake[requests.Count];
                for (var i = 0; i < requests.Count; i++)
                {
                    var (input, claim, actor, links) = requests[i];
                    if (claim is not null)
                    {
                        var first = inBatch.TryGetValue((claim.OrganisationId, claim.Key), out var seen) ? seen
                            : earlier.TryGetValue((claim.OrganisationId, claim.Key), out var before) ? before
                            : ((Guid, string)?)null;
                        if (first is { } f)
                        {
                            results[i] = new IdempotentIntake(f.Item1, f.Item2 == claim.RequestHash ? IntakeResult.Replayed : IntakeResult.KeyReused, null);
                            continue;
                        }
                    }
                    db.ActingAs = actor;
                    var linked = new List<PersonLinkResult>(input.Children.Count);
                    for (var c = 0; c < input.Children.Count; c++)
                    {
                        var child = input.Children[c];
                        var plan = await DecideAsync(child, links?.Plans[c], links?.Watermark, survivors, staged, ct);
                        var link = PersonLinking.Apply(db, child, plan);
                        if (link.Created) staged.Add(new NewPerson(link.PersonId, child));
                        linked.Add(link);
                    }
                    // Children linked here, not before the batch (none, when they were): people added in this batch are new.
                    await KnownAboutAsync(known, linked.Where(l => !l.Created && staged.All(n => n.PersonId != l.PersonId))
                        .Select(l => l.PersonId), ct);
                    var recorded = Stage(input, linked, claim, frontDoor, references.Dequeue(), known);
                    results[i] = new IdempotentIntake(recorded.Id, IntakeResult.Recorded, recorded);
                    if (claim is not null) inBatch[(claim.OrganisationId, claim.Key)] = (recorded.Id, claim.RequestHash);
                }
                await _store.SaveAndCommitAsync(transaction, ct);
                return (IReadOnlyList<IdempotentIntake>)results;
            }
            finally
            {
                db.ActingAs = null;
                db.ChangeTracker.Clear();
                db.Database.AutoSavepointsEnabled = autoSavepoints;
            }
        });
        _recent.Committed(staged);
        return results;
    }

    /// <summary>
    /// The link for one child: the decision made before the transaction, checked against people added since it was
    /// made; or, without one (or when it is too old to check), a decision made now.
    /// </summary>
    private async Task<PersonLinkPlan> DecideAsync(NewChild child, PersonLinkPlan? planned, long? watermark,
        IReadOnlyDictionary<Guid, Guid> survivors, IReadOnlyCollection<NewPerson> staged, CancellationToken ct)
    {
        if (planned is { ExistingPersonId: { } existing })
        {
            return PersonLinkPlan.Existing(survivors.GetValueOrDefault(existing, existing));
        }
        if (planned is not null && _recent.Recheck(planned, child, watermark!.Value, staged) is { } rechecked) return rechecked;
        var now = _recent.Watermark;
        return _recent.Recheck(await linker.PlanAsync(db, child, ct), child, now, staged)
            ?? throw new InvalidOperationException("The people added during this decision were forgotten before it was checked.");
    }

    /// <summary>Where people linked before the transaction now live, for any merged away since (one query per batch).</summary>
    private async Task<IReadOnlyDictionary<Guid, Guid>> SurvivorsAsync(IReadOnlyList<IntakeRequest> requests, CancellationToken ct)
    {
        var ids = requests.SelectMany(r => r.Links?.Plans ?? []).Select(p => p.ExistingPersonId).OfType<Guid>().Distinct().ToList();
        var moved = new Dictionary<Guid, Guid>();
        if (ids.Count == 0) return moved;
        var merged = await ListAsync(db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.MergedIntoPersonId != null).Select(p => p.Id), ct);
        foreach (var id in merged) moved[id] = await IndexedPersonLinker.SurvivorOfAsync(db, id, ct);
        return moved;
    }

    /// <summary>What intake must know of children already on the index: their child protection facts and open cases.</summary>
    private sealed class KnownChildren
    {
        public Dictionary<Guid, List<ChildProtectionFact>> Protection { get; } = [];
        public Dictionary<Guid, OpenCase> Cases { get; } = [];
    }

    /// <summary>
    /// Adds to <paramref name="known"/> which of <paramref name="people"/> (existing people: a new one has neither) are on a
    /// child protection plan or in an open section 47 enquiry, and whose case is open with a worker, querying only people not
    /// looked up yet: two queries for a batch whose links were decided before it, and two more for a contact whose children
    /// were linked inside it.
    /// </summary>
    private async Task KnownAboutAsync(KnownChildren known, IEnumerable<Guid> people, CancellationToken ct)
    {
        var ids = people.Where(id => !known.Protection.ContainsKey(id)).Distinct().ToList();
        if (ids.Count == 0) return;
        foreach (var id in ids) known.Protection[id] = [];
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        foreach (var fact in await ListAsync(ChildProtectionFact.Of(db, ids, today), ct)) known.Protection[fact.PersonId].Add(fact);
        foreach (var open in await ListAsync(OpenCase.Of(db, ids), ct)) known.Cases[open.PersonId] = open;
    }

    private async Task<IdempotentIntake?> EarlierAsync(IdempotencyClaim claim, CancellationToken ct)
    {
        var earlier = (await ListAsync(db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.OrganisationId == claim.OrganisationId && r.Key == claim.Key)
            .Select(r => new { r.ContactId, r.RequestHash }), ct)).FirstOrDefault();
        return earlier is null ? null
            : new IdempotentIntake(earlier.ContactId, earlier.RequestHash == claim.RequestHash ? IntakeResult.Replayed : IntakeResult.KeyReused, null);
    }

    /// <summary>The keys among <paramref name="claims"/> already used: one query per organisation in the batch.</summary>
    private async Task<Dictionary<(Guid, string), (Guid ContactId, string Hash)>> EarlierAsync(IReadOnlyList<IdempotencyClaim> claims,
        CancellationToken ct)
    {
        var found = new Dictionary<(Guid, string), (Guid, string)>();
        if (claims.Count == 0) return found;
        // One query per organisation (nearly always one): with the organisation as a single value, PostgreSQL seeks the
        // unique index on both columns; given a list of organisations it sought on the organisation alone and read every
        // key the organisation had ever used.
        foreach (var organisation in claims.GroupBy(c => c.OrganisationId))
        {
            var id = organisation.Key;
            var keys = organisation.Select(c => c.Key).Distinct().ToList();
            var rows = await ListAsync(db.IdempotencyRecords.AsNoTracking()
                .Where(r => r.OrganisationId == id && keys.Contains(r.Key))
                .Select(r => new { r.Key, r.ContactId, r.RequestHash }), ct);
            foreach (var row in rows) found[(id, row.Key)] = (row.ContactId, row.RequestHash);
        }
        return found;
    }

    /// <summary>
    /// How a contact is recorded, whichever way it is committed: with its children already linked, assesses the
    /// priority, and adds the contact, its children, the two front-door work items (and, for a child whose case is open,
    /// an item for the worker who holds it), the events and the idempotency record to the context (not saved).
    /// </summary>
    private RecordedContact Stage(NewContact input, IReadOnlyList<PersonLinkResult> links, IdempotencyClaim? idempotency, Guid frontDoor,
        string reference, KnownChildren known)
    {
        var now = db.Time.GetUtcNow();
        // The clocks run from when the contact reached the council, which may be before it is recorded.
        var received = input.ReceivedAt ?? now;
        if (received > now) throw new ArgumentException("A contact cannot be received in the future.", nameof(input));
        var linked = input.Children.Select((child, i) => (
                Child: new LinkedChild(links[i].PersonId, $"{child.GivenName} {child.FamilyName}".Trim(), links[i].Created, links[i].NeedsReview),
                Dob: child.DateOfBirth ?? child.ExpectedDateOfBirth))
            .ToList();

        var (priority, priorityReason) = ContactPriorityRule.Assess(input.Categories, input.ImmediateRisk, input.InjurySeen,
            linked.Select(l => l.Dob), DateOnly.FromDateTime(now.UtcDateTime),
            linked.SelectMany(l => known.Protection.GetValueOrDefault(l.Child.PersonId, []).Select(fact => (l.Child.Name, fact))));
        var contact = new Contact(reference, received, input.Channel, input.Concern.Trim())
        {
            Method = input.Method ?? ContactMethods.ImpliedBy(input.Channel),
            ReferringOrganisationId = input.ReferringOrganisationId,
            ReferrerName = input.Referrer.Name.Trim(),
            ReferrerOrganisationName = Clean(input.Referrer.Organisation),
            ReferrerRole = Clean(input.Referrer.Role),
            ReferrerEmail = Clean(input.Referrer.Email),
            ReferrerPhone = Clean(input.Referrer.Phone),
            Categories = ConcernCategories.Join(input.Categories),
            InjurySeen = input.InjurySeen,
            ImmediateRisk = input.ImmediateRisk,
            ParentsAware = input.ParentsAware,
            Priority = priority,
            PriorityReason = priorityReason,
            DecisionDueAt = _clock.DecisionDue(received, priority),
            FeedbackDueAt = TimeLimits.ReferrerFeedbackDue(received),
        };
        foreach (var (child, sent) in linked.Select((l, i) => (l.Child, input.Children[i].AsSent)).DistinctBy(l => l.Child.PersonId))
        {
            contact.Children.Add(new ContactChild(child.PersonId, sent));
        }
        contact.SubmissionKey = input.SubmissionKey;
        db.Contacts.Add(contact);

        var names = string.Join(", ", linked.Select(l => l.Child.Name));
        var firstPerson = linked[0].Child.PersonId;
        OpenWork.Open(WorkKind.ScreeningDecision, contact.Id, $"Screen contact about {names}", frontDoor, priority, firstPerson, received);
        OpenWork.Open(WorkKind.ReferrerFeedback, contact.Id, $"Tell {contact.ReferrerName} the outcome for {names}", frontDoor, priority, firstPerson, received);
        foreach (var (child, _) in linked.DistinctBy(l => l.Child.PersonId))
        {
            if (!known.Cases.TryGetValue(child.PersonId, out var open)) continue;
            var item = OpenWork.Open(WorkKind.ContactOnOpenCase, contact.Id, $"New contact about {child.Name}, whose case you hold: read it", open.TeamId,
                priority, child.PersonId, received);
            OpenWork.Reassign(item, open.TeamId, open.WorkerId);
        }
        foreach (var (child, _) in linked)
        {
            db.Record(new ContactReceived(contact.Id, contact.Reference, contact.Channel, contact.ReferrerName,
                contact.ReferrerOrganisationName, priority, ContactReceived.Excerpt(contact.Concern)),
                child.PersonId, nameof(Contact), contact.Id, reason: priorityReason);
        }
        if (idempotency is not null)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(idempotency.OrganisationId, idempotency.Key, idempotency.RequestHash, contact.Id, now));
        }
        return new RecordedContact(contact.Id, contact.Reference, priority, received, contact.DecisionDueAt, contact.FeedbackDueAt,
            linked.Select(l => l.Child).ToList());
    }

    private async Task<Guid> FrontDoorTeamAsync(CancellationToken ct) =>
        (await ListAsync(db.Teams.OfKindInOrder(TeamKind.FrontDoor).Take(1), ct)).FirstOrDefault()
        ?? throw new InvalidOperationException("There is no front door team to own new contacts. Add a team of kind FrontDoor.");

    private Task<List<T>> ListAsync<T>(IQueryable<T> query, CancellationToken ct) => _store.ListAsync(query, ct);

    /// <summary>
    /// References for <paramref name="count"/> new contacts, none in use (one query per try). A reference is C + date + six
    /// random characters: unique without a shared counter, easy to read on the phone. Two draws collide about once in
    /// 50,000 contacts a day, which a council never records but a load test does; the unique index would then fail the
    /// whole batch, so taken ones are drawn again here instead. (Another process taking the same one between this check
    /// and the commit is still caught by the index.)
    /// </summary>
    private async Task<Queue<string>> FreshReferencesAsync(int count, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var drawn = new List<string>();
            while (chosen.Count < count)
            {
                var reference = (ReferenceSource ?? NewReference)(now);
                if (chosen.Add(reference)) drawn.Add(reference);
            }
            var taken = await ListAsync(db.Contacts.Where(c => drawn.Contains(c.Reference)).Select(c => c.Reference), ct);
            if (taken.Count == 0) return new Queue<string>(chosen);
            chosen.ExceptWith(taken);
        }
    }

    /// <summary>Draws a reference (tests replace it to force collisions).</summary>
    internal Func<DateTimeOffset, string>? ReferenceSource { get; set; }

    private static string NewReference(DateTimeOffset now)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < code.Length; i++) code[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return $"C{now:yyMMdd}-{code}";
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
