using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
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
public sealed class ContactIntake(SafeguardDbContext db, IPersonLinker linker, IWorkingDayCalendar calendar)
{
    public async Task<RecordedContact> RecordAsync(NewContact input, CancellationToken ct = default) =>
        (await RecordAsync(input, null, ct)).Recorded!;

    /// <summary>
    /// Records the contact unless <paramref name="idempotency"/> names a key this organisation has used before, in
    /// which case nothing is written and the earlier contact is returned. The key is stored in the same transaction as
    /// the contact (unique per organisation and key), so two racing requests with one key make one contact: the loser
    /// of the race sees the unique index fail, and is given the winner's contact.
    /// </summary>
    public async Task<IdempotentIntake> RecordAsync(NewContact input, IdempotencyClaim? idempotency, CancellationToken ct = default)
    {
        Validate(input);
        var frontDoor = await FrontDoorTeamAsync(ct);
        if (idempotency is null) return await RecordOnceAsync(input, null, frontDoor, ct);
        try
        {
            return await RecordOnceAsync(input, idempotency, frontDoor, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await EarlierAsync(idempotency, ct) is { } earlier) return earlier;
            throw;
        }
    }

    /// <summary>Throws for a contact that can never be recorded (so a caller can refuse it before queueing it).</summary>
    public static void Validate(NewContact input)
    {
        if (input.Children.Count == 0) throw new ArgumentException("A contact is about at least one child.", nameof(input));
    }

