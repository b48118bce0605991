using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Jobs;

/// <summary>
/// Makes a periodic job run once across every instance on one database. Before a run an instance takes the job's
/// lease (<see cref="TryTakeAsync"/>); only one instance's conditional UPDATE can take a lease that has run out. After
/// the run the holder keeps the lease until the job's next turn (<see cref="HoldUntilAsync"/>), so the other
/// instances' timers skip this turn. If the holder dies mid-run, the lease runs out and another instance takes it.
/// </summary>
public sealed class JobLeases(SafeguardDbContext db)
{
    /// <summary>
    /// Takes the job's lease for <paramref name="leaseFor"/> when nobody holds it; false when another instance (or this one,
    /// still running it) does.
    /// </summary>
    public async Task<bool> TryTakeAsync(string job, string holder, TimeSpan leaseFor, CancellationToken ct = default)
    {
        var now = Truncate(db.Time.GetUtcNow());
        var expires = now + leaseFor;
        var taken = await db.JobLeases
            .Where(l => l.Name == job && l.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Holder, holder)
                .SetProperty(l => l.ExpiresAt, expires)
                .SetProperty(l => l.Runs, l => l.Runs + 1), ct);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == job, ct)) return false;

        // The job's first run on this database: of two instances inserting at once, one row goes in and the other
        // insert does nothing (ON CONFLICT is the same words on SQLite and PostgreSQL), without a failed command to log.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"JobLeases\" (\"Name\", \"Holder\", \"ExpiresAt\", \"Runs\") VALUES ({job}, {holder}, {expires.UtcDateTime}, 1) ON CONFLICT DO NOTHING",
            ct);
        return inserted == 1;
    }

    /// <summary>After a run, keeps the lease until <paramref name="until"/> (the job's next turn), if this holder still has it.</summary>
    public async Task HoldUntilAsync(string job, string holder, DateTimeOffset until, CancellationToken ct = default)
    {
        var expires = Truncate(until);
        await db.JobLeases
            .Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), ct);
    }

    /// <summary>Every job's lease: which instance ran it last, until when, and how many runs there have been.</summary>
    public Task<List<JobLease>> ListAsync(CancellationToken ct = default) =>
        db.JobLeases.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);

    // PostgreSQL keeps microseconds and SQLite's text keeps ticks: both compare whole milliseconds the same way.
    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
