using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

using Safeguard.Core.People;

namespace Safeguard.Core.Records;

/// <summary>A decision about people that cannot be made as asked; the message is written for the person asking.</summary>
public sealed class PersonIndexException(string message) : InvalidOperationException(message);

/// <summary>
/// Merges one record into another and undoes it. A merge moves every link (contacts, referrals, assessments, plans,
/// work items, alerts, addresses, other names, relationships) to the survivor and records exactly which rows moved,
/// so an unmerge puts back exactly those. Events keep their original person (history stays intact). Both people
/// get an event with who and why.
/// </summary>
public sealed class PersonMerging(SafeguardDbContext db)
{
    /// <summary>Merges <paramref name="mergedId"/> into <paramref name="survivorId"/>; closes the duplicate candidate when given.</summary>
    public async Task<Guid> MergeAsync(Guid survivorId, Guid mergedId, string reason, Guid? duplicateCandidateId = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new PersonIndexException("Enter why these records are the same person");
        if (survivorId == mergedId) throw new PersonIndexException("Choose two different records to merge");
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var survivor = await db.People.SingleOrDefaultAsync(p => p.Id == survivorId, ct) ?? throw new PersonIndexException("The record to keep does not exist");
            var merged = await db.People.SingleOrDefaultAsync(p => p.Id == mergedId, ct) ?? throw new PersonIndexException("The record to merge does not exist");
            if (survivor.MergedIntoPersonId is not null || merged.MergedIntoPersonId is not null)
                throw new PersonIndexException("One of these records has already been merged");
            DuplicateCandidate? candidate = null;
            if (duplicateCandidateId is { } cid)
            {
                candidate = await db.DuplicateCandidates.SingleOrDefaultAsync(c => c.Id == cid, ct) ?? throw new PersonIndexException("The possible duplicate does not exist");
                var pair = DuplicateCandidate.Order(survivorId, mergedId);
                if ((candidate.PersonId1, candidate.PersonId2) != pair) throw new PersonIndexException("The records do not belong to this possible duplicate");
                if (candidate.Status != DuplicateStatus.Open) throw new PersonIndexException("This possible duplicate has already been decided");
            }
            await ClaimAsync(survivor, merged, ct);

            var moved = await MoveAsync(mergedId, survivorId, ct);
            await People.Access.AccessLists.CarryOverAsync(db, merged, survivor, ct);
            merged.MergedIntoPersonId = survivorId;
            var now = db.Time.GetUtcNow();
            var merge = new PersonMerge(survivorId, mergedId, candidate?.Id, JsonSerializer.Serialize(moved), db.Actor, reason, now);
            db.PersonMerges.Add(merge);
            candidate?.MarkMerged(merge.Id, db.Actor, reason, now);
            var counts = moved.ToDictionary(m => m.Key, m => m.Value.Count);
            db.Record(new PersonMerged(merge.Id, mergedId, merged.FullName, counts), survivorId, nameof(PersonMerge), merge.Id, reason.Trim());
            db.Record(new PersonMergedInto(merge.Id, survivorId, survivor.FullName, counts), mergedId, nameof(PersonMerge), merge.Id, reason.Trim());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return merge.Id;
        });
    }

    /// <summary>Undoes a merge: exactly the rows it moved go back, and the merged-away record is active again.</summary>
    public async Task UnmergeAsync(Guid mergeId, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new PersonIndexException("Enter why the merge is being undone");
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var merge = await db.PersonMerges.SingleOrDefaultAsync(m => m.Id == mergeId, ct) ?? throw new PersonIndexException("The merge does not exist");
            if (merge.IsUndone) throw new PersonIndexException("This merge has already been undone");
            var merged = await db.People.SingleAsync(p => p.Id == merge.MergedId, ct);
            var survivor = await db.People.SingleAsync(p => p.Id == merge.SurvivorId, ct);
            if (merged.MergedIntoPersonId != survivor.Id) throw new PersonIndexException("The merged record is no longer part of the survivor");
            if (survivor.MergedIntoPersonId is not null) throw new PersonIndexException($"Undo the later merge of {survivor.FullName} first");
            await ClaimAsync(survivor, merged, ct);

            var moved = JsonSerializer.Deserialize<Dictionary<string, List<Guid>>>(merge.Moved) ?? [];
            await MoveBackAsync(moved, merge.SurvivorId, merge.MergedId, ct);
            merged.MergedIntoPersonId = null;
            var now = db.Time.GetUtcNow();
            merge.Undo(db.Actor, reason, now);
            if (merge.DuplicateCandidateId is { } cid && await db.DuplicateCandidates.SingleOrDefaultAsync(c => c.Id == cid, ct) is { Status: DuplicateStatus.Merged } candidate)
            {
                candidate.MarkUnmerged(db.Actor, reason, now);
            }
            db.Record(new PersonUnmerged(merge.Id, MergeSide.Survivor, merged.Id, merged.FullName), survivor.Id, nameof(PersonMerge), merge.Id, reason.Trim());
            db.Record(new PersonUnmerged(merge.Id, MergeSide.Merged, survivor.Id, survivor.FullName), merged.Id, nameof(PersonMerge), merge.Id, reason.Trim());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
    }

    /// <summary>
    /// Moves both records' versions on first, in one save inside the transaction. Another merge or unmerge of either
    /// record at the same moment (even the opposite merge, which would make each record merged into the other) then
    /// waits for this one's row locks and matches no row, so it is refused instead of making a circle. The rows are
    /// updated in key order, so two such saves cannot deadlock.
    /// </summary>
    private async Task ClaimAsync(Person survivor, Person merged, CancellationToken ct)
    {
        survivor.Changed();
        merged.Changed();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PersonIndexException("Someone else merged or changed one of these records while you were working on it. Check both records and try again.");
        }
    }

    internal static class Tables
    {
        public const string ContactChildren = "ContactChildren", Referrals = "Referrals", Assessments = "Assessments",
            ChildPlans = "ChildPlans", WorkItems = "WorkItems", Alerts = "Alerts", Addresses = "PersonAddresses",
            Names = "PersonNames", Section47Enquiries = "Section47Enquiries", LookedAfterPeriods = "LookedAfterPeriods",
            StrategyDiscussions = "StrategyDiscussions", Conferences = "ChildProtectionConferences", CoreGroups = "CoreGroupMeetings", CaseNotes = "CaseNotes", Arrangements = "CarerArrangements", InNeedReviews = "ChildInNeedReviews", RelationshipsFrom = "PersonRelationships.PersonId", RelationshipsTo = "PersonRelationships.RelatedPersonId";
    }

    private async Task<Dictionary<string, List<Guid>>> MoveAsync(Guid from, Guid to, CancellationToken ct)
    {
        var moved = new Dictionary<string, List<Guid>>
        {
            [Tables.ContactChildren] = await db.ContactChildren.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.Referrals] = await db.Referrals.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.Assessments] = await db.Assessments.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.ChildPlans] = await db.ChildPlans.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.WorkItems] = await db.WorkItems.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.Alerts] = await db.Alerts.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.Addresses] = await db.PersonAddresses.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.Names] = await db.PersonNames.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.Section47Enquiries] = await db.Section47Enquiries.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.LookedAfterPeriods] = await db.LookedAfterPeriods.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.StrategyDiscussions] = await db.StrategyDiscussions.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.Conferences] = await db.ChildProtectionConferences.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.CoreGroups] = await db.CoreGroupMeetings.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.CaseNotes] = await db.CaseNotes.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.Arrangements] = await db.CarerArrangements.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            [Tables.InNeedReviews] = await db.ChildInNeedReviews.Where(x => x.PersonId == from).Select(x => x.Id).ToListAsync(ct),
            // A relationship between the two records themselves would become a person related to themselves: it stays.
            [Tables.RelationshipsFrom] = await db.PersonRelationships.Where(x => x.PersonId == from && x.RelatedPersonId != to).Select(x => x.Id).ToListAsync(ct),
            [Tables.RelationshipsTo] = await db.PersonRelationships.Where(x => x.RelatedPersonId == from && x.PersonId != to).Select(x => x.Id).ToListAsync(ct),
        };
        await SetAsync(moved, from, to, ct);
        return moved;
    }

    private Task MoveBackAsync(Dictionary<string, List<Guid>> moved, Guid from, Guid to, CancellationToken ct) => SetAsync(moved, from, to, ct);

    /// <summary>Re-points the listed rows (still pointing at <paramref name="from"/>) to <paramref name="to"/>.</summary>
    private async Task SetAsync(Dictionary<string, List<Guid>> rows, Guid from, Guid to, CancellationToken ct)
    {
        foreach (var (table, all) in rows)
        foreach (var ids in all.Chunk(500))
        {
            _ = table switch
            {
                Tables.ContactChildren => await db.ContactChildren.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.Referrals => await db.Referrals.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.Assessments => await db.Assessments.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.ChildPlans => await db.ChildPlans.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.WorkItems => await db.WorkItems.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, (Guid?)to), ct),
                Tables.Alerts => await db.Alerts.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, (Guid?)to), ct),
                Tables.Addresses => await db.PersonAddresses.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.Names => await db.PersonNames.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.Section47Enquiries => await db.Section47Enquiries.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.LookedAfterPeriods => await db.LookedAfterPeriods.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.StrategyDiscussions => await db.StrategyDiscussions.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.Conferences => await db.ChildProtectionConferences.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.CoreGroups => await db.CoreGroupMeetings.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.Arrangements => await db.CarerArrangements.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.InNeedReviews => await db.ChildInNeedReviews.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.CaseNotes => await db.CaseNotes.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.RelationshipsFrom => await db.PersonRelationships.Where(x => ids.Contains(x.Id) && x.PersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.PersonId, to), ct),
                Tables.RelationshipsTo => await db.PersonRelationships.Where(x => ids.Contains(x.Id) && x.RelatedPersonId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.RelatedPersonId, to), ct),
                _ => throw new InvalidOperationException($"Unknown table in merge record: {table}"),
            };
        }
    }
}
