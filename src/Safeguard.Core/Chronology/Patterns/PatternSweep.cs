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
    /// <summary>Events read per run; a backlog is worked off over several runs.</summary>
    public const int BatchSize = 2000;

    /// <summary>Events before the mark read again each run.</summary>
    public const int ReRead = 100;

    private static readonly string[] Triggers =
    [
        ContactReceived.Name, ContactDecided.Name, DecisionConfirmed.Name, SignificantEventAdded.Name, PersonMerged.Name,
    ];

    /// <summary>Checks the children of the next batch of events; answers how many alerts were raised.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default) => (await RunBatchAsync(ct)).Raised;

    /// <summary>Runs batch after batch until the whole log has been read (seeding, and after a long stop).</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        var raised = 0;
        while (true)
        {
            var (count, full) = await RunBatchAsync(ct);
            raised += count;
            if (!full) return raised;
        }
    }

    private async Task<(int Raised, bool Full)> RunBatchAsync(CancellationToken ct)
    {
        var mark = await db.PatternSweepMarks.SingleOrDefaultAsync(ct);
        if (mark is null)
        {
            mark = new PatternSweepMark(await StartAsync(ct));
            db.PatternSweepMarks.Add(mark);
            await db.SaveChangesAsync(ct);
        }
        var from = mark.LastEventId - ReRead;
        var batch = await db.Events.AsNoTracking()
            .Where(e => e.Id > from)
            .OrderBy(e => e.Id)
            .Take(BatchSize)
            .Select(e => new { e.Id, e.Type, e.PersonId })
            .ToListAsync(ct);
        if (batch.Count == 0) return (0, false);
        var children = batch.Where(e => e.PersonId != null && Triggers.Contains(e.Type)).Select(e => e.PersonId!.Value).Distinct().ToList();
        var raised = 0;
        foreach (var child in children)
        {
            raised += (await alerts.CheckChildAsync(child, ct)).Count;
        }
        var last = batch[^1].Id;
        if (last > mark.LastEventId)
        {
            mark.LastEventId = last;
            await db.SaveChangesAsync(ct);
        }
        return (raised, batch.Count == BatchSize);
    }

    /// <summary>The first run starts with the events of the last <see cref="PatternAlertSettings.RecentDays"/> days.</summary>
    private async Task<long> StartAsync(CancellationToken ct)
    {
        var since = db.Time.GetUtcNow().AddDays(-options.Value.RecentDays);
        var first = await db.Events.Where(e => e.OccurredAt >= since).MinAsync(e => (long?)e.Id, ct);
        // The mark is where reading resumes, less ReRead: start it so the first run reads from the first recent event.
        return first is { } id ? id - 1 + ReRead : await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
    }
}
