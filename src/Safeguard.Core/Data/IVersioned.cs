using Microsoft.EntityFrameworkCore;

namespace Safeguard.Core.Data;

/// <summary>
/// A record two people can edit at once. <see cref="Version"/> is its optimistic concurrency token: every save of a
/// change moves it on (<see cref="VersionTokens"/>), and a save made from an older version matches no row, so it fails
/// instead of overwriting the other person's change.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}

/// <summary>What became of a change made from a version the person was looking at.</summary>
public enum EditOutcome
{
    Saved,
    /// <summary>Someone else changed the record first; nothing was saved.</summary>
    ChangedElsewhere,
}

internal static class VersionTokens
{
    /// <summary>Moves on the version of every changed <see cref="IVersioned"/> record whose change did not move it already.</summary>
    public static void MoveOn(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(nameof(IVersioned.Version));
            if (!version.IsModified) version.CurrentValue = (int)version.OriginalValue! + 1;
        }
    }
}

/// <summary>Saving what two people may change at once.</summary>
public static class ConcurrentSaves
{
    /// <summary>
    /// Saves; or, when someone else saved a change to one of the versioned records first, saves nothing, forgets what was
    /// tracked and answers false (the caller tells the person their change was not saved).
    /// </summary>
    /// <summary>
    /// Moves <paramref name="record"/>'s version on even when nothing else in it changes, so that of two saves made at once
    /// from the same version (two conferences recorded for one enquiry) only one succeeds.
    /// </summary>
    public static void Claim<T>(this SafeguardDbContext db, T record) where T : class, IVersioned =>
        db.Entry(record).Property(nameof(IVersioned.Version)).CurrentValue = record.Version + 1;

    public static async Task<bool> SaveUnlessChangedElsewhereAsync(this SafeguardDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            db.ChangeReason = null;
            return false;
        }
    }
}
