using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Work;
using Safeguard.Core.Data;

using Safeguard.Core.People;

namespace Safeguard.Core.Records;

public sealed record PersonSummary(Guid Id, string GivenName, string FamilyName, DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth, Sex Sex, string? NhsNumber, string? School, Guid? MergedIntoPersonId);

public sealed record AddressLine(string Line1, string Town, string Postcode, DateOnly? From, DateOnly? To);

public sealed record ContactLine(Guid Id, string Reference, DateTimeOffset ReceivedAt, string Status, string? Outcome, string Priority);

/// <summary>A referral in words: the CIN referral source and status as people read them.</summary>
public sealed record ReferralLine(Guid Id, DateOnly ReferralDate, string Source, string Status, DateOnly? ClosedOn, bool IsReReferral = false,
    string? ClosureReason = null);

/// <summary>One action in a person's change history, with the automatic change rows written in the same save
/// (<see cref="HistoryGrouping"/>).</summary>
public sealed record HistoryLine(DateTimeOffset OccurredAt, string ActorName, string Type, string Summary, string? Reason,
    IReadOnlyList<string> AlsoRecorded);

public sealed record NameLine(PersonNameKind Kind, string GivenName, string FamilyName, DateOnly? From, DateOnly? To);

/// <summary>"Related person is the Kind of this person" (or, when <see cref="Inverse"/>, this person is the Kind of them).</summary>
public sealed record RelationshipLine(Guid RelatedPersonId, string RelatedName, RelationshipKind Kind, bool Inverse, DateOnly? From, DateOnly? To)
{
    public string Description => Inverse ? $"{PersonRelationship.Describe(Kind)} of {RelatedName}" : $"{RelatedName} ({PersonRelationship.Describe(Kind).ToLowerInvariant()})";
}

public sealed record HouseholdMember(Guid PersonId, string Name, DateOnly? DateOfBirth, string How);

public sealed record MergeLine(Guid MergeId, Guid MergedId, string MergedName, DateTimeOffset MergedAt, string MergedByName, string Reason);

public sealed record PersonRecordView(PersonSummary Person, IReadOnlyList<AddressLine> Addresses,
    IReadOnlyList<ContactLine> Contacts, IReadOnlyList<ReferralLine> Referrals, IReadOnlyList<HistoryLine> History)
{
    public IReadOnlyList<NameLine> OtherNames { get; init; } = [];
    public IReadOnlyList<RelationshipLine> Relationships { get; init; } = [];
    public IReadOnlyList<HouseholdMember> Household { get; init; } = [];
    /// <summary>Records merged into this one that can still be unmerged.</summary>
    public IReadOnlyList<MergeLine> Merges { get; init; } = [];
}

public sealed record PersonSearchResult(Guid Id, string Name, DateOnly? DateOfBirth, string? Postcode);

/// <summary>Reads a person's record for the person page. Reading it is itself recorded as an event.</summary>
public sealed class PersonRecords(SafeguardDbContext db)
{
    public async Task<PersonRecordView?> ViewAsync(Guid personId, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new PersonSummary(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex,
                p.NhsNumber, p.School, p.MergedIntoPersonId))
            .SingleOrDefaultAsync(ct);
        if (person is null) return null;

        db.Record(new RecordViewed(personId, $"{person.GivenName} {person.FamilyName}"), personId, nameof(Person), personId);
        await db.SaveChangesAsync(ct);

