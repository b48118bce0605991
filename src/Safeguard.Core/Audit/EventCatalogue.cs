using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguard.Core.Audit;

/// <summary>One kind of event as lists show it: its stored name and its words ("Contact decided").</summary>
public sealed record EventKind(string Name, string Words, Type Type);

/// <summary>
/// Every kind of event, by its stable name: the one list of what can happen in Safeguard. Built from the
/// <see cref="IEvent"/> records in Core, so a new kind is one record; a name used twice fails at start (and in a test).
/// </summary>
public static class EventCatalogue
{
    /// <summary>Strict, so data stored before a kind was typed (or in another shape) is not read as that kind.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new AutomaticChangeJson() },
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly FrozenDictionary<string, Type> ByName = Build();

    private static readonly IReadOnlyList<EventKind> AllKinds = ByName
        .Select(k => new EventKind(k.Key, Words(k.Value), k.Value))
        .OrderBy(k => k.Words, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The names of the kinds that record a reading, not a change (<see cref="IRecordsAReading"/>).</summary>
    public static readonly IReadOnlyList<string> ReadingNames =
        ByName.Where(k => k.Value.IsAssignableTo(typeof(IRecordsAReading))).Select(k => k.Key).Order(StringComparer.Ordinal).ToArray();

    public static IEnumerable<Type> Types => ByName.Values;

    /// <summary>Every kind, in the order of its words (for a list to choose from).</summary>
    public static IReadOnlyList<EventKind> Kinds => AllKinds;

    public static string NameOf<T>() where T : IEvent => T.Name;

    public static string NameOf(Type eventType) =>
        (string)(eventType.GetProperty(nameof(IEvent.Name), BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                 ?? throw new ArgumentException($"{eventType.Name} is not an event kind.", nameof(eventType)));

    public static Type? TypeOf(string name) => ByName.GetValueOrDefault(name);

    public static bool IsKind(string? name) => name is not null && ByName.ContainsKey(name);

    public static string Serialise<T>(T payload) where T : IEvent => JsonSerializer.Serialize(payload, Json);

    /// <summary>
    /// The typed event stored as <paramref name="name"/> with <paramref name="data"/>, or null when the name is not
    /// a kind in the catalogue or the data is not its payload (an event stored before its kind was typed).
    /// <paramref name="subjectType"/>: the row's subject type, which names the entity of an automatic change.
    /// </summary>
    public static IEventPayload? Read(string name, string? data, string? subjectType = null)
    {
        if (data is null || TypeOf(name) is not { } type) return null;
        try
        {
            var read = JsonSerializer.Deserialize(data, type, Json) as IEventPayload;
            // An automatic change stores only its fields (as it always has); its entity is the row's subject type.
            return read is AutomaticChange change ? change with { Entity = subjectType ?? "" } : read;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>What people read for a stored event: its typed description, else the summary stored with it.</summary>
    public static string Describe(string name, string? data, string storedSummary, string? subjectType = null)
    {
        var described = Read(name, data, subjectType)?.Describe();
        return string.IsNullOrWhiteSpace(described) ? storedSummary : described;
    }

    /// <summary>The words for a kind: its record's name as a phrase (ContactDecided: "Contact decided").</summary>
    private static string Words(Type kind) => Humanise(kind.Name);

    /// <summary>"PersonAddress" as "Person address".</summary>
    public static string Humanise(string typeName) =>
        string.Concat(typeName.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private static FrozenDictionary<string, Type> Build()
    {
        var kinds = typeof(IEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEvent).IsAssignableFrom(t));
        var byName = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var name = NameOf(kind);
            if (!byName.TryAdd(name, kind))
            {
                throw new InvalidOperationException($"The event name '{name}' is used by both {byName[name].Name} and {kind.Name}.");
            }
        }
        return byName.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
