using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.People;

public sealed record PersonCandidate(Guid PersonId, string Name, DateOnly? DateOfBirth, string? Postcode, string? NhsNumber,
    double Score, string Band, IReadOnlyList<string> Explanation);

/// <summary>Finds people already known who may be the child being typed in, each with a plain explanation.</summary>
public interface IPersonCandidateFinder
{
    Task<IReadOnlyList<PersonCandidate>> FindAsync(NewChild query, int max = 5, CancellationToken ct = default);
}

/// <summary>The simple finder: same NHS number, or the same date of birth and a family name starting alike.</summary>
public sealed class SimplePersonCandidateFinder(SafeguardDbContext db) : IPersonCandidateFinder
{
    public async Task<IReadOnlyList<PersonCandidate>> FindAsync(NewChild query, int max = 5, CancellationToken ct = default)
    {
        var nhs = Identifiers.NhsNumber.TryParse(query.NhsNumber, out var parsed) ? parsed.Value : null;
        var family = query.FamilyName.Trim().ToLower();
        var prefix = family.Length >= 3 ? family[..3] : family;
        var dob = query.DateOfBirth;
        if (nhs is null && (dob is null || prefix.Length == 0)) return [];
        var rows = await db.People.AsNoTracking()
            .Where(p => p.MergedIntoPersonId == null &&
                        ((nhs != null && p.NhsNumber == nhs) || (dob != null && p.DateOfBirth == dob && p.FamilyName.ToLower().StartsWith(prefix))))
            .Take(max)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber,
                Postcode = p.Addresses.OrderByDescending(a => a.From).Select(a => a.Postcode).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(p =>
        {
            var sameNhs = nhs is not null && p.NhsNumber == nhs;
            var explanation = new List<string>();
            if (sameNhs) explanation.Add("NHS number: agrees");
            if (dob is not null && p.DateOfBirth == dob) explanation.Add("Date of birth: agrees");
            explanation.Add(string.Equals(p.FamilyName, query.FamilyName.Trim(), StringComparison.OrdinalIgnoreCase)
                ? "Family name: agrees" : "Family name: similar");
            return new PersonCandidate(p.Id, $"{p.GivenName} {p.FamilyName}", p.DateOfBirth, p.Postcode, p.NhsNumber,
                sameNhs ? 20 : 10, sameNhs ? "Certain" : "Possible", explanation);
        }).ToList();
    }
}
