using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.People;

/// <summary>What is known about a person being looked for (a child named in a contact, a search).</summary>
public sealed record PersonQuery(
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    string? NhsNumber,
    string? Postcode,
    Sex Sex = Sex.Unknown,
    string? AddressLine1 = null,
    string? Town = null,
    string? Upn = null,
    string? LocalChildId = null)
{
    public static PersonQuery From(NewChild child) => new(child.GivenName, child.FamilyName, child.DateOfBirth ?? child.ExpectedDateOfBirth,
        child.NhsNumber, child.Postcode, child.Sex, child.AddressLine1, child.Town);

    public bool IsEmpty => string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(FamilyName) && DateOfBirth is null
        && string.IsNullOrWhiteSpace(NhsNumber) && string.IsNullOrWhiteSpace(Postcode) && string.IsNullOrWhiteSpace(Upn)
        && string.IsNullOrWhiteSpace(LocalChildId);
}

/// <summary>An existing person who may be the one being looked for, with why.</summary>
public sealed record PersonCandidateView(Guid PersonId, string Name, DateOnly? DateOfBirth, string? Postcode, double Score,
    double Probability, MatchBand Band, IReadOnlyList<string> Explanation);

/// <summary>The matching model and bands the person index uses (the engine's defaults unless configured).</summary>
public sealed class PersonMatchingSettings
{
    public MatchModel Model { get; init; } = MatchModel.Default;
    public MatchThresholds Thresholds { get; init; } = MatchModel.Default.DefaultThresholds();

    /// <summary>Most rows any one blocking query may bring back; a key shared by more people no longer discriminates.</summary>
    public int BlockLimit { get; init; } = 100;

    /// <summary>Most people scored for one lookup: the union of the blocks, most selective first, stops here.</summary>
    public int MaxScored { get; init; } = 200;

    public static PersonMatchingSettings Default { get; } = new();
}

/// <summary>
/// Finds existing people who may be the person described, in the database: indexed blocking queries (NHS number,
/// UPN, local id, date of birth, day/month swapped, phonetic names and other names, postcode) bring back a few
/// hundred rows at most, which the Fellegi–Sunter engine scores and explains. See docs/adr/0003.
/// </summary>
public sealed class PersonCandidates(SafeguardDbContext db, PersonMatchingSettings? settings = null)
{
    private readonly PersonMatchingSettings _settings = settings ?? PersonMatchingSettings.Default;

    public Task<IReadOnlyList<PersonCandidateView>> FindCandidatesAsync(NewChild child, int max = 10, CancellationToken ct = default) =>
        FindCandidatesAsync(PersonQuery.From(child), max, ct);

    /// <summary>Existing, not merged-away people most likely to be <paramref name="query"/>, best first, at most
    /// <paramref name="max"/>; only those at least "unlikely but worth showing" (score ≥ 0) are returned.</summary>
    public async Task<IReadOnlyList<PersonCandidateView>> FindCandidatesAsync(PersonQuery query, int max = 10, CancellationToken ct = default)
    {
        var scored = await ScoreAsync(query, ct);
        return scored.Where(s => s.Comparison.Score >= 0).Take(max).Select(s => new PersonCandidateView(
            s.Id, $"{s.Record.GivenName} {s.Record.FamilyName}".Trim(), s.DateOfBirth, s.Record.Postcode, Math.Round(s.Comparison.Score, 2),
            s.Comparison.Probability, s.Comparison.Band, s.Comparison.Explanation)).ToList();
    }

    internal sealed record Scored(Guid Id, PersonRecord Record, DateOnly? DateOfBirth, MatchComparison Comparison);

