using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Safeguard.Core.Data;

/// <summary>
/// Instants are stored as UTC date-times: timestamptz on PostgreSQL, sortable ISO text on SQLite (where
/// DateTimeOffset cannot be compared or ordered in queries).
/// </summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
