using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People.Matching;

using BlocksQuery = System.Func<Safeguard.Core.Data.SafeguardDbContext, string?, string?, string?, System.DateOnly?, System.DateOnly?,
    System.DateOnly?, System.DateOnly?, string?, string?, string?, string?, string?,
    System.Collections.Generic.IAsyncEnumerable<Safeguard.Core.People.PersonCandidates.BlockHit>>;

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

/// <summary>
/// An existing person who may be the one being looked for, with why; and their record's particulars (given and family
/// names, sex, NHS number, current address), so choosing them fills in a form without retyping.
/// </summary>
public sealed record PersonCandidateView(Guid PersonId, string Name, DateOnly? DateOfBirth, string? Postcode, double Score,
    double Probability, MatchBand Band, IReadOnlyList<string> Explanation, string? GivenName = null, string? FamilyName = null,
    Sex Sex = Sex.Unknown, string? NhsNumber = null, string? AddressLine1 = null, string? Town = null);

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
        // Restricted people the actor may not see are never offered (one query over the few scored).
        var needToKnow = new Access.NeedToKnow(db);
        var hidden = await needToKnow.HiddenAmongAsync(scored.Select(s => (Guid?)s.Id), ct);
        var candidates = scored.Where(s => IsWorthShowing(s.Comparison) && !hidden.Contains(s.Id)).Take(max).Select(s => new PersonCandidateView(
            s.Id, $"{s.Record.GivenName} {s.Record.FamilyName}".Trim(), s.DateOfBirth, s.Record.Postcode, Math.Round(s.Comparison.Score, 2),
            s.Comparison.Probability, s.Comparison.Band, s.Comparison.Explanation, s.Record.GivenName, s.Record.FamilyName, s.Record.Sex,
            s.Record.NhsNumber, s.Record.AddressLines.FirstOrDefault(), s.Record.Town)).ToList();
        // Offering a person is showing their record's particulars: one event for the list.
        await needToKnow.RecordListedAsync("person candidates", candidates.Select(c => c.PersonId).ToList(), ct);
        return candidates;
    }

    internal sealed record Scored(Guid Id, PersonRecord Record, DateOnly? DateOfBirth, MatchComparison Comparison);

    /// <summary>
    /// A candidate offered to a worker, and (when intake makes a new record instead) queued for the duplicate review:
    /// at least as likely the same person as not (score ≥ 0), even when short of the engine's "possible" band.
    /// </summary>
    internal static bool IsWorthShowing(MatchComparison comparison) => comparison.Score >= 0;

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
            records = await LoadInOrderAsync(ids, ct);
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
    /// Runs the blocking queries (<see cref="CompileBlocks"/>) and merges what they found: most selective block first,
    /// merged-away people dropped, each person once, at most <see cref="PersonMatchingSettings.MaxScored"/>.
    /// </summary>
    /// <returns>The ids of the people found, most selective block first.</returns>
    internal async Task<List<Guid>> BlockAsync(PersonQuery q, CancellationToken ct)
    {
        var k = LookupKeys.From(q);
        if (!k.CanBlock) return [];
        var hits = new List<BlockHit>();
        await foreach (var hit in Queries.Blocks(db, k.NhsNumber, k.Upn, k.LocalChildId, k.DateOfBirth, k.SwappedDateOfBirth, k.YearStart, k.YearEnd,
            k.Given, k.Family, k.GivenInitial, k.NextInitial, k.Postcode).WithCancellation(ct))
        {
            hits.Add(hit);
        }

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

    /// <summary>What the blocks look for, worked out once from the query; null where the query gives nothing to look for.</summary>
    internal sealed record LookupKeys(string? NhsNumber, string? Upn, string? LocalChildId, DateOnly? DateOfBirth, string? Given,
        string? Family, string? Postcode)
    {
        public static LookupKeys From(PersonQuery q) => new(
            Identifiers.NhsNumber.TryParse(q.NhsNumber, out var nhs) ? nhs.Value : null,
            string.IsNullOrWhiteSpace(q.Upn) ? null : q.Upn.Trim().ToUpperInvariant(),
            string.IsNullOrWhiteSpace(q.LocalChildId) ? null : q.LocalChildId.Trim(),
            q.DateOfBirth,
            PersonKeys.Name(q.GivenName),
            PersonKeys.Name(q.FamilyName),
            Identifiers.Postcode.TryParse(q.Postcode, out var postcode) ? postcode.Value : null);

        /// <summary>The date of birth with day and month swapped, or the date itself when that is not another date.</summary>
        public DateOnly? SwappedDateOfBirth =>
            DateOfBirth is { Day: <= 12 } d && d.Day != d.Month ? new DateOnly(d.Year, d.Day, d.Month) : DateOfBirth;

        public DateOnly? YearStart => DateOfBirth is { } d ? new DateOnly(d.Year, 1, 1) : null;

        public DateOnly? YearEnd => DateOfBirth is { } d ? new DateOnly(d.Year, 12, 31) : null;

        /// <summary>The given-name sound's first letter; with <see cref="NextInitial"/>, the range of sounds that start with it.</summary>
        public string? GivenInitial => Given?[..1];

        public string? NextInitial => Given is null ? null : ((char)(Given[0] + 1)).ToString();

        /// <summary>Whether any block applies (a given name alone, or an invalid postcode, finds nobody).</summary>
        public bool CanBlock => NhsNumber is not null || Upn is not null || LocalChildId is not null || DateOfBirth is not null
            || Family is not null || Postcode is not null;
    }

    /// <summary>A person a blocking query found, and which block found them (0 = the most selective).</summary>
    /// <remarks>Member-initialised rather than a positional record: EF translates a set operation only over member
    /// initialisation. Only the id comes back from the blocks (the people's details are read once, for the people
    /// kept): a wide row through every arm of the UNION ALL more than doubles what SQLite parses and plans.</remarks>
    internal sealed class BlockHit
    {
        public int Block { get; init; }
        public Guid PersonId { get; init; }
        public Guid? MergedIntoPersonId { get; init; }
    }

    /// <summary>The lookup's two compiled queries: the blocks (<see cref="CompileBlocks"/>) and the people kept.</summary>
    private sealed record CompiledQueries(BlocksQuery Blocks, Func<SafeguardDbContext, List<Guid>, IAsyncEnumerable<LoadedRow>> LoadPeople);

    /// <summary>
    /// EF binds a compiled query to the first model it runs against, and one process can hold more than one model
    /// (each EF internal service provider builds its own: contexts from DI and contexts made by hand, say), so the
    /// queries are compiled per model and block limit. In practice there is one entry.
    /// </summary>
    private static readonly ConcurrentDictionary<(IModel Model, int BlockLimit), CompiledQueries> Compiled = new();

    private CompiledQueries Queries =>
        Compiled.GetOrAdd((db.Model, _settings.BlockLimit), static key => new(CompileBlocks(key.BlockLimit), CompileLoadPeople()));

    /// <summary>
    /// The blocking queries, most selective first, each an index seek bringing back at most <paramref name="limit"/>
    /// rows (docs/adr/0003), as one UNION ALL. Every block is in the query and starts with the condition under which
    /// it applies to the query; EF settles those conditions from the parameter values before it writes the SQL, so a
    /// block that does not apply is sent as <c>WHERE 0</c> and costs the database nothing to run.
    /// </summary>
    /// <remarks>
    /// Compiled, so EF does not build, parameterise and look up the expression again on every lookup (that cost as
    /// much CPU as the database work). The limit is written into the SQL rather than bound: SQLite (3.53) compiles a
    /// statement again when a value is bound to a parameter in its LIMIT, which doubled the database's share.
    /// </remarks>
    private static BlocksQuery CompileBlocks(int limit) => EF.CompileAsyncQuery(
        (SafeguardDbContext db, string? nhs, string? upn, string? local, DateOnly? dob, DateOnly? swapped, DateOnly? yearStart, DateOnly? yearEnd,
            string? given, string? family, string? initial, string? nextInitial, string? postcode) =>
            // Identifiers, exact.
            db.People.Where(p => nhs != null && p.NhsNumber == nhs)
                .Select(p => new BlockHit { Block = 0, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit)
            .Concat(db.People.Where(p => upn != null && p.Upn == upn)
                .Select(p => new BlockHit { Block = 1, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit))
            .Concat(db.People.Where(p => local != null && p.LocalChildId == local)
                .Select(p => new BlockHit { Block = 2, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit))
            // Same date (or day and month swapped) and either name sounds alike: a typo, nickname or new family name.
            .Concat(db.People.Where(p => dob != null && (given != null || family != null)
                    && (p.DateOfBirth == dob || p.DateOfBirth == swapped) && (p.FamilyNameKey == family || p.GivenNameKey == given))
                .Select(p => new BlockHit { Block = 3, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit))
            // The date alone when there is no name.
            .Concat(db.People.Where(p => dob != null && given == null && family == null && (p.DateOfBirth == dob || p.DateOfBirth == swapped))
                .Select(p => new BlockHit { Block = 4, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit))
            // Family-name sound + given initial + birth year: a wrong day or month with a typo in the given name.
            .Concat(db.People.Where(p => dob != null && given != null && family != null && p.FamilyNameKey == family
                    && string.Compare(p.GivenNameKey, initial) >= 0 && string.Compare(p.GivenNameKey, nextInitial) < 0
                    && p.DateOfBirth >= yearStart && p.DateOfBirth <= yearEnd)
                .Select(p => new BlockHit { Block = 5, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit))
            // Given and family names recorded the wrong way round, + birth year.
            .Concat(db.People.Where(p => dob != null && given != null && family != null && family != given
                    && p.FamilyNameKey == given && p.GivenNameKey == family && p.DateOfBirth >= yearStart && p.DateOfBirth <= yearEnd)
                .Select(p => new BlockHit { Block = 6, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit))
            // Family-name sound + birth year when there is no given name.
            .Concat(db.People.Where(p => dob != null && given == null && family != null
                    && p.FamilyNameKey == family && p.DateOfBirth >= yearStart && p.DateOfBirth <= yearEnd)
                .Select(p => new BlockHit { Block = 7, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit))
            // No date of birth: the two name sounds, either way round, or the family-name sound alone.
            .Concat(db.People.Where(p => dob == null && given != null && family != null
                    && ((p.FamilyNameKey == family && p.GivenNameKey == given) || (p.FamilyNameKey == given && p.GivenNameKey == family)))
                .Select(p => new BlockHit { Block = 8, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit))
            .Concat(db.People.Where(p => dob == null && given == null && family != null && p.FamilyNameKey == family)
                .Select(p => new BlockHit { Block = 9, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit))
            // Other names (a previous family name, an alias).
            .Concat(db.PersonNames.Where(n => given != null && family != null && n.FamilyNameKey == family && n.GivenNameKey == given)
                .Join(db.People, n => n.PersonId, p => p.Id, (n, p) => p)
                .Select(p => new BlockHit { Block = 10, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit))
            // Same postcode and a name sound or the date of birth; the whole postcode when nothing else is known.
            .Concat(db.PersonAddresses.Where(a => postcode != null && a.Postcode == postcode)
                .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => p)
                .Where(p => (given == null && family == null && dob == null)
                    || p.GivenNameKey == given || p.FamilyNameKey == family || p.DateOfBirth == dob)
                .Select(p => new BlockHit { Block = 11, PersonId = p.Id, MergedIntoPersonId = p.MergedIntoPersonId }).Take(limit)));

    /// <summary>
    /// The engine's view of the given people, in the order given: names, other names, date of birth, sex,
    /// identifiers and current address, in one statement (addresses and other names joined in).
    /// </summary>
    private async Task<List<Loaded>> LoadInOrderAsync(List<Guid> ids, CancellationToken ct)
    {
        var people = new Dictionary<Guid, LoadedRow>(ids.Count);
        await foreach (var person in Queries.LoadPeople(db, ids).WithCancellation(ct))
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

    private static Func<SafeguardDbContext, List<Guid>, IAsyncEnumerable<LoadedRow>> CompileLoadPeople() => EF.CompileAsyncQuery(
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
            Identifiers = OtherIdentifiers(p.Upn, p.LocalChildId),
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
                    .Select(a => new { a.PersonId, Row = new AddressRow(a.Line1, a.Town, a.Postcode, a.From, a.To) }).ToListAsync(ct))
                .ToLookup(a => a.PersonId, a => a.Row);
            var names = (await db.PersonNames.AsNoTracking().Where(n => chunk.Contains(n.PersonId))
                    .Select(n => new { n.PersonId, Row = new NameRow(n.GivenName, n.FamilyName) }).ToListAsync(ct))
                .ToLookup(n => n.PersonId, n => n.Row);
            result.AddRange(people.Select(p => ToLoaded(new LoadedRow(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Sex, p.NhsNumber,
                p.Upn, p.LocalChildId, addresses[p.Id].ToList(), names[p.Id].ToList()))));
        }
        return result;
    }

    internal static PersonRecord ToRecord(PersonQuery q)
    {
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
            Identifiers = OtherIdentifiers(
                string.IsNullOrWhiteSpace(q.Upn) ? null : q.Upn.Trim().ToUpperInvariant(),
                string.IsNullOrWhiteSpace(q.LocalChildId) ? null : q.LocalChildId.Trim()),
        };
    }

    private static List<ExtraIdentifier> OtherIdentifiers(string? upn, string? localChildId)
    {
        var extra = new List<ExtraIdentifier>();
        if (upn is not null) extra.Add(new ExtraIdentifier("UPN", upn));
        if (localChildId is not null) extra.Add(new ExtraIdentifier("Local child id", localChildId));
        return extra;
    }

    internal static string ExplanationJson(IReadOnlyList<string> lines) => JsonSerializer.Serialize(lines);
}
