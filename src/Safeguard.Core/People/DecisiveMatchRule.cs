using System.Text;

namespace Safeguard.Core.People;

/// <summary>What a link decision compares: a child as sent, or a person as the index holds them.</summary>
public sealed record MatchParticulars(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? NhsNumber,
    string? AddressLine1, string? Postcode);

/// <summary>
/// When a child is linked to an existing record without a person choosing it (a partner, the API, a worker who made
/// no choice): only on decisive evidence. Anything less makes a new record and queues the likely match for review.
/// </summary>
public static class DecisiveMatchRule
{
    // A false link puts one child's information in another child's file, which is worse than a duplicate; so only an identifier, or every particular at once, decides.

    /// <summary>
    /// Decisive: the same valid NHS number with no disagreeing date of birth; or the same given and family names, date
    /// of birth and address (first line and postcode) together.
    /// </summary>
    public static bool IsDecisive(MatchParticulars sent, MatchParticulars existing) =>
        NhsNumberAgrees(sent, existing) || EveryParticularAgrees(sent, existing);

    /// <summary>The one person among <paramref name="people"/> the rule links to, or null when none (or more than one) is decisive.</summary>
    public static Guid? SingleDecisive(MatchParticulars sent, IEnumerable<(Guid Id, MatchParticulars Particulars)> people)
    {
        Guid? found = null;
        foreach (var (id, particulars) in people)
        {
            if (!IsDecisive(sent, particulars) || found == id) continue;
            if (found is not null) return null; // Two records both decisive: a person must decide.
            found = id;
        }
        return found;
    }

    private static bool NhsNumberAgrees(MatchParticulars a, MatchParticulars b) =>
        Nhs(a.NhsNumber) is { } nhs && nhs == Nhs(b.NhsNumber)
        && (a.DateOfBirth is null || b.DateOfBirth is null || a.DateOfBirth == b.DateOfBirth);

    private static bool EveryParticularAgrees(MatchParticulars a, MatchParticulars b) =>
        a.DateOfBirth is { } dob && dob == b.DateOfBirth
        && Name(a.GivenName) is { } given && given == Name(b.GivenName)
        && Name(a.FamilyName) is { } family && family == Name(b.FamilyName)
        && Postcode(a.Postcode) is { } postcode && postcode == Postcode(b.Postcode)
        && Name(a.AddressLine1) is { } line1 && line1 == Name(b.AddressLine1);

    private static string? Nhs(string? value) => Identifiers.NhsNumber.TryParse(value, out var nhs) ? nhs.Value : null;

    private static string? Postcode(string? value) => Identifiers.Postcode.TryParse(value, out var postcode) ? postcode.Value : null;

    /// <summary>Letters and digits only, lower case, single spaces: "1, High St." and "1 high st" are the same; "Rubie" and "Ruby" are not.</summary>
    internal static string? Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = new StringBuilder(value.Length);
        var space = false;
        foreach (var ch in value.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (space && text.Length > 0) text.Append(' ');
                text.Append(ch);
                space = false;
            }
            else if (char.IsWhiteSpace(ch) || ch is ',' or '.' or '-' or '\'')
            {
                space = true;
            }
        }
        return text.Length == 0 ? null : text.ToString();
    }
}
