using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.People;

public enum PersonNameKind { Previous, Alias }

/// <summary>Another name a person is or was known by (a previous family name, an alias), with when it applied.</summary>
public sealed class PersonName : IAudited
{
    private PersonName() { }

    public PersonName(Guid personId, PersonNameKind kind, string givenName, string familyName, DateOnly? from = null, DateOnly? to = null)
    {
        Id = NewId.Next();
        PersonId = personId;
        Kind = kind;
        GivenName = givenName.Trim();
        FamilyName = familyName.Trim();
        From = from;
        To = to;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public PersonNameKind Kind { get; set; }
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Soundex of the given name, kept by the entity for indexed "sounds like" search.</summary>
    public string? GivenNameKey { get => PersonKeys.Name(GivenName); private set { } }

    public string? FamilyNameKey { get => PersonKeys.Name(FamilyName); private set { } }

    Guid? IAudited.AuditPersonId => PersonId;
}

/// <summary>What the related person is to the person: "RelatedPerson is the Parent of Person".</summary>
public enum RelationshipKind { Parent, StepParent, Sibling, Carer, HouseholdMember }

/// <summary>A relationship between two people, with when it held.</summary>
public sealed class PersonRelationship : IAudited
{
    private PersonRelationship() { }

    public PersonRelationship(Guid personId, Guid relatedPersonId, RelationshipKind kind, DateOnly? from = null, DateOnly? to = null)
    {
        if (personId == relatedPersonId) throw new ArgumentException("A person cannot be related to themselves.", nameof(relatedPersonId));
        Id = NewId.Next();
        PersonId = personId;
        RelatedPersonId = relatedPersonId;
        Kind = kind;
        From = from;
        To = to;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid RelatedPersonId { get; private set; }
    public RelationshipKind Kind { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    Guid? IAudited.AuditPersonId => PersonId;

    public static string Describe(RelationshipKind kind) => kind switch
    {
        RelationshipKind.StepParent => "Step-parent",
        RelationshipKind.HouseholdMember => "Household member",
        _ => kind.ToString(),
    };
}

/// <summary>Search keys stored beside names so that "sounds like" lookups use an index.</summary>
public static class PersonKeys
{
    public static string? Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        // "--" is not blank but has no first word.
        if (name.Trim().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries) is not [var first, ..]) return null;
        var key = Phonetics.Soundex(first);
        return key.Length == 0 ? null : key;
    }
}
