using System.Globalization;
using Safeguard.Core.Audit;

namespace Safeguard.Core.People;

// Changes of household, carers and address: steps of a child's story, so the chronology reads them. Each is written on
// the record of the person whose family or address changed, in the same save as the change.

/// <summary>Someone was recorded as the person's parent, step-parent, sibling, carer or household member, from a day if known.</summary>
public sealed record RelationshipAdded(Guid RelationshipId, Guid RelatedPersonId, string RelatedName, RelationshipKind Kind, DateOnly? From) : IEvent
{
    public static string Name => "person.relationship-added";

    public string Describe() => $"{RelatedName} recorded as {HouseholdWords.AKind(Kind)}{HouseholdWords.Since(From)}";
}

/// <summary>A relationship ended on a day (a carer moved out, a household member left), with why when it was given.</summary>
public sealed record RelationshipEnded(Guid RelationshipId, Guid RelatedPersonId, string RelatedName, RelationshipKind Kind, DateOnly EndedOn,
    string? Reason) : IEvent
{
    public static string Name => "person.relationship-ended";

    public string Describe() =>
        $"{RelatedName} no longer {HouseholdWords.AKind(Kind)} from {HouseholdWords.Day(EndedOn)}{(Reason is null ? "" : $": {Reason}")}";
}

/// <summary>The person moved to a new address on a day; <paramref name="Previous"/>: the address they left, in one line.</summary>
public sealed record AddressChanged(Guid AddressId, string Line1, string Town, string Postcode, DateOnly From, string? Previous) : IEvent
{
    public static string Name => "person.address-changed";

    public string Describe() =>
        $"Moved to {Line1}, {Town}, {Postcode} on {HouseholdWords.Day(From)}{(Previous is null ? "" : $" (from {Previous})")}";
}

/// <summary>The words of the household events.</summary>
public static class HouseholdWords
{
    /// <summary>"a parent", "a household member".</summary>
    public static string AKind(RelationshipKind kind) => "a " + PersonRelationship.Describe(kind).ToLowerInvariant();

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>An address in one line: "5 Elm Close, Northbridge, NB2 3EF".</summary>
    public static string OneLine(PersonAddress address) =>
        string.Join(", ", new[] { address.Line1, address.Town, address.Postcode }.Where(part => !string.IsNullOrWhiteSpace(part)));

    internal static string Since(DateOnly? from) => from is { } day ? $" from {Day(day)}" : "";
}