    internal async Task<IReadOnlyList<Scored>> ScoreAsync(PersonQuery query, CancellationToken ct)
    {
        if (query.IsEmpty) return [];
        // One connection open for both statements (on SQLite each open runs the connection pragmas again).
        await db.Database.OpenConnectionAsync(ct);
        List<Loaded> records;
        try
        {
            var ids = await BlockAsync(query, ct);
            if (ids.Count == 0) return [];
            records = await LoadInOrderAsync(db, ids, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var target = PersonMatcher.Prepare(ToRecord(query));
        return records
            .Select(r => new Scored(r.Id, r.Record, r.DateOfBirth, PersonMatcher.Compare(target, r.Record, _settings.Model, _settings.Thresholds)))
            .OrderByDescending(s => s.Comparison.Score)
            .ToList();
    }

    /// <summary>
    /// Runs the blocking queries, most selective first, each an index seek (see docs/adr/0003): identifiers; date of
    /// birth (or day and month swapped) with either name sound; family-name sound + given initial + birth year;
    /// the two name sounds swapped + birth year; other names; postcode with a name sound or the date of birth.
    /// Each brings back at most <see cref="PersonMatchingSettings.BlockLimit"/> rows and the union stops at
    /// <see cref="PersonMatchingSettings.MaxScored"/>. The blocks go to the database as one statement
    /// (<see cref="BlockingQuery"/>), so a lookup pays the fixed cost of a query once, not once per block.
    /// </summary>
    /// <returns>The ids of the people found, most selective block first.</returns>
    internal async Task<List<Guid>> BlockAsync(PersonQuery q, CancellationToken ct)
    {
        if (BlockingQuery(q) is not { } blocks) return [];
        var hits = await blocks.ToListAsync(ct);
        var max = _settings.MaxScored;
        var ids = new List<Guid>(Math.Min(hits.Count, max));
        var seen = new HashSet<Guid>();
        // UNION ALL promises no order, so the blocks are put back in order here (OrderBy is stable).
        foreach (var hit in hits.OrderBy(h => h.Block))
        {
            if (ids.Count >= max) break;
            // Merged-away people are dropped after reading, not in SQL: with "MergedIntoPersonId IS NULL" in the WHERE
            // clause SQLite (no statistics) walks IX_People_MergedIntoPersonId — every live person — instead of the
            // selective index. They are rare, so they cost a block little.
            if (hit.MergedIntoPersonId is null && seen.Add(hit.PersonId)) ids.Add(hit.PersonId);
        }
        return ids;
    }

    /// <summary>A person a blocking query found, and which block found them (0 = the most selective).</summary>
    /// <remarks>Member-initialised rather than a positional record: EF translates a set operation only over member
    /// initialisation. Only the id comes back from the blocks (the people's details are read once, for the people
    /// kept): a wide row through every arm of the UNION ALL doubles what SQLite parses and plans.</remarks>
    internal sealed class BlockHit
    {
        public int Block { get; init; }
        public Guid PersonId { get; init; }
        public Guid? MergedIntoPersonId { get; init; }
    }

    /// <summary>
    /// The blocks that apply to <paramref name="q"/> as one UNION ALL, each block limited on its own; null when
    /// nothing in the query can be blocked on.
    /// </summary>
    internal IQueryable<BlockHit>? BlockingQuery(PersonQuery q)
    {
        var limit = _settings.BlockLimit;
        var active = db.People.AsNoTracking();
        IQueryable<BlockHit>? union = null;
        var blockCount = 0;

        void Add(IQueryable<Person> people)
        {
            var block = blockCount++;
            var hits = people.Select(p => new BlockHit { Block = block, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit);
            union = union is null ? hits : union.Concat(hits);
        }

        if (Identifiers.NhsNumber.TryParse(q.NhsNumber, out var nhs))
        {
            var value = nhs.Value;
            Add(active.Where(p => p.NhsNumber == value));
        }
        if (!string.IsNullOrWhiteSpace(q.Upn))
        {
            var upn = q.Upn.Trim().ToUpperInvariant();
            Add(active.Where(p => p.Upn == upn));
        }
        if (!string.IsNullOrWhiteSpace(q.LocalChildId))
        {
            var local = q.LocalChildId.Trim();
            Add(active.Where(p => p.LocalChildId == local));
        }

        var given = PersonKeys.Name(q.GivenName);
        var family = PersonKeys.Name(q.FamilyName);
        if (q.DateOfBirth is { } dob)
        {
            var swapped = dob.Day <= 12 && dob.Day != dob.Month ? new DateOnly(dob.Year, dob.Day, dob.Month) : dob;
            if (given is not null || family is not null)
            {
                // Same date (or day and month swapped) and either name sounds alike: a typo, nickname or new family name.
                Add(active.Where(p => (p.DateOfBirth == dob || p.DateOfBirth == swapped)
                    && (p.FamilyNameKey == family || p.GivenNameKey == given)));
            }
            else
            {
                Add(active.Where(p => p.DateOfBirth == dob || p.DateOfBirth == swapped));
            }

            var from = new DateOnly(dob.Year, 1, 1);
            var to = new DateOnly(dob.Year, 12, 31);
            if (family is not null && given is not null)
            {
                // Family-name sound + given initial + birth year: a wrong day or month with a typo in the given name.
                var initial = given[..1];
                var next = ((char)(given[0] + 1)).ToString();
                Add(active.Where(p => p.FamilyNameKey == family
                    && string.Compare(p.GivenNameKey, initial) >= 0 && string.Compare(p.GivenNameKey, next) < 0
                    && p.DateOfBirth >= from && p.DateOfBirth <= to));
                if (family != given)
                {
                    // Given and family names recorded the wrong way round.
                    Add(active.Where(p => p.FamilyNameKey == given && p.GivenNameKey == family
                        && p.DateOfBirth >= from && p.DateOfBirth <= to));
                }
            }
            else if (family is not null)
            {
                Add(active.Where(p => p.FamilyNameKey == family && p.DateOfBirth >= from && p.DateOfBirth <= to));
            }
        }
        else if (given is not null && family is not null)
        {
            Add(active.Where(p => (p.FamilyNameKey == family && p.GivenNameKey == given)
                || (p.FamilyNameKey == given && p.GivenNameKey == family)));
        }
        else if (family is not null)
        {
            Add(active.Where(p => p.FamilyNameKey == family));
        }

        if (given is not null && family is not null)
        {
            // Other names (a previous family name, an alias).
            Add(db.PersonNames.AsNoTracking().Where(n => n.FamilyNameKey == family && n.GivenNameKey == given)
                .Join(active, n => n.PersonId, p => p.Id, (n, p) => p));
        }

        if (Identifiers.Postcode.TryParse(q.Postcode, out var postcode))
        {
            // Same postcode and a name sound or the date of birth; the whole postcode when nothing else is known.
            var value = postcode.Value;
            var atPostcode = db.PersonAddresses.AsNoTracking().Where(a => a.Postcode == value)
                .Join(active, a => a.PersonId, p => p.Id, (a, p) => p);
            var dobValue = q.DateOfBirth;
            Add(given is null && family is null && dobValue is null
                ? atPostcode
                : atPostcode.Where(p => p.GivenNameKey == given || p.FamilyNameKey == family || p.DateOfBirth == dobValue));
        }
        return union;
    }

    /// <summary>
    /// The engine's view of the given people, in the order given: names, other names, date of birth, sex,
    /// identifiers and current address, in one statement (addresses and other names joined in).
    /// </summary>
    internal static async Task<List<Loaded>> LoadInOrderAsync(SafeguardDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var people = new Dictionary<Guid, LoadedRow>(ids.Count);
        await foreach (var person in LoadPeople(db, ids).WithCancellation(ct))
        {
            people[person.Id] = person;
        }
        var loaded = new List<Loaded>(people.Count);
        foreach (var id in ids)
        {
            if (people.TryGetValue(id, out var person)) loaded.Add(ToLoaded(person));
        }
        return loaded;
    }

    // Compiled once: the shape never changes, so EF need not build, parameterise and look up the query on every lookup.
    private static readonly Func<SafeguardDbContext, List<Guid>, IAsyncEnumerable<LoadedRow>> LoadPeople = EF.CompileAsyncQuery(
        (SafeguardDbContext db, List<Guid> ids) => db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new LoadedRow(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.NhsNumber, p.Upn, p.LocalChildId,
                p.Addresses.Select(a => new AddressRow(a.Line1, a.Town, a.Postcode, a.From, a.To)).ToList(),
                db.PersonNames.Where(n => n.PersonId == p.Id).Select(n => new NameRow(n.GivenName, n.FamilyName)).ToList())));

    private sealed record LoadedRow(Guid Id, string GivenName, string FamilyName, DateOnly? DateOfBirth, Sex Sex, string? NhsNumber,
        string? Upn, string? LocalChildId, List<AddressRow> Addresses, List<NameRow> OtherNames);

    private sealed record AddressRow(string Line1, string? Town, string? Postcode, DateOnly? From, DateOnly? To);

    private sealed record NameRow(string GivenName, string FamilyName);

    private static Loaded ToLoaded(LoadedRow p)
    {
        // The current address: one without an end date, else the latest to start.
        var address = p.Addresses.OrderBy(a => a.To is null ? 0 : 1).ThenByDescending(a => a.From).FirstOrDefault();
        var extra = new List<ExtraIdentifier>();
        if (p.Upn is not null) extra.Add(new ExtraIdentifier("UPN", p.Upn));
        if (p.LocalChildId is not null) extra.Add(new ExtraIdentifier("Local child id", p.LocalChildId));
        return new Loaded(p.Id, new PersonRecord
        {
            Id = p.Id.ToString(),
            GivenName = p.GivenName,
            FamilyName = p.FamilyName,
            OtherNames = p.OtherNames.SelectMany(n => new[] { n.GivenName, n.FamilyName }).Distinct().ToArray(),
            DateOfBirth = p.DateOfBirth is { } d ? PartialDate.FromDate(d) : default,
            Sex = p.Sex,
            NhsNumber = p.NhsNumber,
            AddressLines = address is null ? [] : [address.Line1],
            Town = address?.Town,
            Postcode = address?.Postcode,
            Identifiers = extra,
        }, p.DateOfBirth);
    }

    internal sealed record Loaded(Guid Id, PersonRecord Record, DateOnly? DateOfBirth);

    /// <summary>The engine's view of the given people: names, other names, date of birth, sex, identifiers and current address.</summary>
    internal static async Task<List<Loaded>> LoadAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var result = new List<Loaded>(ids.Count);
        foreach (var chunk in ids.Chunk(500))
        {
            var people = await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.NhsNumber, p.Upn, p.LocalChildId })
                .ToListAsync(ct);
            var addresses = (await db.PersonAddresses.AsNoTracking().Where(a => chunk.Contains(a.PersonId))
                    .Select(a => new { a.PersonId, a.Line1, a.Town, a.Postcode, a.From, a.To }).ToListAsync(ct))
                .GroupBy(a => a.PersonId)
                .ToDictionary(g => g.Key, g => g.OrderBy(a => a.To is null ? 0 : 1).ThenByDescending(a => a.From).First());
            var names = (await db.PersonNames.AsNoTracking().Where(n => chunk.Contains(n.PersonId))
                    .Select(n => new { n.PersonId, n.GivenName, n.FamilyName }).ToListAsync(ct))
                .GroupBy(n => n.PersonId)
                .ToDictionary(g => g.Key, g => g.SelectMany(n => new[] { n.GivenName, n.FamilyName }).Distinct().ToArray());
            foreach (var p in people)
            {
                addresses.TryGetValue(p.Id, out var address);
                var extra = new List<ExtraIdentifier>();
                if (p.Upn is not null) extra.Add(new ExtraIdentifier("UPN", p.Upn));
                if (p.LocalChildId is not null) extra.Add(new ExtraIdentifier("Local child id", p.LocalChildId));
                result.Add(new Loaded(p.Id, new PersonRecord
                {
                    Id = p.Id.ToString(),
                    GivenName = p.GivenName,
                    FamilyName = p.FamilyName,
                    OtherNames = names.GetValueOrDefault(p.Id) ?? [],
                    DateOfBirth = p.DateOfBirth is { } d ? PartialDate.FromDate(d) : default,
                    Sex = p.Sex,
                    NhsNumber = p.NhsNumber,
                    AddressLines = address is null ? [] : [address.Line1],
                    Town = address?.Town,
                    Postcode = address?.Postcode,
                    Identifiers = extra,
                }, p.DateOfBirth));
            }
        }
        return result;
    }

    internal static PersonRecord ToRecord(PersonQuery q)
    {
        var extra = new List<ExtraIdentifier>();
        if (!string.IsNullOrWhiteSpace(q.Upn)) extra.Add(new ExtraIdentifier("UPN", q.Upn.Trim().ToUpperInvariant()));
        if (!string.IsNullOrWhiteSpace(q.LocalChildId)) extra.Add(new ExtraIdentifier("Local child id", q.LocalChildId.Trim()));
        return new PersonRecord
        {
            Id = "query",
            GivenName = q.GivenName?.Trim(),
            FamilyName = q.FamilyName?.Trim(),
            DateOfBirth = q.DateOfBirth is { } d ? PartialDate.FromDate(d) : default,
            Sex = q.Sex,
            NhsNumber = q.NhsNumber,
            AddressLines = string.IsNullOrWhiteSpace(q.AddressLine1) ? [] : [q.AddressLine1.Trim()],
            Town = q.Town?.Trim(),
            Postcode = q.Postcode?.Trim(),
            Identifiers = extra,
        };
    }

    internal static string ExplanationJson(IReadOnlyList<string> lines) => JsonSerializer.Serialize(lines);
}
