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
            var personId = entry.Entity.AuditPersonId;
            var id = entry.Entity.Id;
            if (entry.State == EntityState.Added)
                db.Record(new RecordCreated(entity, fields), personId, entity, id, actor: db.AddedBy(entry.Entity));
            else if (entry.State == EntityState.Deleted)
                db.Record(new RecordDeleted(entity, fields), personId, entity, id);
            else
                db.Record(new RecordChanged(entity, fields), personId, entity, id);
        }
    }

    private static Dictionary<string, FieldChange> ChangedFields(EntityEntry<IAudited> entry)
    {
        var fields = new Dictionary<string, FieldChange>();
        foreach (var p in entry.Properties)
        {
            // The version token moves with every change; it is not a change anyone made.
            if (p.Metadata.IsPrimaryKey() || p.Metadata.IsConcurrencyToken) continue;
            switch (entry.State)
            {
                case EntityState.Added when p.CurrentValue is not null:
                    fields[p.Metadata.Name] = new FieldChange(null, AutomaticChange.Text(p.CurrentValue));
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    fields[p.Metadata.Name] = new FieldChange(AutomaticChange.Text(p.OriginalValue), AutomaticChange.Text(p.CurrentValue));
                    break;
                case EntityState.Deleted when p.OriginalValue is not null:
                    fields[p.Metadata.Name] = new FieldChange(AutomaticChange.Text(p.OriginalValue), null);
                    break;
            }
        }
        return fields;
    }
}
