using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

/// <summary>Where a person lives now, and since when.</summary>
public sealed record CurrentAddress(string Line1, string Town, string Postcode, DateOnly? From);

/// <summary>A relationship that holds now: who the relative is to the person, and since when.</summary>
public sealed record CurrentRelationship(Guid RelatedPersonId, string RelatedName, RelationshipKind Kind, DateOnly? From);

/// <summary>
/// Records a person's other names, their relationships and their moves, so a child's household can be seen and searched
/// and its changes are in the chronology.
/// </summary>
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
    /// Relates someone to the person, from <paramref name="from"/> when it is known. The relative is found in the person
    /// index (or created), through the same linker as the front door, so a parent already known is not recorded twice.
    /// A <see cref="RelationshipAdded"/> event on the person's record goes into their chronology.
    /// </summary>
    /// <remarks>With <paramref name="seenVersion"/>, nothing is saved if someone else changed the record since.</remarks>
    public async Task<(EditOutcome Outcome, Guid? RelativeId)> AddRelationshipAsync(Guid personId, NewChild relative, RelationshipKind kind,
        int? seenVersion = null, DateOnly? from = null, CancellationToken ct = default)
    {
        var person = await LivePersonAsync(personId, ct);
        if (seenVersion is { } seen && person.Version != seen) return (EditOutcome.ChangedElsewhere, null);
        var link = await linker.LinkAsync(db, relative, ct);
        if (link.PersonId == personId) throw new ArgumentException("A person cannot be related to themselves.", nameof(relative));
        var exists = await db.PersonRelationships.AnyAsync(r => r.PersonId == personId && r.RelatedPersonId == link.PersonId && r.Kind == kind
            && r.To == null, ct);
        if (exists) return (EditOutcome.Saved, link.PersonId);
        var relationship = new PersonRelationship(personId, link.PersonId, kind, from);
        db.PersonRelationships.Add(relationship);
        person.Changed();
        db.ChangeReason = $"{PersonRelationship.Describe(kind)} recorded";
        db.Record(new RelationshipAdded(relationship.Id, link.PersonId, await RelativeNameAsync(link.PersonId, ct), kind, from),
            personId, nameof(PersonRelationship), relationship.Id);
        return (await SaveAsync(ct), link.PersonId);
    }

    /// <summary>
    /// Ends the person's current relationship of <paramref name="kind"/> with the relative on the day given (a carer moved
    /// out, a household member left), with a <see cref="RelationshipEnded"/> event on the person's record.
    /// </summary>
    /// <remarks>With <paramref name="seenVersion"/>, nothing is saved if someone else changed the record since.</remarks>
    public async Task<HouseholdChange> EndRelationshipAsync(Guid personId, Guid relatedPersonId, RelationshipKind kind, RelationshipEndInput input,
        int? seenVersion = null, CancellationToken ct = default)
    {
        // Read before the person's version (see ChangeAddressAsync).
        var relationship = await db.PersonRelationships
            .Where(r => r.PersonId == personId && r.RelatedPersonId == relatedPersonId && r.Kind == kind && r.To == null)
            .FirstOrDefaultAsync(ct);
        var person = await LivePersonAsync(personId, ct);
        if (seenVersion is { } seen && person.Version != seen) return HouseholdChange.ChangedElsewhere;
        if (relationship is null) return HouseholdChange.NotFound;
        var errors = HouseholdRules.CheckEnd(input, Today, relationship.From);
        if (errors.Count > 0) return HouseholdChange.Invalid(errors);

        var ended = input.EndedOn!.Value;
        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        relationship.To = ended;
        person.Changed();
        db.ChangeReason = reason ?? $"{PersonRelationship.Describe(kind)} relationship ended";
        db.Record(new RelationshipEnded(relationship.Id, relatedPersonId, await RelativeNameAsync(relatedPersonId, ct), kind, ended, reason),
            personId, nameof(PersonRelationship), relationship.Id);
        return await SaveAsync(ct) == EditOutcome.Saved ? HouseholdChange.Saved : HouseholdChange.ChangedElsewhere;
    }

    /// <summary>
    /// Records that the person moved: the address they leave (every address still open) ends the day before they moved,
    /// the new one starts that day, and an <see cref="AddressChanged"/> event on their record says where from and to.
    /// </summary>
    /// <remarks>With <paramref name="seenVersion"/>, nothing is saved if someone else changed the record since.</remarks>
    public async Task<HouseholdChange> ChangeAddressAsync(Guid personId, AddressInput input, int? seenVersion = null, CancellationToken ct = default)
    {
        // The addresses are read before the person's version: a move saved by someone else in between then shows as a
        // changed version (or fails the save's version check), never as this move being dated before their new address.
        var open = await db.PersonAddresses.Where(a => a.PersonId == personId && a.To == null).ToListAsync(ct);
        var person = await LivePersonAsync(personId, ct);
        if (seenVersion is { } seen && person.Version != seen) return HouseholdChange.ChangedElsewhere;
        var current = open.OrderByDescending(a => a.From ?? DateOnly.MinValue).FirstOrDefault();
        var errors = HouseholdRules.CheckMove(input, Today, current?.From);
        if (errors.Count > 0) return HouseholdChange.Invalid(errors);

        var moved = input.MovedOn!.Value;
        foreach (var left in open) left.To = moved.AddDays(-1);
        var address = new PersonAddress(input.Line1!.Trim(), input.Town!.Trim(), Identifiers.Postcode.Parse(input.Postcode!).Value, moved);
        // Added explicitly: found only through the navigation, a row whose id is already set would be taken as existing.
        db.PersonAddresses.Add(address);
        person.Addresses.Add(address);
        person.Changed();
        db.ChangeReason = "Address changed";
        db.Record(new AddressChanged(address.Id, address.Line1, address.Town, address.Postcode, moved,
            current is null ? null : HouseholdWords.OneLine(current)), personId, nameof(PersonAddress), address.Id);
        return await SaveAsync(ct) == EditOutcome.Saved ? HouseholdChange.Saved : HouseholdChange.ChangedElsewhere;
    }

    /// <summary>The address the person lives at now (the latest still open), or null when none is recorded.</summary>
    public async Task<CurrentAddress?> CurrentAddressAsync(Guid personId, CancellationToken ct = default) =>
        (await db.PersonAddresses.AsNoTracking().Where(a => a.PersonId == personId && a.To == null)
            .Select(a => new CurrentAddress(a.Line1, a.Town, a.Postcode, a.From)).ToListAsync(ct))
        .OrderByDescending(a => a.From ?? DateOnly.MinValue).FirstOrDefault();

    /// <summary>The person's current relationship of <paramref name="kind"/> with the relative, or null when there is none to end.</summary>
    public async Task<CurrentRelationship?> CurrentRelationshipAsync(Guid personId, Guid relatedPersonId, RelationshipKind kind,
        CancellationToken ct = default) =>
        await db.PersonRelationships.AsNoTracking()
            .Where(r => r.PersonId == personId && r.RelatedPersonId == relatedPersonId && r.Kind == kind && r.To == null)
            .Join(db.People, r => r.RelatedPersonId, p => p.Id, (r, p) => new CurrentRelationship(p.Id, p.GivenName + " " + p.FamilyName, r.Kind, r.From))
            .FirstOrDefaultAsync(ct);

    /// <summary>Today in the UK, for dates people type.</summary>
    private DateOnly Today => Timescales.TimeLimits.UkDay(db.Time.GetUtcNow());

    /// <summary>The relative's name for an event; a restricted relative is not named on another person's record.</summary>
    private async Task<string> RelativeNameAsync(Guid relativeId, CancellationToken ct)
    {
        var relative = await db.People.FindAsync([relativeId], ct);
        return relative is null ? "" : relative.IsRestricted ? Access.NeedToKnow.RestrictedTitle : relative.FullName;
    }

    private async Task<Person> LivePersonAsync(Guid personId, CancellationToken ct) =>
        await db.People.SingleOrDefaultAsync(p => p.Id == personId && p.MergedIntoPersonId == null, ct)
        ?? throw new InvalidOperationException("There is no such person, or the record was merged into another.");

    /// <summary>Saves, or, when someone else saved a change to the person first, saves nothing.</summary>
    private async Task<EditOutcome> SaveAsync(CancellationToken ct) =>
        await db.SaveUnlessChangedElsewhereAsync(ct) ? EditOutcome.Saved : EditOutcome.ChangedElsewhere;
}
