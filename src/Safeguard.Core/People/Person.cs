using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

public enum Sex { Unknown, Female, Male, Indeterminate }

/// <summary>A child or adult known to the council. Exists once; a duplicate is merged into the survivor.</summary>
public sealed class Person : IAudited, IVersioned
{
    private Person() { }

    public Person(string givenName, string familyName, DateOnly? dateOfBirth, Sex sex)
    {
        Id = NewId.Next();
        GivenName = givenName.Trim();
        FamilyName = familyName.Trim();
        DateOfBirth = dateOfBirth;
        Sex = sex;
    }

    public Guid Id { get; private set; }
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public DateOnly? DateOfBirth { get; set; }
    public DateOnly? ExpectedDateOfBirth { get; set; }
    public Sex Sex { get; set; }
    public string? NhsNumber { get; set; }
    /// <summary>Unique Pupil Number (13 characters, DfE).</summary>
    public string? Upn { get; set; }
    /// <summary>A UPN the child had before <see cref="Upn"/> (CIN census FormerUPN).</summary>
    public string? FormerUpn { get; set; }
    /// <summary>Why the child has no UPN: CIN census UN1..UN10 (e.g. UN1 child is too young for a UPN).</summary>
    public string? UpnUnknownReason { get; set; }
    /// <summary>CIN census ethnicity code, e.g. WBRI, MWBC, REFU (refused), NOBT (not yet obtained).</summary>
    public string? Ethnicity { get; set; }
    /// <summary>CIN census disability codes separated by ',', e.g. "MOB,HAND", or "NONE".</summary>
    public string? Disabilities { get; set; }
    /// <summary>When the person died, if they have (CIN census PersonDeathDate).</summary>
    public DateOnly? DateOfDeath { get; set; }
    public string? LocalChildId { get; set; }
    public string? School { get; set; }
    /// <summary>
    /// Visible only to the people on its access list (e.g. a staff member's relative, an adoption): see
    /// <see cref="Access.NeedToKnow"/>. Restricted and lifted only through <see cref="Access.AccessLists"/>.
    /// </summary>
    public bool IsRestricted { get; internal set; }
    public string? RestrictionReason { get; internal set; }
    public string? RestrictedByName { get; internal set; }
    public DateTimeOffset? RestrictedAt { get; internal set; }
    public Guid? MergedIntoPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; private set; } = 1;
    public List<PersonAddress> Addresses { get; private set; } = [];

    public string FullName => $"{GivenName} {FamilyName}".Trim();

    /// <summary>
    /// Moves the record's version on for a change kept in rows of its own (another name, a relative, a merge), so a
    /// save made from what someone saw before it is refused.
    /// </summary>
    public void Changed() => Version++;

    /// <summary>Soundex of the first given name, kept by the entity so "sounds like" search and matching use an index.</summary>
    public string? GivenNameKey { get => PersonKeys.Name(GivenName); private set { } }

    /// <summary>Soundex of the family name (see <see cref="GivenNameKey"/>).</summary>
    public string? FamilyNameKey { get => PersonKeys.Name(FamilyName); private set { } }

    Guid? IAudited.AuditPersonId => Id;
}

public sealed class PersonAddress : IAudited
{
    private PersonAddress() { }

    public PersonAddress(string line1, string town, string postcode, DateOnly? from)
    {
        Id = NewId.Next();
        Line1 = line1;
        Town = town;
        Postcode = postcode;
        From = from;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public string Line1 { get; set; } = "";
    public string Town { get; set; } = "";
    public string Postcode { get; set; } = "";
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    Guid? IAudited.AuditPersonId => PersonId;
}
