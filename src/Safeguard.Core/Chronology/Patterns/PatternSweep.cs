using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;

namespace Safeguard.Core.Chronology.Patterns;

/// <summary>Where the pattern sweep has read the event log up to (one row).</summary>
public sealed class PatternSweepMark
{
    private PatternSweepMark() { }

    public PatternSweepMark(long lastEventId) => LastEventId = lastEventId;

    public int Id { get; private set; } = 1;
    public long LastEventId { get; set; }
}

/// <summary>
/// Runs the pattern rules on every child whose record gained something a rule reads (a contact, a decision, an injury
/// or missing episode a worker added, a merge) since the last run, reading the event log in order, a batch at a time,
/// and keeping its place in the database so a restart neither misses nor repeats a child. Raising is idempotent, so the
/// few events re-read at each run (in case a transaction committed after a later one) cost a check, not an alert.
/// Contacts from the partner API are written by the intake writer, which knows nothing of this: the sweep finds them in
/// the log like any other.
/// </summary>
public sealed class PatternSweep(SafeguardDbContext db, PatternAlerts alerts, IOptions<PatternAlertSettings> options)
{
    /// <summary>Events read per batch.</summary>
    public const int BatchSize = 2000;

    /// <summary>Events before the mark read again each run.</summary>
    public const int ReRead = 100;

    /// <summary>
    /// How long a scheduled run keeps taking batches while they come full; the rest of a backlog is left to the next
    /// run, so the other background work gets its turn.
    /// </summary>
    public static readonly TimeSpan TimePerRun = TimeSpan.FromSeconds(20);

    private static readonly string[] Triggers =
    [
        ContactReceived.Name, ContactDecided.Name, DecisionConfirmed.Name, SignificantEventAdded.Name, PersonMerged.Name,
    ];

    /// <summary>
    /// Checks the children of the next batch of events, and of the batches after it while they come full, for up to
    /// <see cref="TimePerRun"/>; answers how many alerts were raised.
    /// </summary>
    public Task<int> RunAsync(CancellationToken ct = default) => SweepAsync(TimePerRun, ct);

    /// <summary>Runs batch after batch until the whole log has been read, however long that takes (seeding).</summary>
    public Task<int> CatchUpAsync(CancellationToken ct = default) => SweepAsync(TimeSpan.MaxValue, ct);

    private async Task<int> SweepAsync(TimeSpan budget, CancellationToken ct)
    {
        var started = db.Time.GetTimestamp();
        var mark = await db.PatternSweepMarks.AsNoTracking().Select(m => (long?)m.LastEventId).SingleOrDefaultAsync(ct);
        var (raised, last) = mark is { } saved ? (0, saved) : await StartAsync(ct);
        while (true)
        {
            var (count, read, full) = await RunBatchAsync(last, ct);
            raised += count;
            last = read;
            if (!full || db.Time.GetElapsedTime(started) >= budget) return raised;
        }
    }

    private async Task<(int Raised, long Last, bool Full)> RunBatchAsync(long mark, CancellationToken ct)
    {
        var from = mark - ReRead;
        var batch = await db.Events.AsNoTracking()
            .Where(e => e.Id > from)
            .OrderBy(e => e.Id)
            .Take(BatchSize)
            .Select(e => new { e.Id, e.Type, e.PersonId })
            .ToListAsync(ct);
        if (batch.Count == 0) return (0, mark, false);
        var raised = await CheckAsync(batch.Where(e => Triggers.Contains(e.Type)).Select(e => e.PersonId), ct);
        var last = batch[^1].Id;
        if (last > mark) await MoveMarkAsync(last, ct);
        return (raised, Math.Max(last, mark), batch.Count == BatchSize);
    }

    /// <summary>
    /// The first run checks the children with a record in the last <see cref="PatternAlertSettings.RecentDays"/> days,
    /// found by time: a log loaded in bulk is not in time order, so the first recent event's id says nothing. Reading
    /// then goes on from the end of the log.
    /// </summary>
    private async Task<(int Raised, long Mark)> StartAsync(CancellationToken ct)
    {
        // The end is taken first, so whatever is written while the children are checked is read by the next batch.
        var end = await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var since = db.Time.GetUtcNow().AddDays(-options.Value.RecentDays);
        // Distinct in memory: asked for in SQL, SQLite walks the whole (PersonId, OccurredAt) index to return them in
        // order, instead of the recent end of the OccurredAt index.
        var recent = await db.Events.AsNoTracking()
            .Where(e => e.OccurredAt >= since && e.PersonId != null && Triggers.Contains(e.Type))
            .Select(e => e.PersonId)
            .ToListAsync(ct);
        var raised = await CheckAsync(recent, ct);
        // Saved only once every child is checked: a first run stopped half way is done again, not left half done.
        db.PatternSweepMarks.Add(new PatternSweepMark(end));
        await db.SaveChangesAsync(ct);
        return (raised, end);
    }

    private async Task<int> CheckAsync(IEnumerable<Guid?> people, CancellationToken ct)
    {
        var raised = 0;
        foreach (var child in people.OfType<Guid>().Distinct().ToList())
        {
            raised += (await alerts.CheckChildAsync(child, ct)).Count;
        }
        return raised;
    }

    /// <summary>
    /// Moves the mark on, never back (two sweeps at once), in the database: a check that met another sweep's alert
    /// clears the context's tracked entities, so a tracked mark would be dropped unsaved.
    /// </summary>
    private Task MoveMarkAsync(long last, CancellationToken ct) =>
        db.PatternSweepMarks.Where(m => m.LastEventId < last).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastEventId, last), ct);
}
