using Safeguard.Core.Audit;

namespace Safeguard.Core.Arrangements;

public static class CarerCheckWords
{
    public static string Words(this CarerCheckKind kind) => kind switch
    {
        CarerCheckKind.PoliceAndDbs => "Police and DBS checks",
        CarerCheckKind.HomeVisit => "Home visit",
        CarerCheckKind.LocalAuthorityRecords => "Local authority records",
        _ => "References",
    };
}

/// <summary>A child's stay with a connected person was proposed, and the checks on them put on the worker's tray.</summary>
public sealed record ArrangementProposed(Guid ArrangementId, string CarerName, string Relationship, DateOnly From) : IEvent
{
    public static string Name => "arrangement.proposed";

    public string Describe() => $"Proposed stay with {CarerName} ({Relationship}) from {From:d MMMM yyyy}; checks opened";
}

/// <summary>A check on a connected person was completed.</summary>
public sealed record CarerCheckCompleted(Guid ArrangementId, CarerCheckKind Kind, DateOnly CompletedOn) : IEvent
{
    public static string Name => "arrangement.check-completed";

    public string Describe() => $"{Kind.Words()} completed on {CompletedOn:d MMMM yyyy}";
}

/// <summary>The arrangement was agreed: with every check done, or by a manager with the missing checks and the reason.</summary>
public sealed record ArrangementAgreed(Guid ArrangementId, IReadOnlyList<CarerCheckKind> MissingChecks, string? Reason) : IEvent
{
    public static string Name => "arrangement.agreed";

    public string Describe() => MissingChecks.Count == 0
        ? "Arrangement with the connected person agreed; every check done"
        : $"Arrangement agreed by a manager with checks missing ({string.Join(", ", MissingChecks.Select(k => k.Words().ToLowerInvariant()))})";
}