    /// <summary>
    /// Group commit: records every request in ONE transaction with ONE commit (one fsync), and returns one result per
    /// request, in order. Each request is saved before the next is staged (inside the transaction, so without a commit
    /// of its own): its events carry its own actor (<see cref="SafeguardDbContext.ActingAs"/>), and the person index
    /// lookups of a later request see the children an earlier one added. An idempotency key used twice in the batch
    /// makes one contact (the later request is a replay, or a reused key); keys used before the batch are found with
    /// one query. If anything fails, nothing is committed and the exception is thrown: the caller then records each
    /// request alone with <see cref="RecordAsync(NewContact, IdempotencyClaim?, CancellationToken)"/>, so only the bad
    /// one fails. Only for callers that own this context for the whole call (it clears the change tracker).
    /// </summary>
    public async Task<IReadOnlyList<IdempotentIntake>> RecordBatchAsync(IReadOnlyList<IntakeRequest> requests, CancellationToken ct = default)
    {
        foreach (var request in requests) Validate(request.Contact);
        var frontDoor = await FrontDoorTeamAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        var autoSavepoints = db.Database.AutoSavepointsEnabled;
        try
        {
            // A failed save fails the whole batch (retried item by item), so there is nothing to roll back to.
            db.Database.AutoSavepointsEnabled = false;
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var earlier = await EarlierAsync(requests.Select(r => r.Idempotency).OfType<IdempotencyClaim>().ToList(), ct);
                var inBatch = new Dictionary<(Guid, string), (Guid ContactId, string Hash)>();
                var results = new IdempotentIntake[requests.Count];
                for (var i = 0; i < requests.Count; i++)
                {
                    var (input, claim, actor) = requests[i];
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
                    var recorded = await StageAsync(input, claim, frontDoor, ct);
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    results[i] = new IdempotentIntake(recorded.Id, IntakeResult.Recorded, recorded);
                    if (claim is not null) inBatch[(claim.OrganisationId, claim.Key)] = (recorded.Id, claim.RequestHash);
                }
                await transaction.CommitAsync(ct);
                return (IReadOnlyList<IdempotentIntake>)results;
            });
        }
        finally
        {
            db.ActingAs = null;
            db.ChangeTracker.Clear();
            db.Database.AutoSavepointsEnabled = autoSavepoints;
        }
    }

    private async Task<IdempotentIntake?> EarlierAsync(IdempotencyClaim claim, CancellationToken ct)
    {
        var earlier = await db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.OrganisationId == claim.OrganisationId && r.Key == claim.Key)
            .Select(r => new { r.ContactId, r.RequestHash })
            .FirstOrDefaultAsync(ct);
        return earlier is null ? null
            : new IdempotentIntake(earlier.ContactId, earlier.RequestHash == claim.RequestHash ? IntakeResult.Replayed : IntakeResult.KeyReused, null);
    }

    /// <summary>The keys among <paramref name="claims"/> already used: one query for a whole batch.</summary>
    private async Task<Dictionary<(Guid, string), (Guid ContactId, string Hash)>> EarlierAsync(IReadOnlyList<IdempotencyClaim> claims,
        CancellationToken ct)
    {
        var found = new Dictionary<(Guid, string), (Guid, string)>();
        if (claims.Count == 0) return found;
        var keys = claims.Select(c => c.Key).Distinct().ToList();
        var organisations = claims.Select(c => c.OrganisationId).Distinct().ToList();
        var rows = await db.IdempotencyRecords.AsNoTracking()
            .Where(r => organisations.Contains(r.OrganisationId) && keys.Contains(r.Key))
            .Select(r => new { r.OrganisationId, r.Key, r.ContactId, r.RequestHash })
            .ToListAsync(ct);
        foreach (var row in rows) found[(row.OrganisationId, row.Key)] = (row.ContactId, row.RequestHash);
        return found;
    }

    private async Task<IdempotentIntake> RecordOnceAsync(NewContact input, IdempotencyClaim? idempotency, Guid frontDoor, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (idempotency is not null && await EarlierAsync(idempotency, ct) is { } earlier) return earlier;
            var recorded = await StageAsync(input, idempotency, frontDoor, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new IdempotentIntake(recorded.Id, IntakeResult.Recorded, recorded);
        });
    }

    /// <summary>
    /// How a contact is recorded, whichever way it is committed: links the children, assesses the priority, and adds
    /// the contact, its children, the two work items, the events and the idempotency record to the context (not saved).
    /// Runs inside the caller's transaction.
    /// </summary>
    private async Task<RecordedContact> StageAsync(NewContact input, IdempotencyClaim? idempotency, Guid frontDoor, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var linked = new List<(LinkedChild Child, DateOnly? Dob)>();
        foreach (var child in input.Children)
        {
            var link = await linker.LinkAsync(db, child, ct);
            linked.Add((new LinkedChild(link.PersonId, $"{child.GivenName} {child.FamilyName}".Trim(), link.Created, link.NeedsReview),
                child.DateOfBirth ?? child.ExpectedDateOfBirth));
        }

        var (priority, priorityReason) = ContactPriorityRule.Assess(input.Categories, input.ImmediateRisk, input.InjurySeen,
            linked.Select(l => l.Dob), DateOnly.FromDateTime(now.UtcDateTime));
        var contact = new Contact(NewReference(now), now, input.Channel, input.Concern.Trim())
        {
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
            DecisionDueAt = calendar.ScreeningDecisionDue(now),
            FeedbackDueAt = TimeLimits.ReferrerFeedbackDue(now),
        };
        foreach (var (child, _) in linked.DistinctBy(l => l.Child.PersonId))
        {
            contact.Children.Add(new ContactChild(child.PersonId));
        }
        db.Contacts.Add(contact);

        var names = string.Join(", ", linked.Select(l => l.Child.Name));
        var firstPerson = linked[0].Child.PersonId;
        db.WorkItems.Add(new WorkItem(WorkKind.ScreeningDecision, contact.Id, $"Screen contact about {names}",
            frontDoor, priority, now, contact.DecisionDueAt, firstPerson));
        db.WorkItems.Add(new WorkItem(WorkKind.ReferrerFeedback, contact.Id, $"Tell {contact.ReferrerName} the outcome for {names}",
            frontDoor, priority, now, contact.FeedbackDueAt, firstPerson));
        foreach (var (child, _) in linked)
        {
            db.Record("contact.received", $"Contact {contact.Reference} received from {contact.ReferrerName}" +
                (contact.ReferrerOrganisationName is { } org ? $" ({org})" : "") + $": {Summarise(contact.Concern)}",
                child.PersonId, nameof(Contact), contact.Id, reason: priorityReason);
        }
        if (idempotency is not null)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(idempotency.OrganisationId, idempotency.Key, idempotency.RequestHash, contact.Id, now));
        }
        return new RecordedContact(contact.Id, contact.Reference, priority, now, contact.DecisionDueAt, contact.FeedbackDueAt,
            linked.Select(l => l.Child).ToList());
    }

    private async Task<Guid> FrontDoorTeamAsync(CancellationToken ct) =>
        await db.Teams.FirstOfKindAsync(TeamKind.FrontDoor, ct)
        ?? throw new InvalidOperationException("There is no front door team to own new contacts. Add a team of kind FrontDoor.");

    /// <summary>C + date + six random characters: unique without a shared counter, easy to read on the phone.</summary>
    private static string NewReference(DateTimeOffset now)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < code.Length; i++) code[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return $"C{now:yyMMdd}-{code}";
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Summarise(string text) => text.Length <= 140 ? text : text[..137] + "...";
}
