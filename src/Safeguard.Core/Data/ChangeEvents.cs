using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Safeguard.Core.Audit;

namespace Safeguard.Core.Data;

/// <summary>Turns pending changes to audited entities into events, in the same save.</summary>
internal static class ChangeEvents
{
    public static void Capture(SafeguardDbContext db)
    {
        var changed = db.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in changed)
        {
            var fields = ChangedFields(entry);
            if (entry.State == EntityState.Modified && fields.Count == 0) continue;
            var entity = entry.Metadata.ClrType.Name;
            var (type, verb) = entry.State switch
            {
                EntityState.Added => (EventTypes.Created, "created"),
                EntityState.Deleted => (EventTypes.Deleted, "deleted"),
                _ => (EventTypes.Changed, "changed"),
            };
            db.Record(type, $"{Humanise(entity)} {verb}", entry.Entity.AuditPersonId, entity, entry.Entity.Id,
                data: JsonSerializer.Serialize(fields), actor: entry.State == EntityState.Added ? db.AddedBy(entry.Entity) : null);
        }
    }

    private static Dictionary<string, object?[]> ChangedFields(EntityEntry<IAudited> entry)
    {
        var fields = new Dictionary<string, object?[]>();
        foreach (var p in entry.Properties)
        {
            // The version token moves with every change; it is not a change anyone made.
            if (p.Metadata.IsPrimaryKey() || p.Metadata.IsConcurrencyToken) continue;
            switch (entry.State)
            {
                case EntityState.Added when p.CurrentValue is not null:
                    fields[p.Metadata.Name] = [null, Display(p.CurrentValue)];
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    fields[p.Metadata.Name] = [Display(p.OriginalValue), Display(p.CurrentValue)];
                    break;
                case EntityState.Deleted when p.OriginalValue is not null:
                    fields[p.Metadata.Name] = [Display(p.OriginalValue), null];
                    break;
            }
        }
        return fields;
    }

    private static object? Display(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTimeOffset t => t.UtcDateTime.ToString("O"),
        _ => value,
    };

    private static string Humanise(string typeName) =>
        string.Concat(typeName.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
