using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.People;

/// <summary>Records a person's other names and their relationships, so a child's household can be seen and searched.</summary>
public sealed class PersonFamilyRecords(SafeguardDbContext db, IPersonLinker linker)
{
    /// <summary>
    /// Adds a previous name or an alias. With <paramref name="seenVersion"/> (the person's version the page showed),
    /// nothing is saved if someone else changed the record since.
    /// </summary>
    public async Task<EditOutcome> AddNameAsync(Guid personId, PersonNameKind kind, string givenName, string familyName,
        int? seenVersion = null, CancellationToken ct = default)
    {
        var person = await LivePersonAsync(personId, ct);
        if (seenVersion is { } seen && person.Version != seen) return EditOutcome.ChangedElsewhere;
        db.PersonNames.Add(new PersonName(personId, kind, givenName, familyName));
        person.Changed();
        db.ChangeReason = kind == PersonNameKind.Previous ? "Previous name recorded" : "Alias recorded";
        return await SaveAsync(ct);
    }

    /// <summary>
    /// Relates someone to the person. The relative is found in the person index (or created), through the same
    /// linker as the front door, so a parent already known is not recorded twice.
    /// </summary>
    /// <remarks>With <paramref name="seenVersion"/>, nothing is saved if someone else changed the record since.</remarks>
    public async Task<(EditOutcome Outcome, Guid? RelativeId)> AddRelationshipAsync(Guid personId, NewChild relative, RelationshipKind kind,
        int? seenVersion = null, CancellationToken ct = default)
    {
        var person = await LivePersonAsync(personId, ct);
        if (seenVersion is { } seen && person.Version != seen) return (EditOutcome.ChangedElsewhere, null);
        var link = await linker.LinkAsync(db, relative, ct);
        if (link.PersonId == personId) throw new ArgumentException("A person cannot be related to themselves.", nameof(relative));
        var exists = await db.PersonRelationships.AnyAsync(r => r.PersonId == personId && r.RelatedPersonId == link.PersonId && r.Kind == kind, ct);
        if (exists) return (EditOutcome.Saved, link.PersonId);
        db.PersonRelationships.Add(new PersonRelationship(personId, link.PersonId, kind));
        person.Changed();
        db.ChangeReason = $"{PersonRelationship.Describe(kind)} recorded";
        return (await SaveAsync(ct), link.PersonId);
    }

    private async Task<Person> LivePersonAsync(Guid personId, CancellationToken ct) =>
        await db.People.SingleOrDefaultAsync(p => p.Id == personId && p.MergedIntoPersonId == null, ct)
        ?? throw new InvalidOperationException("There is no such person, or the record was merged into another.");

    /// <summary>Saves, or, when someone else saved a change to the person first, saves nothing.</summary>
    private async Task<EditOutcome> SaveAsync(CancellationToken ct) =>
        await db.SaveUnlessChangedElsewhereAsync(ct) ? EditOutcome.Saved : EditOutcome.ChangedElsewhere;
}
