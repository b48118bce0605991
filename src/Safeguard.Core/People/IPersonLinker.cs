using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.People;

/// <summary>How a child named in a contact was tied to the person index.</summary>
public sealed record PersonLinkResult(Guid PersonId, bool Created, bool NeedsReview);

/// <summary>
/// What the person index decided for a child, before anything is written: link an existing person, or create a new
/// one and queue its possible matches for review.
/// </summary>
public sealed record PersonLinkPlan(Guid? ExistingPersonId, IReadOnlyList<PossibleMatch> PossibleMatches)
{
    public static PersonLinkPlan Existing(Guid personId) => new(personId, []);

    public static PersonLinkPlan New(IReadOnlyList<PossibleMatch> possibleMatches) => new(null, possibleMatches);
}

/// <summary>An existing person who may be the same as a new one: queued for a human to review, never merged silently.</summary>
public sealed record PossibleMatch(Guid PersonId, string Name, double Score, string Band, string ExplanationJson);

/// <summary>
/// The seam between the front door and the person index: finds the one record for a child, or creates it.
/// A certain match is linked; an uncertain one creates a new person and queues the pair for a human to review,
/// never a silent merge. Deciding (<see cref="PlanAsync"/>) only reads, so it can run before the writing
/// transaction begins; <see cref="PersonLinking.Apply"/> then writes what was decided.
/// </summary>
public interface IPersonLinker
{
    Task<PersonLinkPlan> PlanAsync(SafeguardDbContext db, NewChild child, CancellationToken ct);
}

public static class PersonLinking
{
    /// <summary>Decides and writes in one go (inside the caller's transaction).</summary>
    public static async Task<PersonLinkResult> LinkAsync(this IPersonLinker linker, SafeguardDbContext db, NewChild child, CancellationToken ct) =>
        Apply(db, child, await linker.PlanAsync(db, child, ct));

    /// <summary>
    /// Adds what <paramref name="plan"/> decided to the context (not saved): nothing for an existing person; otherwise
    /// the new person and, for each possible match, a duplicate candidate and an event on both records.
    /// </summary>
    public static PersonLinkResult Apply(SafeguardDbContext db, NewChild child, PersonLinkPlan plan)
    {
        if (plan.ExistingPersonId is { } existing) return new PersonLinkResult(existing, false, false);

        var now = db.Time.GetUtcNow();
        var person = PersonFactory.From(child, now);
        db.People.Add(person);
        foreach (var match in plan.PossibleMatches)
        {
            var candidate = new DuplicateCandidate(person.Id, match.PersonId, Math.Round(match.Score, 2), match.Band,
                match.ExplanationJson, DuplicateFoundBy.Intake, now);
            db.DuplicateCandidates.Add(candidate);
            var queued = new DuplicateQueued(candidate.Id, person.Id, person.FullName, match.PersonId, match.Name, match.Score, DuplicateFoundBy.Intake);
            db.Record(queued, person.Id, nameof(Person), match.PersonId);
            db.Record(queued, match.PersonId, nameof(Person), person.Id);
        }
        return new PersonLinkResult(person.Id, true, plan.PossibleMatches.Count > 0);
    }
}