        var addresses = await db.PersonAddresses.AsNoTracking()
            .Where(a => a.PersonId == personId)
            // The current address first (the page and the case summary show it), then the ones they left, latest first.
            .OrderBy(a => a.To == null ? 0 : 1).ThenByDescending(a => a.From)
            .Select(a => new AddressLine(a.Line1, a.Town, a.Postcode, a.From, a.To))
            .ToListAsync(ct);
        var contactRows = await db.Contacts.AsNoTracking()
            .Where(c => db.ContactChildren.Where(ch => ch.PersonId == personId).Select(ch => ch.ContactId).Contains(c.Id))
            .OrderByDescending(c => c.ReceivedAt)
            .Select(c => new { c.Id, c.Reference, c.ReceivedAt, c.Status, c.Outcome, c.Priority })
            .ToListAsync(ct);
        var contacts = contactRows
            .Select(c => new ContactLine(c.Id, c.Reference, c.ReceivedAt, c.Status.Words(), c.Outcome.Words(), c.Priority.Words()))
            .ToList();
        var referralRows = await db.Referrals.AsNoTracking()
            .Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.ReferralDate)
            .Select(r => new { r.Id, r.ReferralDate, r.SourceCode, r.Status, r.ClosedOn, r.IsReReferral, r.ClosureReason })
            .ToListAsync(ct);
        var referrals = referralRows
            .Select(r => new ReferralLine(r.Id, r.ReferralDate, CaseWorkWords.ReferralSource(r.SourceCode), r.Status.Words(), r.ClosedOn, r.IsReReferral,
                r.ClosureReason is null ? null : ClosureReasons.Describe(r.ClosureReason)))
            .ToList();
        // The survivor's history shows the events of every record merged into it; the events keep their own person.
        var historyPeople = await db.WithMergedAsync(personId, ct);
        var readings = EventCatalogue.ReadingNames;
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.PersonId != null && historyPeople.Contains(e.PersonId.Value) && !readings.Contains(e.Type))
            .OrderByDescending(e => e.Id)
            .Take(400)
            .Select(e => new { e.OccurredAt, e.ActorName, e.Type, e.Summary, e.Data, e.Reason, e.SubjectType, e.SubjectId })
            .ToListAsync(ct);
        var events = rows
            .Select(e => new HistoryEvent(e.OccurredAt, e.ActorName, e.Type, EventCatalogue.Describe(e.Type, e.Data, e.Summary, e.SubjectType),
                e.Reason, e.SubjectType, e.SubjectId))
            .ToList();
        var history = HistoryGrouping.Group(events).Take(200)
            .Select(h => new HistoryLine(h.OccurredAt, h.ActorName, h.Type, h.Summary, h.Reason, h.AlsoRecorded))
            .ToList();
        var names = await db.PersonNames.AsNoTracking().Where(n => n.PersonId == personId).OrderByDescending(n => n.From)
            .Select(n => new NameLine(n.Kind, n.GivenName, n.FamilyName, n.From, n.To)).ToListAsync(ct);
        var merges = await db.PersonMerges.AsNoTracking().Where(m => m.SurvivorId == personId && m.UnmergedAt == null)
            .Join(db.People, m => m.MergedId, p => p.Id, (m, p) => new MergeLine(m.Id, m.MergedId, p.GivenName + " " + p.FamilyName, m.MergedAt, m.MergedByName, m.Reason))
            .ToListAsync(ct);
        var (relationships, household) = await FamilyAsync(personId, ct);
        // Relatives and merged records whose own records are restricted from this user are shown without their names.
        var hidden = await new People.Access.NeedToKnow(db).HiddenAmongAsync(
            relationships.Select(r => (Guid?)r.RelatedPersonId).Concat(household.Select(h => (Guid?)h.PersonId)).Concat(merges.Select(m => (Guid?)m.MergedId)), ct);
        if (hidden.Count > 0)
        {
            relationships = relationships.Select(r => hidden.Contains(r.RelatedPersonId) ? r with { RelatedName = People.Access.NeedToKnow.RestrictedTitle } : r).ToList();
            household = household.Where(h => !hidden.Contains(h.PersonId)).ToList();
            merges = merges.Where(m => !hidden.Contains(m.MergedId)).ToList();
        }
        return new PersonRecordView(person, addresses, contacts, referrals, history)
        {
            OtherNames = names, Relationships = relationships, Household = household, Merges = merges,
        };
    }

    /// <summary>
    /// The other children (under 18 today) of the person's household whom the reader may see: the children of a family
    /// chronology. A child restricted from the reader is left out.
    /// </summary>
    public async Task<IReadOnlyList<HouseholdMember>> HouseholdChildrenAsync(Guid personId, CancellationToken ct = default)
    {
        var (_, household) = await FamilyAsync(personId, ct);
        var eighteenYearsAgo = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime).AddYears(-18);
        var hidden = await new People.Access.NeedToKnow(db).HiddenAmongAsync(household.Select(h => (Guid?)h.PersonId), ct);
        return household.Where(h => !hidden.Contains(h.PersonId) && h.DateOfBirth > eighteenYearsAgo).ToList();
    }

    private async Task<(List<RelationshipLine>, List<HouseholdMember>)> FamilyAsync(Guid personId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var outgoing = await db.PersonRelationships.AsNoTracking().Where(r => r.PersonId == personId)
            .Join(db.People, r => r.RelatedPersonId, p => p.Id, (r, p) => new RelationshipLine(p.Id, p.GivenName + " " + p.FamilyName, r.Kind, false, r.From, r.To))
            .ToListAsync(ct);
        var incoming = await db.PersonRelationships.AsNoTracking().Where(r => r.RelatedPersonId == personId)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new RelationshipLine(p.Id, p.GivenName + " " + p.FamilyName, r.Kind, true, r.From, r.To))
            .ToListAsync(ct);
        var relationships = outgoing.Concat(incoming).OrderBy(r => r.To is null ? 0 : 1).ThenBy(r => r.RelatedName).ToList();

        var household = new Dictionary<Guid, HouseholdMember>();
        var homes = await db.PersonAddresses.AsNoTracking().Where(a => a.PersonId == personId && (a.To == null || a.To >= today))
            .Select(a => new { a.Line1, a.Postcode }).ToListAsync(ct);
        foreach (var home in homes.Where(h => h.Postcode != ""))
        {
            var sharing = await db.PersonAddresses.AsNoTracking()
                .Where(a => a.Postcode == home.Postcode && a.Line1 == home.Line1 && a.PersonId != personId && (a.To == null || a.To >= today))
                .Join(db.People.Where(p => p.MergedIntoPersonId == null), a => a.PersonId, p => p.Id,
                    (a, p) => new HouseholdMember(p.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth, "Lives at the same address"))
                .Take(50).ToListAsync(ct);
            foreach (var member in sharing) household.TryAdd(member.PersonId, member);
        }
        foreach (var r in relationships.Where(r => r.To is null || r.To >= today))
        {
            if (household.TryGetValue(r.RelatedPersonId, out var existing))
            {
                household[r.RelatedPersonId] = existing with { How = $"{existing.How}; {r.Description}" };
            }
            else
            {
                household[r.RelatedPersonId] = new HouseholdMember(r.RelatedPersonId, r.RelatedName, null, r.Description);
            }
        }
        var missingDob = household.Values.Where(h => h.DateOfBirth is null).Select(h => h.PersonId).ToList();
        if (missingDob.Count > 0)
        {
            var dobs = await db.People.AsNoTracking().Where(p => missingDob.Contains(p.Id)).Select(p => new { p.Id, p.DateOfBirth }).ToListAsync(ct);
            foreach (var d in dobs) household[d.Id] = household[d.Id] with { DateOfBirth = d.DateOfBirth };
        }
        return (relationships, household.Values.OrderBy(h => h.DateOfBirth).ToList());
    }

    /// <summary>
    /// Finds people by any mix of name (sounds-like and prefix: "Jon Smyth" finds John Smith), date of birth
    /// (27/03/2019), NHS number and postcode, typed into one box. Every filter uses an index; names are ranked by the
    /// matching engine so the closest come first.
    /// </summary>
    public async Task<IReadOnlyList<PersonSearchResult>> SearchAsync(string? text, int max = 25, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var parsed = SearchTerms.Parse(text, today);
        // Children (under 18 today, or not yet born) first, then people whose age is not known, then adults.
        var adultBornBy = today.AddYears(-18);
        if (parsed.IsEmpty) return [];
        var people = new People.Access.NeedToKnow(db).Visible(db.People.AsNoTracking().Where(p => p.MergedIntoPersonId == null));
        if (parsed.NhsNumber is { } nhs) people = people.Where(p => p.NhsNumber == nhs);
        if (parsed.DateOfBirth is { } dob) people = people.Where(p => p.DateOfBirth == dob);
        if (parsed.Postcode is { } postcode)
        {
            people = people.Where(p => db.PersonAddresses.Any(a => a.PersonId == p.Id && a.Postcode == postcode));
        }
        foreach (var word in parsed.Names)
        {
            var key = PersonKeys.Name(word);
            var lower = word.ToLowerInvariant();
            var upperFirst = char.ToUpperInvariant(word[0]) + lower[1..];
            // Keys and prefixes in the case names are usually written in keep to the indexes; other names count too.
            people = people.Where(p => p.FamilyNameKey == key || p.GivenNameKey == key
                || p.FamilyName.StartsWith(upperFirst) || p.GivenName.StartsWith(upperFirst)
                || db.PersonNames.Any(n => n.PersonId == p.Id && (n.FamilyNameKey == key || n.GivenNameKey == key)));
        }
        var rows = await people
            .OrderBy(p => p.DateOfBirth != null ? (p.DateOfBirth > adultBornBy ? 0 : 2) : p.ExpectedDateOfBirth != null ? 0 : 1)
            .ThenBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Take(parsed.Names.Count > 0 ? 500 : max)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth,
                Postcode = p.Addresses.OrderBy(a => a.To == null ? 0 : 1).ThenByDescending(a => a.From).Select(a => a.Postcode).FirstOrDefault() })
            .ToListAsync(ct);
        if (parsed.Names.Count == 0)
        {
            return rows.Select(r => new PersonSearchResult(r.Id, r.GivenName + " " + r.FamilyName, r.DateOfBirth, r.Postcode)).ToList();
        }
        return rows
            .Select(r => (Row: r, Rank: SearchTerms.Rank(parsed.Names, r.GivenName, r.FamilyName)))
            .OrderBy(x => AgeGroup(x.Row.DateOfBirth, x.Row.ExpectedDateOfBirth, adultBornBy))
            .ThenByDescending(x => x.Rank).ThenBy(x => x.Row.FamilyName).ThenBy(x => x.Row.GivenName)
            .Take(max)
            .Select(x => new PersonSearchResult(x.Row.Id, x.Row.GivenName + " " + x.Row.FamilyName, x.Row.DateOfBirth, x.Row.Postcode))
            .ToList();
    }

    /// <summary>0 for a child (under 18, or not yet born), 1 when the age is not known, 2 for an adult.</summary>
    private static int AgeGroup(DateOnly? dateOfBirth, DateOnly? expected, DateOnly adultBornBy) =>
        dateOfBirth is { } dob ? (dob > adultBornBy ? 0 : 2) : expected is not null ? 0 : 1;
}

