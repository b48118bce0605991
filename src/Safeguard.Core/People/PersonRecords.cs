using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

public sealed record PersonSummary(Guid Id, string GivenName, string FamilyName, DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth, Sex Sex, string? NhsNumber, string? School, Guid? MergedIntoPersonId);

public sealed record AddressLine(string Line1, string Town, string Postcode, DateOnly? From, DateOnly? To);

public sealed record ContactLine(Guid Id, string Reference, DateTimeOffset ReceivedAt, string Status, string? Outcome, string Priority);

public sealed record ReferralLine(Guid Id, DateOnly ReferralDate, string SourceCode, string Status, DateOnly? ClosedOn);

public sealed record HistoryLine(DateTimeOffset OccurredAt, string ActorName, string Type, string Summary, string? Reason, string? Data);

public sealed record PersonRecordView(PersonSummary Person, IReadOnlyList<AddressLine> Addresses,
    IReadOnlyList<ContactLine> Contacts, IReadOnlyList<ReferralLine> Referrals, IReadOnlyList<HistoryLine> History);

public sealed record PersonSearchResult(Guid Id, string Name, DateOnly? DateOfBirth, string? Postcode);

/// <summary>Reads a person's record for the person page. Reading it is itself recorded as an event.</summary>
public sealed class PersonRecords(SafeguardDbContext db)
{
    private static readonly string[] UkDateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d M yyyy", "yyyy-MM-dd"];

    public async Task<PersonRecordView?> ViewAsync(Guid personId, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new PersonSummary(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex,
                p.NhsNumber, p.School, p.MergedIntoPersonId))
            .SingleOrDefaultAsync(ct);
        if (person is null) return null;

        db.Record(EventTypes.RecordViewed, $"Viewed the record of {person.GivenName} {person.FamilyName}", personId, "Person", personId);
        await db.SaveChangesAsync(ct);

        var addresses = await db.PersonAddresses.AsNoTracking()
            .Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.From)
            .Select(a => new AddressLine(a.Line1, a.Town, a.Postcode, a.From, a.To))
            .ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.Children.Any(ch => ch.PersonId == personId))
            .OrderByDescending(c => c.ReceivedAt)
            .Select(c => new ContactLine(c.Id, c.Reference, c.ReceivedAt, c.Status.ToString(), c.Outcome.ToString(), c.Priority.ToString()))
            .ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.ReferralDate)
            .Select(r => new ReferralLine(r.Id, r.ReferralDate, r.SourceCode, r.Status.ToString(), r.ClosedOn))
            .ToListAsync(ct);
        var history = await db.Events.AsNoTracking()
            .Where(e => e.PersonId == personId && e.Type != EventTypes.RecordViewed)
            .OrderByDescending(e => e.Id)
            .Take(200)
            .Select(e => new HistoryLine(e.OccurredAt, e.ActorName, e.Type, e.Summary, e.Reason, e.Data))
            .ToListAsync(ct);
        return new PersonRecordView(person, addresses, contacts, referrals, history);
    }

    /// <summary>A simple name, date of birth or NHS number search. The person index replaces it with fuzzy matching.</summary>
    public async Task<IReadOnlyList<PersonSearchResult>> SearchAsync(string? text, int max = 25, CancellationToken ct = default)
    {
        var people = db.People.AsNoTracking().Where(p => p.MergedIntoPersonId == null);
        var term = (text ?? "").Trim();
        if (term.Length == 0) return [];
        var digits = new string(term.Where(char.IsDigit).ToArray());
        if (digits.Length == 10 && term.All(c => char.IsDigit(c) || c == ' '))
        {
            people = people.Where(p => p.NhsNumber == digits);
        }
        else if (DateOnly.TryParseExact(term, UkDateFormats, System.Globalization.CultureInfo.InvariantCulture,
                     System.Globalization.DateTimeStyles.None, out var dob))
        {
            people = people.Where(p => p.DateOfBirth == dob);
        }
        else
        {
            foreach (var word in term.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))
            {
                var w = word;
                people = people.Where(p => p.GivenName.ToLower().StartsWith(w) || p.FamilyName.ToLower().StartsWith(w));
            }
        }
        return await people
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Take(max)
            .Select(p => new PersonSearchResult(p.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth,
                p.Addresses.OrderByDescending(a => a.From).Select(a => a.Postcode).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
