using Safeguard.Core.Audit;
using Safeguard.Core.Security;

namespace Safeguard.Core.Seeding.Large.Bulk;

/// <summary>
/// Events rows written in bulk exactly as <c>SafeguardDbContext.Record</c> writes them (<see cref="TypedEvent"/>): the
/// kind's name, its shortened description and its payload, so the history and the chronology read them as the services' own.
/// </summary>
internal static class BulkEvents
{
    public static void Record<T>(this TableRows events, T happened, DateTime at, Actor by, Guid? personId, string subjectType, Guid subjectId,
        string? reason = null) where T : IEvent
    {
        var typed = TypedEvent.Of(happened);
        events.Add(typed.Type, at, by.UserId, by.Name, by.OrganisationId, personId, subjectType, subjectId, typed.Summary, reason, typed.Data);
    }

    /// <summary>
    /// The automatic "created" event every save writes for an added audited row (<c>Data/ChangeEvents.cs</c>): each column
    /// with a value but the key, as text. <paramref name="row"/> holds <paramref name="table"/>'s columns in order.
    /// </summary>
    public static RecordCreated Created(string entity, Table table, object?[] row)
    {
        var fields = new Dictionary<string, FieldChange>(row.Length, StringComparer.Ordinal);
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] is { } value && table.Columns[i].Name != "Id") fields[table.Columns[i].Name] = new FieldChange(null, AutomaticChange.Text(value));
        }
        return new RecordCreated(entity, fields);
    }
}