/// <summary>One search box, read as names, a date of birth, an NHS number and a postcode.</summary>
public sealed record SearchTerms(IReadOnlyList<string> Names, DateOnly? DateOfBirth, string? NhsNumber, string? Postcode)
{
    public bool IsEmpty => Names.Count == 0 && DateOfBirth is null && NhsNumber is null && Postcode is null;

    /// <summary>Reads the box; <paramref name="today"/> decides the century of a two-digit year (<see cref="TypedDate"/>).</summary>
    public static SearchTerms Parse(string? text, DateOnly today)
    {
        var term = (text ?? "").Trim();
        term = Text.Clip.ToLength(term, 200);
        string? nhs = null, postcode = null;
        DateOnly? dob = null;
        var compact = new string(term.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (compact.Length == 10 && compact.All(char.IsAsciiDigit)) return new([], null, compact, null);
        if (People.Identifiers.Postcode.TryParse(term, out var whole)) return new([], null, null, whole.Value);

        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var names = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i].Trim(',', ';');
            if (TypedDate.TryParse(w, today, out var d)) { dob = d; continue; }
            if (i + 2 < words.Count && TypedDate.TryParse($"{w} {words[i + 1]} {words[i + 2]}", today, out var spaced)) { dob = spaced; i += 2; continue; }
            if (i + 2 < words.Count + 1 && words.Count - i >= 3 && new[] { w, words[i + 1], words[i + 2] }.All(x => x.All(char.IsAsciiDigit))
                && string.Concat(w, words[i + 1], words[i + 2]) is { Length: 10 } nhs3) { nhs = nhs3; i += 2; continue; }
            if (w.Length == 10 && w.All(char.IsAsciiDigit)) { nhs = w; continue; }
            if (i + 1 < words.Count && People.Identifiers.Postcode.TryParse(w + " " + words[i + 1], out var pc) && w.Any(char.IsAsciiDigit)) { postcode = pc.Value; i++; continue; }
            if (w.Any(char.IsAsciiDigit) && People.Identifiers.Postcode.TryParse(w, out var pc1)) { postcode = pc1.Value; continue; }
            var letters = new string(w.Where(c => char.IsLetter(c) || c is '\'' or '-').ToArray());
            if (letters.Count(char.IsLetter) >= 2) names.Add(letters);
        }
        return new(names.Take(3).ToList(), dob, nhs, postcode);
    }

    /// <summary>Higher is closer: exact names, then prefixes, then names that only sound alike.</summary>
    public static int Rank(IReadOnlyList<string> words, string given, string family)
    {
        var rank = 0;
        foreach (var w in words)
        {
            if (string.Equals(w, given, StringComparison.OrdinalIgnoreCase) || string.Equals(w, family, StringComparison.OrdinalIgnoreCase)) rank += 3;
            else if (given.StartsWith(w, StringComparison.OrdinalIgnoreCase) || family.StartsWith(w, StringComparison.OrdinalIgnoreCase)) rank += 2;
            else if (PersonKeys.Name(w) is { } key && (key == PersonKeys.Name(given) || key == PersonKeys.Name(family))) rank += 1;
        }
        return rank;
    }
}
