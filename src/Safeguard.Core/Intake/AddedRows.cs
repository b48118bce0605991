using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguard.Core.Intake;

/// <summary>
/// Writes the new rows of a context in which every pending change is an addition, in foreign-key order, nothing read
/// back. It is the partner intake writer's save (docs/adr/0006): EF's SaveChanges writes each INSERT's SQL again on
/// every save, and SQLite then compiles each one again. Here, on SQLite, each table's INSERT is written once per model
/// and compiled once per kept connection (the writer keeps its connection open), so a row costs a bind and a step; on
/// PostgreSQL each table gets one INSERT of column arrays, its text the same whatever the number of rows, so it is
/// prepared and planned once.
/// <para>
/// Values go through the same EF type mappings (and so the same converters) as SaveChanges. Anything this cannot write
/// exactly as SaveChanges would is refused (<see cref="TryInsertAsync"/> returns false and writes nothing): a modified or
/// deleted entity, an inherited, owned or table-sharing type, a type in a foreign-key cycle, or a new row that refers to
/// another row of its own table.
/// </para>
/// </summary>
internal static class AddedRows
{
    /// <summary>
    /// Inserts every entity <paramref name="db"/> tracks as added, in the current transaction (or one of its own). Store
    /// generated values (an event's number) are not read back: the caller must clear the tracker after.
    /// A failed statement throws <see cref="DbUpdateException"/>, as SaveChanges does. <paramref name="blocking"/>: block
    /// the thread on the database instead of awaiting it.
    /// </summary>
    /// <returns>False when nothing was written because SaveChanges must be used instead.</returns>
    public static async Task<bool> TryInsertAsync(DbContext db, bool blocking, CancellationToken ct)
    {
        var plan = Plans.GetValue(db.Model, model => new ModelPlan(model, db.GetService<ISqlGenerationHelper>()));
        var rows = new List<(TableShape Table, EntityEntry Entry)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.State)
            {
                case EntityState.Unchanged or EntityState.Detached:
                    continue;
                case EntityState.Added when plan.Shape(entry.Metadata) is { } table && !table.RefersToItsOwnTable(entry):
                    rows.Add((table, entry));
                    continue;
                default:
                    return false;
            }
        }
        if (rows.Count == 0) return true;
        // Principals before dependents; within a table, the order the entities were added (OrderBy is stable).
        var ordered = rows.OrderBy(r => r.Table.Rank).ToList();

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction;
        var own = transaction is not null ? null : blocking ? db.Database.BeginTransaction() : await db.Database.BeginTransactionAsync(ct);
        try
        {
            var dbTransaction = (transaction ?? own)!.GetDbTransaction();
            if (connection is SqliteConnection) InsertEach(connection, dbTransaction, ordered);
            else await InsertByTableAsync(connection, dbTransaction, ordered, blocking, ct);
            if (own is not null && blocking) own.Commit();
            else if (own is not null) await own.CommitAsync(ct);
            return true;
        }
        catch (DbException ex)
        {
            throw new DbUpdateException("An error occurred while saving new rows. See the inner exception for details.", ex);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// SQLite: one compiled statement per table shape, run once per row: kept with the connection while it stays open
    /// (<see cref="SqliteStatementCache"/>, the writer's), otherwise for this save only.
    /// </summary>
    private static void InsertEach(DbConnection connection, DbTransaction transaction, IEnumerable<(TableShape Table, EntityEntry Entry)> rows)
    {
        var ownCommands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        try
        {
            foreach (var (table, entry) in rows)
            {
                var values = entry.CurrentValues;
                var omitted = table.Omitted(entry, values);
                var sql = table.Sql(omitted);
                var command = SqliteStatementCache.Take(connection, sql) ?? ownCommands.GetValueOrDefault(sql);
                if (command is null)
                {
                    command = connection.CreateCommand();
                    command.CommandText = sql;
                    ownCommands[sql] = command;
                }
                command.Transaction = transaction;
                command.Parameters.Clear();
                table.AddParameters(command, values, omitted, 0);
                command.ExecuteNonQuery();
            }
        }
        finally
        {
            foreach (var command in ownCommands.Values) command.Dispose();
        }
    }

    /// <summary>
    /// PostgreSQL: one command for the whole save, holding one INSERT per table that takes each column as an array
    /// (<c>INSERT ... SELECT * FROM unnest(@p0::uuid[], ...)</c>). One round trip; and the statement's text depends only on
    /// the table, not on how many rows it writes, so it is prepared once and planned once. (A multi-row VALUES list was
    /// new text for every batch size, so PostgreSQL parsed and planned it again for every batch.)
    /// </summary>
    private static async Task InsertByTableAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<(TableShape Table, EntityEntry Entry)> rows, bool blocking, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder();
        var next = 0;
        // The rows come in foreign-key order, and groups keep the order of their first row.
        var tables = rows
            .Select(r =>
            {
                var values = r.Entry.CurrentValues;
                return (r.Table, Values: values, Omitted: r.Table.Omitted(r.Entry, values));
            })
            .GroupBy(r => (r.Table, r.Omitted));
        foreach (var table in tables)
        {
            var (shape, omitted) = table.Key;
            sql.Append(shape.UnnestSql(omitted, next)).Append(";\n");
            next = shape.AddColumnArrays(command, table.Select(r => r.Values).ToList(), omitted, next);
        }
        command.CommandText = sql.ToString();
        if (blocking) command.ExecuteNonQuery();
        else await command.ExecuteNonQueryAsync(ct);
    }

    private static readonly ConditionalWeakTable<IModel, ModelPlan> Plans = new();

    /// <summary>What is known of a model once: each entity type's table shape (or that it is refused), and insert order.</summary>
    private sealed class ModelPlan(IModel model, ISqlGenerationHelper sql)
    {
        private readonly ConcurrentDictionary<IEntityType, TableShape?> _shapes = new();
        private readonly Dictionary<IEntityType, int> _ranks = Ranks(model);

        public TableShape? Shape(IEntityType type) =>
            _shapes.GetOrAdd(type, t => _ranks.TryGetValue(t, out var rank) ? TableShape.For(t, rank, sql) : null);

        /// <summary>How many foreign keys away from a table with none each type is (principals first); types on a cycle are left out.</summary>
        private static Dictionary<IEntityType, int> Ranks(IModel model)
        {
            var ranks = new Dictionary<IEntityType, int>();
            var visiting = new HashSet<IEntityType>();
            int? Rank(IEntityType type)
            {
                if (ranks.TryGetValue(type, out var known)) return known;
                if (!visiting.Add(type)) return null;
                var rank = 0;
                foreach (var fk in type.GetForeignKeys())
                {
                    if (fk.PrincipalEntityType == type) continue;
                    if (Rank(fk.PrincipalEntityType) is not { } principal) return null;
                    rank = Math.Max(rank, principal + 1);
                }
                visiting.Remove(type);
                ranks[type] = rank;
                return rank;
            }
            foreach (var type in model.GetEntityTypes()) Rank(type);
            return ranks;
        }
    }

    /// <summary>One entity type's table and columns, and how to write its INSERT.</summary>
    private sealed class TableShape
    {
        private readonly string _table;
        private readonly IProperty[] _properties;
        private readonly string[] _columns;
        private readonly RelationalTypeMapping[] _mappings;
        private readonly IProperty[] _selfReferences;
        private readonly ISqlGenerationHelper _sql;
        private readonly ConcurrentDictionary<ulong, string> _statements = new();
        private readonly ConcurrentDictionary<(ulong, int), string> _unnest = new();

        /// <summary>What an array of a column's values holds: the stored type after conversion, nullable if the column is.</summary>
        private readonly Type[] _arrayElements;

        private TableShape(string table, IProperty[] properties, string[] columns, IProperty[] selfReferences, int rank, ISqlGenerationHelper sql)
        {
            _table = table;
            _properties = properties;
            _columns = columns;
            _mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
            _arrayElements = properties.Select((p, i) => ArrayElement(p, _mappings[i])).ToArray();
            _selfReferences = selfReferences;
            Rank = rank;
            _sql = sql;
        }

        public int Rank { get; }

        public static TableShape? For(IEntityType type, int rank, ISqlGenerationHelper sql)
        {
            if (type.BaseType is not null || type.GetDerivedTypes().Any() || type.IsOwned() || type.GetComplexProperties().Any()) return null;
            if (type.GetTableName() is not { } name) return null;
            var table = StoreObjectIdentifier.Table(name, type.GetSchema());
            if (type.GetTableMappings().SingleOrDefault() is not { } mapping || mapping.Table.EntityTypeMappings.Count() != 1) return null;
            var properties = type.GetProperties().Where(p => p.GetColumnName(table) is not null).ToArray();
            // At most 64 columns (the omitted set is a bit mask), and at least one the database does not fill itself.
            if (properties.Length > 64 || properties.All(p => (p.ValueGenerated & ValueGenerated.OnAdd) != 0)) return null;
            var selfReferences = type.GetForeignKeys().Where(fk => fk.PrincipalEntityType == type).SelectMany(fk => fk.Properties).ToArray();
            return new TableShape(sql.DelimitIdentifier(name, type.GetSchema()), properties,
                properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToArray(), selfReferences, rank, sql);
        }

        /// <summary>A new row pointing at a row of its own table might point at one not yet written: SaveChanges orders those.</summary>
        public bool RefersToItsOwnTable(EntityEntry entry) =>
            _selfReferences.Any(p => entry.CurrentValues[p] is not null);

        /// <summary>
        /// The columns left for the database to fill (bit i: property i): a generated value not set (an event's number),
        /// exactly as SaveChanges leaves them out.
        /// </summary>
        public ulong Omitted(EntityEntry entry, PropertyValues values)
        {
            var omitted = 0UL;
            for (var i = 0; i < _properties.Length; i++)
            {
                var p = _properties[i];
                if ((p.ValueGenerated & ValueGenerated.OnAdd) == 0) continue;
                if (entry.Property(p).IsTemporary || Equals(values[p], p.Sentinel)) omitted |= 1UL << i;
            }
            return omitted;
        }

        /// <summary>SQLite: the INSERT of one row, its parameters numbered from 0.</summary>
        public string Sql(ulong omitted) => _statements.GetOrAdd(omitted, o =>
        {
            var included = Included(o).ToList();
            if (included.Count == 0) return $"INSERT INTO {_table} DEFAULT VALUES";
            var n = 0;
            var values = included.Select(_ => _sql.GenerateParameterNamePlaceholder("p" + n++));
            return $"INSERT INTO {_table} ({string.Join(", ", included.Select(i => _columns[i]))}) VALUES ({string.Join(", ", values)})";
        });

        /// <summary>Adds a row's values as parameters numbered from <paramref name="first"/>; returns the next number.</summary>
        public int AddParameters(DbCommand command, PropertyValues values, ulong omitted, int first)
        {
            var n = first;
            // A plain loop: on SQLite this runs for every row.
            for (var i = 0; i < _properties.Length; i++)
            {
                if ((omitted & (1UL << i)) != 0) continue;
                var p = _properties[i];
                command.Parameters.Add(_mappings[i].CreateParameter(command, _sql.GenerateParameterName("p" + n++), values[p], p.IsNullable));
            }
            return n;
        }

        /// <summary>
        /// PostgreSQL: the INSERT taking each column not <paramref name="omitted"/> as one array parameter, numbered from
        /// <paramref name="first"/>, cast to the column's type.
        /// </summary>
        public string UnnestSql(ulong omitted, int first) => _unnest.GetOrAdd((omitted, first), key =>
        {
            var (o, n) = key;
            var included = Included(o).ToList();
            var arrays = included.Select(i => $"{_sql.GenerateParameterNamePlaceholder("p" + n++)}::{_mappings[i].StoreType}[]");
            return $"INSERT INTO {_table} ({string.Join(", ", included.Select(i => _columns[i]))}) SELECT * FROM unnest({string.Join(", ", arrays)})";
        });

        private static Type ArrayElement(IProperty property, RelationalTypeMapping mapping)
        {
            var type = mapping.Converter?.ProviderClrType ?? property.ClrType;
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null && property.IsNullable
                ? typeof(Nullable<>).MakeGenericType(type)
                : type;
        }

        /// <summary>The positions of the properties a row sends: those not <paramref name="omitted"/>.</summary>
        private IEnumerable<int> Included(ulong omitted) =>
            Enumerable.Range(0, _properties.Length).Where(i => (omitted & (1UL << i)) == 0);

        /// <summary>
        /// Adds one array parameter per column not <paramref name="omitted"/>, holding that column's value for each of
        /// <paramref name="rows"/> in order, converted as SaveChanges converts it; returns the next parameter number.
        /// </summary>
        public int AddColumnArrays(DbCommand command, IReadOnlyList<PropertyValues> rows, ulong omitted, int first)
        {
            var n = first;
            foreach (var i in Included(omitted))
            {
                var p = _properties[i];
                var converter = _mappings[i].Converter;
                var column = Array.CreateInstance(_arrayElements[i], rows.Count);
                for (var r = 0; r < rows.Count; r++)
                {
                    var value = rows[r][p];
                    column.SetValue(value is null || converter is null ? value : converter.ConvertToProvider(value), r);
                }
                var parameter = command.CreateParameter();
                parameter.ParameterName = _sql.GenerateParameterName("p" + n++);
                parameter.Value = column;
                command.Parameters.Add(parameter);
            }
            return n;
        }
    }
}
