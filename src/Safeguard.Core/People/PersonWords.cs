namespace Safeguard.Core.People;

/// <summary>The words people see for a person's sex, other names and duplicate reviews.</summary>
public static class PersonWords
{
    public static string Words(this Sex sex) => sex switch
    {
        Sex.Female => "Female",
        Sex.Male => "Male",
        Sex.Indeterminate => "Indeterminate",
        _ => "Not known",
    };

    public static string Words(this PersonNameKind kind) => kind switch
    {
        PersonNameKind.Previous => "Previous name",
        PersonNameKind.Alias => "Alias",
        _ => "Other name",
    };

    public static string Words(this RelationshipKind kind) => PersonRelationship.Describe(kind);

    public static string Words(this DuplicateStatus status) => status switch
    {
        DuplicateStatus.Open => "Waiting for review",
        DuplicateStatus.Merged => "Merged",
        DuplicateStatus.NotDuplicate => "Not the same person",
        _ => "Unknown",
    };

    /// <summary>What a merge moved, in words: "2 contacts", "1 address" (keys are <see cref="Records.PersonMerging"/>'s table names).</summary>
    public static string MovedRows(string table, int count) => table switch
    {
        "ContactChildren" => Text.Plural.Count(count, "contact"),
        "Referrals" => Text.Plural.Count(count, "referral"),
        "Assessments" => Text.Plural.Count(count, "assessment"),
        "ChildPlans" => Text.Plural.Count(count, "plan"),
        "WorkItems" => Text.Plural.Count(count, "piece of work", "pieces of work"),
        "Alerts" => Text.Plural.Count(count, "alert"),
        "PersonAddresses" => Text.Plural.Count(count, "address", "addresses"),
        "PersonNames" => Text.Plural.Count(count, "other name"),
        "PersonRelationships.PersonId" or "PersonRelationships.RelatedPersonId" => Text.Plural.Count(count, "relationship"),
        _ => Text.Plural.Count(count, "other record"),
    };

    public static string Words(this DuplicateFoundBy foundBy) => foundBy switch
    {
        DuplicateFoundBy.Intake => "New contact",
        DuplicateFoundBy.Sweep => "Sweep",
        _ => "Unknown",
    };
}
