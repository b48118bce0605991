using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Chronology;

/// <summary>
/// One entry of a child's chronology: when it happened, what (the event's own words), where it came from (the referring
/// agency, or children's social care), who recorded it, and the record it is about (<see cref="SubjectType"/> and
/// <see cref="SubjectId"/>; <see cref="EventName"/> tells a child in need plan from a child protection plan), the child it
/// is about (a family chronology holds several), and why it is significant when a worker said so.
/// </summary>
public sealed record ChronologyEntry(long EventId, DateTimeOffset At, ChronologyKind Kind, string What, string Source, string RecordedBy,
    string EventName, string? SubjectType, Guid? SubjectId, Guid ChildId, string Child, Significance? Significant);

/// <summary>
/// What the reader chose to see: some kinds only (none chosen: all), a date range (inclusive, UK days), one source, and
/// significant entries only.
/// </summary>
public sealed record ChronologyFilter(IReadOnlySet<ChronologyKind>? Kinds = null, DateOnly? From = null, DateOnly? To = null, string? Source = null,
    bool SignificantOnly = false)
{
    public bool Matches(ChronologyEntry entry)
    {
        var day = TimeLimits.UkDay(entry.At);
        return (!SignificantOnly || entry.Significant is not null)
            && (Kinds is not { Count: > 0 } || Kinds.Contains(entry.Kind))
            && (From is not { } from || day >= from)
            && (To is not { } to || day <= to)
            && (string.IsNullOrEmpty(Source) || entry.Source == Source);
    }
}

/// <summary>A child's chronology as filtered, with every source it holds (for the source filter) and how many entries there are in all.</summary>
public sealed record ChildChronology(IReadOnlyList<ChronologyEntry> Entries, IReadOnlyList<string> Sources, int Total);

/// <summary>
/// Each child's chronology, read from the typed events on their record (<see cref="ChronologyCatalogue"/>): contacts and
/// their concerns, decisions, workers, assessments, strategy discussions, enquiries, conferences, plans, visits, carers and
/// closures, the latest first. Nothing is kept apart from the events, so the chronology can never disagree with them.
/// </summary>
public sealed class ChildChronologies(SafeguardDbContext db)
{
    /// <summary>Children's social care: the source of every step the council records itself.</summary>
    public const string CouncilSource = "Children's social care";

    /// <summary>The most entries read for one child (a child with more is shown the latest, and told so).</summary>
    public const int MaxEntries = 5000;

    /// <summary>Why an added event is significant.</summary>
    public const string AddedReason = "Added to the chronology as a significant event";

    public async Task<ChildChronology> ForChildAsync(Guid personId, ChronologyFilter filter, CancellationToken ct = default) =>
        await ForChildrenAsync([(personId, await db.PersonNameAsync(personId, ct))], filter, ct);

    /// <summary>
    /// The chronologies of several children merged into one (a family's: the children of one household), each entry
    /// labelled by its child. The caller has checked that the reader may see every one of them.
    /// </summary>
    public async Task<ChildChronology> ForChildrenAsync(IReadOnlyList<(Guid Id, string Name)> children, ChronologyFilter filter,
        CancellationToken ct = default)
    {
        var entries = new List<ChronologyEntry>();
        foreach (var (id, name) in children) entries.AddRange(await EntriesAsync(id, name, ct));
        entries = entries.OrderByDescending(e => e.At).ThenByDescending(e => e.EventId).ToList();
        return new ChildChronology(entries.Where(filter.Matches).ToList(), entries.Select(e => e.Source).Distinct().Order().ToList(), entries.Count);
    }

    private async Task<List<ChronologyEntry>> EntriesAsync(Guid personId, string child, CancellationToken ct)
    {
        var names = ChronologyCatalogue.EventNames.ToList();
        // A child's story includes what was recorded on records since merged into theirs.
        var records = await db.WithMergedAsync(personId, ct);
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.PersonId != null && records.Contains(e.PersonId.Value) && names.Contains(e.Type))
            .OrderByDescending(e => e.Id)
            .Take(MaxEntries)
            .Select(e => new { e.Id, e.Type, e.OccurredAt, e.Summary, e.ActorName, e.ActorOrganisationId, e.SubjectType, e.SubjectId, e.Data })
            .ToListAsync(ct);
        var organisationIds = rows.Where(r => r.ActorOrganisationId != null).Select(r => r.ActorOrganisationId!.Value).Distinct().ToList();
        var organisations = organisationIds.Count == 0
            ? []
            : await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var marks = await new SignificantEvents(db).MarksAsync(personId, ct);

        return rows.Select(r =>
            {
                var payload = EventCatalogue.Read(r.Type, r.Data, r.SubjectType);
                var source = ChronologyCatalogue.SourceOf(payload)
                    ?? (r.ActorOrganisationId is { } org && organisations.TryGetValue(org, out var name) ? name : CouncilSource);
                var at = ChronologyCatalogue.HappenedAt(payload, r.OccurredAt);
                // An added event is significant by being added; a step of the record is when a worker marked it.
                var significant = payload is SignificantEventAdded ? new Significance(AddedReason, r.ActorName, r.OccurredAt) : marks.GetValueOrDefault(r.Id);
                // A summary shortened to fit its column: the payload has the words in full.
                var what = r.Summary.Length == EventRecord.SummaryMaxLength && payload is not null ? payload.Describe() : r.Summary;
                return new ChronologyEntry(r.Id, at, ChronologyCatalogue.KindOf(r.Type, payload), what, source, r.ActorName, r.Type,
                    r.SubjectType, r.SubjectId, personId, child, significant);
            })
            .ToList();
    }
}
