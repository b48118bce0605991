namespace Safeguard.Core.People.Matching;

/// <summary>An identifier from another scheme (e.g. a UPN, a local system id, or FEBRL's soc_sec_id).
/// Weighed like a national identifier but never assumed to carry a valid check digit.</summary>
public sealed record ExtraIdentifier(string Scheme, string Value);

/// <summary>One person as recorded by one source: the input to matching. Everything except <see cref="Id"/> may be
/// missing or wrong.</summary>
public sealed record PersonRecord
{
    public required string Id { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }

    /// <summary>Aliases, former family names, middle names and other known names.</summary>
    public IReadOnlyList<string> OtherNames { get; init; } = [];

    /// <summary>Raw text plus the parts that could be read; see <see cref="PartialDate.Parse"/>.</summary>
    public PartialDate DateOfBirth { get; init; }

    public Sex Sex { get; init; }

    /// <summary>As recorded; only a check-digit-valid NHS number takes part in matching.</summary>
    public string? NhsNumber { get; init; }

    public IReadOnlyList<string> AddressLines { get; init; } = [];
    public string? Town { get; init; }
    public string? Postcode { get; init; }
    public IReadOnlyList<ExtraIdentifier> Identifiers { get; init; } = [];
}
