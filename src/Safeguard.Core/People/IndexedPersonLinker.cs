using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.People;

/// <summary>
/// Links a child named in a contact to the person index with the matching engine. The worker's choice always wins (a
/// chosen record, or "None of these": a new record). With no choice, only decisive evidence links
/// (<see cref="DecisiveMatchRule"/>); otherwise a new person is created and the likely matches (strong or possible) are
/// queued for a person to review, never merged silently.
/// </summary>
public sealed class IndexedPersonLinker(PersonMatchingSettings settings) : IPersonLinker
{
    /// <summary>At most this many possible matches are queued for one new person.</summary>
    public const int MaxQueuedPerPerson = 3;

    public async Task<PersonLinkPlan> PlanAsync(SafeguardDbContext db, NewChild child, CancellationToken ct)
    {
        if (child.Link is { Kind: LinkChoiceKind.Existing, PersonId: { } chosen })
        {
            return PersonLinkPlan.Existing(await SurvivorOfAsync(db, chosen, ct));
        }

        var scored = await new PersonCandidates(db, settings).ScoreAsync(PersonQuery.From(child), ct);
        if (child.Link.Kind == LinkChoiceKind.NotChosen
            && DecisiveMatchRule.SingleDecisive(Particulars(child), scored.Select(s => (s.Id, Particulars(s)))) is { } decisive)
        {
            return PersonLinkPlan.Existing(decisive);
        }
        return PersonLinkPlan.New(scored.Where(s => PersonCandidates.IsWorthShowing(s.Comparison)).Take(MaxQueuedPerPerson)
            .Select(s => new PossibleMatch(s.Id, $"{s.Record.GivenName} {s.Record.FamilyName}", s.Comparison.Score,
                s.Comparison.Band.ToString(), PersonCandidates.ExplanationJson(s.Comparison.Explanation)))
            .ToList());
    }

    /// <summary>A child's particulars as the link rule compares them.</summary>
    public static MatchParticulars Particulars(NewChild child) => new(child.GivenName, child.FamilyName,
        child.DateOfBirth ?? child.ExpectedDateOfBirth, child.NhsNumber, child.AddressLine1, child.Postcode);

    private static MatchParticulars Particulars(PersonCandidates.Scored s) => new(s.Record.GivenName, s.Record.FamilyName, s.DateOfBirth,
        s.Record.NhsNumber, s.Record.AddressLines.FirstOrDefault(), s.Record.Postcode);

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
