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

    public async Task<PersonLinkResult> LinkAsync(SafeguardDbContext db, NewChild child, CancellationToken ct)
    {
        if (child.PersonId is { } chosen)
        {
            return new PersonLinkResult(await SurvivorOfAsync(db, chosen, ct), false, false);
        }

        var scored = await new PersonCandidates(db, settings).ScoreAsync(PersonQuery.From(child), ct);
        var best = scored.FirstOrDefault();
        if (best is { Comparison.Band: MatchBand.Certain })
        {
            return new PersonLinkResult(best.Id, false, false);
        }

        var now = db.Time.GetUtcNow();
        var person = PersonFactory.From(child, now);
        db.People.Add(person);
        var possible = scored.Where(s => s.Comparison.Band == MatchBand.Possible).Take(MaxQueuedPerPerson).ToList();
        foreach (var match in possible)
        {
            db.DuplicateCandidates.Add(new DuplicateCandidate(person.Id, match.Id, Math.Round(match.Comparison.Score, 2),
                match.Comparison.Band.ToString(), PersonCandidates.ExplanationJson(match.Comparison.Explanation), DuplicateFoundBy.Intake, now));
            var summary = $"Possible duplicate queued for review: {person.FullName} and {match.Record.GivenName} {match.Record.FamilyName} (score {match.Comparison.Score:0.0})";
            db.Record(PersonIndexEvents.DuplicateQueued, summary, person.Id, nameof(Person), match.Id);
            db.Record(PersonIndexEvents.DuplicateQueued, summary, match.Id, nameof(Person), person.Id);
        }
        return new PersonLinkResult(person.Id, true, possible.Count > 0);
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
