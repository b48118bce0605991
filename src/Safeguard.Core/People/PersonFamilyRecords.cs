using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.People;

/// <summary>Records a person's other names and their relationships, so a child's household can be seen and searched.</summary>
public sealed class PersonFamilyRecords(SafeguardDbContext db, IPersonLinker linker)
{
    public async Task AddNameAsync(Guid personId, PersonNameKind kind, string givenName, string familyName, CancellationToken ct = default)
    {
        await RequireLivePersonAsync(personId, ct);
        db.PersonNames.Add(new PersonName(personId, kind, givenName, familyName));
        db.ChangeReason = kind == PersonNameKind.Previous ? "Previous name recorded" : "Alias recorded";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Relates someone to the person. The relative is found in the person index (or created), through the same
    /// linker as the front door, so a parent already known is not recorded twice.
    /// </summary>
    public async Task<Guid> AddRelationshipAsync(Guid personId, NewChild relative, RelationshipKind kind, CancellationToken ct = default)
    {
        await RequireLivePersonAsync(personId, ct);
        var link = await linker.LinkAsync(db, relative, ct);
        if (link.PersonId == personId) throw new ArgumentException("A person cannot be related to themselves.", nameof(relative));
        var exists = await db.PersonRelationships.AnyAsync(r => r.PersonId == personId && r.RelatedPersonId == link.PersonId && r.Kind == kind, ct);
        if (!exists)
        {
            db.PersonRelationships.Add(new PersonRelationship(personId, link.PersonId, kind));
            db.ChangeReason = $"{PersonRelationship.Describe(kind)} recorded";
            await db.SaveChangesAsync(ct);
        }
        return link.PersonId;
    }

    private async Task RequireLivePersonAsync(Guid personId, CancellationToken ct)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId && p.MergedIntoPersonId == null, ct))
            throw new InvalidOperationException("There is no such person, or the record was merged into another.");
    }
}
