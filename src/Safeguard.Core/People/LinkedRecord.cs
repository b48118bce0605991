using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

/// <summary>A person's particulars as the index holds them now: what a chosen record fills in, and what "As sent" is compared with.</summary>
public sealed record LinkedRecord(Guid PersonId, string GivenName, string FamilyName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth,
    Sex Sex, string? NhsNumber, string? AddressLine1, string? Town, string? Postcode, string? School)
{
    public string Name => $"{GivenName} {FamilyName}".Trim();

    /// <summary>
    /// The records of <paramref name="ids"/> that exist, each as it is now (a merged-away person as the record they were merged
    /// into), by the id asked for. Their current address: one without an end date, else the latest to start.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, LinkedRecord>> ForAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> ids,
        CancellationToken ct = default)
    {
        var found = new Dictionary<Guid, LinkedRecord>();
        foreach (var id in ids.Distinct())
        {
            if (!await db.People.AnyAsync(p => p.Id == id, ct)) continue;
            var survivor = await IndexedPersonLinker.SurvivorOfAsync(db, id, ct);
            var record = await db.People.AsNoTracking().Where(p => p.Id == survivor)
                .Select(p => new
                {
                    p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.NhsNumber, p.School,
                    Address = p.Addresses.OrderBy(a => a.To == null ? 0 : 1).ThenByDescending(a => a.From)
                        .Select(a => new { a.Line1, a.Town, a.Postcode }).FirstOrDefault(),
                })
                .SingleAsync(ct);
            found[id] = new LinkedRecord(record.Id, record.GivenName, record.FamilyName, record.DateOfBirth, record.ExpectedDateOfBirth,
                record.Sex, record.NhsNumber, Blank(record.Address?.Line1), Blank(record.Address?.Town), Blank(record.Address?.Postcode), record.School);
        }
        // A record restricted from the person choosing is not found, exactly as one that does not exist.
        var hidden = await new Access.NeedToKnow(db).HiddenAmongAsync(found.Values.Select(r => (Guid?)r.PersonId), ct);
        foreach (var (id, _) in found.Where(f => hidden.Contains(f.Value.PersonId)).ToList()) found.Remove(id);
        return found;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
