using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguard.Core.Audit;

/// <summary>One field of an automatic change: its value before and after, as text (null: it had none).</summary>
public sealed record FieldChange(string? Before, string? After);

/// <summary>
/// A row of an audited entity added, changed or deleted, written by every save (<c>Data/ChangeEvents.cs</c>). Its data
/// is the map of fields to <c>[before, after]</c>, the shape stored since the first release; the entity is the row's
/// subject type, so it is not stored twice. Values are text: rows stored before events were typed may hold numbers
/// or true/false, which read as their text.
/// </summary>
public abstract record AutomaticChange(string Entity, IReadOnlyDictionary<string, FieldChange> Fields) : IEventPayload
{
    /// <summary>The kinds every save writes: the history shows them under the action they belong to.</summary>
    public static bool IsAutomatic(string type) => type == RecordCreated.Name || type == RecordChanged.Name || type == RecordDeleted.Name;

    protected abstract string Verb { get; }

    /// <summary>"Contact changed", as it has always been summarised.</summary>
    public string Describe() => $"{(Entity.Length == 0 ? "Record" : EventCatalogue.Humanise(Entity))} {Verb}";

    /// <summary>A value as the change stores it: enums by name, dates as yyyy-MM-dd, instants in UTC round-trip form.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        Enum e => e.ToString(),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>A row of an audited entity was added.</summary>
public sealed record RecordCreated(string Entity, IReadOnlyDictionary<string, FieldChange> Fields) : AutomaticChange(Entity, Fields), IEvent
{
    public static string Name => "created";
    protected override string Verb => Name;
}

/// <summary>Fields of a row of an audited entity changed.</summary>
public sealed record RecordChanged(string Entity, IReadOnlyDictionary<string, FieldChange> Fields) : AutomaticChange(Entity, Fields), IEvent
{
    public static string Name => "changed";
    protected override string Verb => Name;
}

/// <summary>A row of an audited entity was deleted.</summary>
public sealed record RecordDeleted(string Entity, IReadOnlyDictionary<string, FieldChange> Fields) : AutomaticChange(Entity, Fields), IEvent
{
    public static string Name => "deleted";
    protected override string Verb => Name;
}

/// <summary>Reads and writes an automatic change as its stored shape: <c>{"Field": [before, after], ...}</c>.</summary>
internal sealed class AutomaticChangeJson : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(AutomaticChange).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : AutomaticChange
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("An automatic change is an object of fields.");
            var fields = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = reader.GetString()!;
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"The field {field} is not [before, after].");
                reader.Read();
                var before = Value(ref reader);
                reader.Read();
                var after = Value(ref reader);
                if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray) throw new JsonException($"The field {field} is not [before, after].");
                fields[field] = new FieldChange(before, after);
            }
            return (T)Activator.CreateInstance(typeToConvert, "", fields)!;
        }

        private static string? Value(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw new JsonException("A field's value is not text, a number or true/false."),
        };

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (field, change) in value.Fields)
            {
                writer.WriteStartArray(field);
                Write(writer, change.Before);
                Write(writer, change.After);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }

        private static void Write(Utf8JsonWriter writer, string? text)
        {
            if (text is null) writer.WriteNullValue();
            else writer.WriteStringValue(text);
        }
    }
}
