using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.People;

/// <summary>
/// Links a child named in a contact to the person index with the matching engine. A person chosen by the worker
/// wins; a certain match is linked; a possible match creates a new person and queues the pair for review (never a
/// silent merge); no match creates a new person.
/// </summary>
public sealed class IndexedPersonLinker(PersonMatchingSettings settings) : IPersonLinker
{
    /// <summary>At most this many possible matches are queued for one new person.</summary>
    public const int MaxQueuedPerPerson = 3;

    public async Task<PersonLinkPlan> PlanAsync(SafeguardDbContext db, NewChild child, CancellationToken ct)
    {
        if (child.PersonId is { } chosen)
        {
            return PersonLinkPlan.Existing(await SurvivorOfAsync(db, chosen, ct));
        }

        var scored = await new PersonCandidates(db, settings).ScoreAsync(PersonQuery.From(child), ct);
        if (scored.FirstOrDefault() is { Comparison.Band: MatchBand.Certain } best)
        {
            return PersonLinkPlan.Existing(best.Id);
        }
        return PersonLinkPlan.New(scored.Where(s => s.Comparison.Band == MatchBand.Possible).Take(MaxQueuedPerPerson)
            .Select(s => new PossibleMatch(s.Id, $"{s.Record.GivenName} {s.Record.FamilyName}", s.Comparison.Score,
                s.Comparison.Band.ToString(), PersonCandidates.ExplanationJson(s.Comparison.Explanation)))
            .ToList());
    }

    /// <summary>The record a chosen person now lives in, following merges.</summary>
    internal static async Task<Guid> SurvivorOfAsync(SafeguardDbContext db, Guid id, CancellationToken ct)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            var row = await db.People.Where(p => p.Id == id).Select(p => new { p.MergedIntoPersonId }).SingleOrDefaultAsync(ct)
                ?? throw new InvalidOperationException("The linked person does not exist.");
            if (row.MergedIntoPersonId is not { } next) return id;
            id = next;
        }
        return id;
    }
}

public static class PersonIndexEvents
{
    public const string DuplicateQueued = "person.duplicate-queued";
    public const string NotDuplicate = "person.not-duplicate";
    public const string Merged = "person.merged";
    public const string MergedInto = "person.merged-into";
    public const string Unmerged = "person.unmerged";
}
