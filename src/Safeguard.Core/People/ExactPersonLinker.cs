using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.People;

/// <summary>
/// The simple matcher, without the engine: the worker's choice; else a record that shares the child's valid NHS number,
/// or names and date of birth, linked only when <see cref="DecisiveMatchRule"/> says so, and otherwise queued for review.
/// </summary>
public sealed class ExactPersonLinker : IPersonLinker
{
    public async Task<PersonLinkPlan> PlanAsync(SafeguardDbContext db, NewChild child, CancellationToken ct)
    {
        if (child.Link is { Kind: LinkChoiceKind.Existing, PersonId: { } chosen })
        {
            return PersonLinkPlan.Existing(await IndexedPersonLinker.SurvivorOfAsync(db, chosen, ct));
        }

        var nhs = Identifiers.NhsNumber.TryParse(child.NhsNumber, out var parsed) ? parsed.Value : null;
        var dob = child.DateOfBirth;
        var given = child.GivenName.Trim().ToLower();
        var family = child.FamilyName.Trim().ToLower();
        var found = await db.People.AsNoTracking()
            .Where(p => p.MergedIntoPersonId == null && ((nhs != null && p.NhsNumber == nhs)
                || (dob != null && p.DateOfBirth == dob && p.GivenName.ToLower() == given && p.FamilyName.ToLower() == family)))
            .Select(p => new
            {
                p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber,
                Address = p.Addresses.OrderBy(a => a.To == null ? 0 : 1).ThenByDescending(a => a.From)
                    .Select(a => new { a.Line1, a.Postcode }).FirstOrDefault(),
            })
            .Take(10).ToListAsync(ct);
        var people = found.Select(p => (p.Id, Particulars: new MatchParticulars(p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber,
            p.Address?.Line1, p.Address?.Postcode))).ToList();
        if (child.Link.Kind == LinkChoiceKind.NotChosen
            && DecisiveMatchRule.SingleDecisive(IndexedPersonLinker.Particulars(child), people) is { } decisive)
        {
            return PersonLinkPlan.Existing(decisive);
        }
        return PersonLinkPlan.New(people.Take(IndexedPersonLinker.MaxQueuedPerPerson).Select(p => new PossibleMatch(p.Id,
            $"{p.Particulars.GivenName} {p.Particulars.FamilyName}", 0, "Possible",
            PersonCandidates.ExplanationJson([p.Particulars.NhsNumber is not null && p.Particulars.NhsNumber == nhs
                ? "Same NHS number, but the date of birth differs" : "Same names and date of birth, at another address"])))
            .ToList());
    }
}

public static class PersonFactory
{
    public static Person From(NewChild child, DateTimeOffset now)
    {
        var person = new Person(child.GivenName, child.FamilyName, child.DateOfBirth, child.Sex)
        {
            ExpectedDateOfBirth = child.ExpectedDateOfBirth,
            NhsNumber = Identifiers.NhsNumber.TryParse(child.NhsNumber, out var nhs) ? nhs.Value : null,
            School = string.IsNullOrWhiteSpace(child.School) ? null : child.School.Trim(),
            CreatedAt = now,
        };
        if (!string.IsNullOrWhiteSpace(child.AddressLine1) || !string.IsNullOrWhiteSpace(child.Postcode))
        {
            var postcode = Identifiers.Postcode.TryParse(child.Postcode, out var pc) ? pc.Value : (child.Postcode ?? "").Trim().ToUpperInvariant();
            person.Addresses.Add(new PersonAddress((child.AddressLine1 ?? "").Trim(), (child.Town ?? "").Trim(), postcode,
                DateOnly.FromDateTime(now.UtcDateTime)));
        }
        return person;
    }
}
