using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.People;

/// <summary>The simple matcher: a valid shared NHS number, or the same names and date of birth.</summary>
public sealed class ExactPersonLinker : IPersonLinker
{
    public async Task<PersonLinkPlan> PlanAsync(SafeguardDbContext db, NewChild child, CancellationToken ct)
    {
        if (child.PersonId is { } chosen)
        {
            var exists = await db.People.AnyAsync(p => p.Id == chosen, ct);
            if (!exists) throw new InvalidOperationException("The linked person does not exist.");
            var survivor = await db.People.Where(p => p.Id == chosen).Select(p => p.MergedIntoPersonId).SingleAsync(ct);
            return PersonLinkPlan.Existing(survivor ?? chosen);
        }

        var nhs = Identifiers.NhsNumber.TryParse(child.NhsNumber, out var parsed) ? parsed.Value : null;
        Guid? match = null;
        if (nhs is not null)
        {
            match = await db.People.Where(p => p.NhsNumber == nhs && p.MergedIntoPersonId == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        }
        if (match is null && child.DateOfBirth is { } dob)
        {
            var given = child.GivenName.Trim().ToLower();
            var family = child.FamilyName.Trim().ToLower();
            match = await db.People
                .Where(p => p.DateOfBirth == dob && p.GivenName.ToLower() == given && p.FamilyName.ToLower() == family && p.MergedIntoPersonId == null)
                .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        }
        return match is { } id ? PersonLinkPlan.Existing(id) : PersonLinkPlan.New([]);
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
