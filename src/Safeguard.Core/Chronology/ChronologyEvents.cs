using Safeguard.Core.Audit;

namespace Safeguard.Core.Chronology;

/// <summary>A worker marked an entry of the child's chronology (the event <paramref name="EventId"/>) significant, saying why.</summary>
public sealed record ChronologyEntryMarkedSignificant(long EventId, string Reason) : IEvent
{
    public static string Name => "chronology.marked-significant";

    public string Describe() => $"Marked significant: {Reason}";
}

/// <summary>What a worker's added event was; events added before there was a choice read as <see cref="Other"/>.</summary>
public enum AddedEventKind { Other, Injury, MissingEpisode, PoliceCallOut, HospitalAttendance, HouseholdChange }

public static class AddedEventWords
{
    /// <summary>Each kind in the order a worker chooses from, in words.</summary>
    public static readonly IReadOnlyList<(AddedEventKind Kind, string Words)> All =
    [
        (AddedEventKind.Injury, "Injury"),
        (AddedEventKind.HospitalAttendance, "Hospital attendance"),
        (AddedEventKind.PoliceCallOut, "Police call-out"),
        (AddedEventKind.MissingEpisode, "Missing episode"),
        (AddedEventKind.HouseholdChange, "Change of household, carers or address"),
        (AddedEventKind.Other, "Something else"),
    ];

    public static string Of(AddedEventKind kind) => All.Single(k => k.Kind == kind).Words;
}

/// <summary>
/// A worker added a significant event the system does not record itself (a hospital attendance reported by phone, a
/// police call-out heard of from a school), with when it happened, what kind of event it was and where the information
/// came from. Injuries and missing episodes count towards the pattern alerts.
/// </summary>
public sealed record SignificantEventAdded(DateTimeOffset HappenedAt, string What, string Source, AddedEventKind Kind = AddedEventKind.Other) : IEvent
{
    public static string Name => "chronology.event-added";

    public string Describe() => Kind == AddedEventKind.Other ? What : $"{AddedEventWords.Of(Kind)}: {What}";
}
