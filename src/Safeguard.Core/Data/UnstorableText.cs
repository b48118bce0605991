using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Safeguard.Core.Text;

namespace Safeguard.Core.Data;

/// <summary>
/// A save refused before anything was written because a text value holds a NUL character (U+0000), which PostgreSQL
/// cannot keep: so both databases refuse it alike, instead of SQLite keeping it and PostgreSQL failing mid-save.
/// </summary>
public sealed class UnstorableTextException(string entity, string property)
    : InvalidOperationException($"{entity}.{property} {StorableText.NulProblem}")
{
    public string Entity { get; } = entity;

    public string Property { get; } = property;
}

/// <summary>The check <see cref="SafeguardDbContext"/> makes before each save: every added or changed text value must be storable.</summary>
internal static class UnstorableText
{
    public static void Refuse(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType == typeof(string) && StorableText.HasNul((string?)property.CurrentValue))
                {
                    throw new UnstorableTextException(entry.Metadata.ClrType.Name, property.Metadata.Name);
                }
            }
        }
    }
}
