using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

/// <summary>One particular where what was sent about a child and the record they are linked to disagree.</summary>
public sealed record AsSentDifference(string Field, string AsSent, string LinkedRecord);

/// <summary>A child of a contact: the record linked, and where what was sent differs from it (empty when nothing does).</summary>
public sealed record ChildAsSentView(Guid PersonId, string LinkedName, string SentName, IReadOnlyList<AsSentDifference> Differences);

/// <summary>
/// What the referrer sent about each child of a contact beside the record the child is linked to, so a worker can spot a
/// wrong link. Only what was sent is compared: a particular the referrer left out is not a difference.
/// </summary>
public static class ContactAsSent
{
    public static async Task<IReadOnlyList<ChildAsSentView>> ForAsync(SafeguardDbContext db, Guid contactId, CancellationToken ct = default)
    {
        var children = await db.ContactChildren.AsNoTracking().Where(cc => cc.ContactId == contactId).OrderBy(cc => cc.Id).ToListAsync(ct);
        var records = await LinkedRecord.ForAsync(db, children.Select(c => c.PersonId).ToList(), ct);
        return children.Where(c => records.ContainsKey(c.PersonId))
            .Select(c => new ChildAsSentView(c.PersonId, records[c.PersonId].Name, c.SentName, Compare(c.Sent, records[c.PersonId])))
            .ToList();
    }

    public static IReadOnlyList<AsSentDifference> Compare(ChildAsSent sent, LinkedRecord record)
    {
        var differences = new List<AsSentDifference>();
        void Check(string field, string? asSent, string? linked, Func<string?, string?> normalise)
        {
            if (string.IsNullOrWhiteSpace(asSent) || normalise(asSent) == normalise(linked)) return;
            differences.Add(new AsSentDifference(field, asSent.Trim(), string.IsNullOrWhiteSpace(linked) ? "Not recorded" : linked.Trim()));
        }
        Check("First name", sent.GivenName, record.GivenName, DecisiveMatchRule.Name);
        Check("Last name", sent.FamilyName, record.FamilyName, DecisiveMatchRule.Name);
        Check("Date of birth", Date(sent.DateOfBirth), Date(record.DateOfBirth), v => v);
        Check("Expected date of birth", Date(sent.ExpectedDateOfBirth), Date(record.ExpectedDateOfBirth), v => v);
        Check("NHS number", sent.NhsNumber, record.NhsNumber, Digits);
        Check("Address line 1", sent.AddressLine1, record.AddressLine1, DecisiveMatchRule.Name);
        Check("Town", sent.Town, record.Town, DecisiveMatchRule.Name);
        Check("Postcode", sent.Postcode, record.Postcode, v => v?.Replace(" ", "").ToUpperInvariant());
        Check("School or nursery", sent.School, record.School, DecisiveMatchRule.Name);
        return differences;
    }

    private static string? Date(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string? Digits(string? value) => value is null ? null : new string(value.Where(char.IsAsciiDigit).ToArray());
}
