namespace Safeguard.Core.People;

/// <summary>
/// A child as the contact describes them, and how the worker chose to link them (<see cref="LinkChoice"/>): a known
/// person, a new record, or not chosen (the person index decides, only on decisive evidence).
/// </summary>
public sealed record NewChild(
    LinkChoice Link,
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth,
    Sex Sex,
    string? NhsNumber,
    string? AddressLine1,
    string? Town,
    string? Postcode,
    string? School)
{
    /// <summary>
    /// What the referrer or worker typed, when the fields above were filled in from the chosen record instead; null means
    /// the fields above are what was sent. Kept on the contact child so a wrong link can be seen.
    /// </summary>
    public ChildAsSent? Sent { get; init; }

    /// <summary>What was sent about this child.</summary>
    public ChildAsSent AsSent => Sent ?? ChildAsSent.From(this);
}

/// <summary>A child's particulars exactly as the referrer sent them (trimmed), before any link to the person index.</summary>
public sealed record ChildAsSent(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth,
    string? NhsNumber, string? AddressLine1, string? Town, string? Postcode, string? School)
{
    public static ChildAsSent From(NewChild c) => new(Clean(c.GivenName, 100), Clean(c.FamilyName, 100), c.DateOfBirth,
        c.ExpectedDateOfBirth, Clean(c.NhsNumber, 20), Clean(c.AddressLine1, 200), Clean(c.Town, 100), Clean(c.Postcode, 20), Clean(c.School, 200));

    private static string? Clean(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length > max ? Text.Clip.ToLength(v, max) : v;
}
