using Safeguard.Core.Data;

namespace Safeguard.Core.Intake;

/// <summary>The intake writer's save: a context whose pending changes are all additions, written by <see cref="AddedRows"/>.</summary>
internal static class NewRowsSave
{
    /// <summary>
    /// Saves a context whose pending changes are all additions (with their events, as SaveChanges would) through
    /// <see cref="AddedRows"/>: each table's INSERT written once and, on SQLite, compiled once per open connection.
    /// Anything it cannot write exactly as SaveChanges would goes through SaveChanges. Either way the tracker is cleared
    /// afterwards: values the database generates (an event's number) are not read back. <paramref name="blocking"/>: wait
    /// for the database by blocking the thread (the intake writer's own thread) instead of awaiting.
    /// </summary>
    public static Task SaveNewRowsAsync(this SafeguardDbContext db, bool blocking = false, CancellationToken ct = default) =>
        db.SaveAddedAsync(Insert, blocking, ct);

    private static readonly Func<SafeguardDbContext, bool, CancellationToken, Task<bool>> Insert = AddedRows.TryInsertAsync;
}
