using Safeguard.Core.Audit;

namespace Safeguard.Core.People.Access;

// Descriptions never name the child: the audit page shows them to people who may not be on the access list.

/// <summary>A child's record was restricted to the people on its access list.</summary>
public sealed record RecordRestricted(Guid PersonId) : IEvent
{
    public static string Name => "record.restricted";

    public string Describe() => "Record restricted to the people on its access list";
}

/// <summary>A child's record was opened to everyone whose role lets them see children's records again.</summary>
public sealed record RestrictionLifted(Guid PersonId) : IEvent
{
    public static string Name => "record.restriction-lifted";

    public string Describe() => "Restriction lifted: the record is no longer need-to-know";
}

/// <summary>A name was added to a restricted child's access list.</summary>
public sealed record AccessGranted(Guid PersonId, Guid UserId, string UserName, bool HoldsList) : IEvent
{
    public static string Name => "record.access-granted";

    public string Describe() => HoldsList ? $"{UserName} added to the access list as a holder of the list" : $"{UserName} added to the access list";
}

/// <summary>A name was taken off a restricted child's access list.</summary>
public sealed record AccessRemoved(Guid PersonId, Guid UserId, string UserName) : IEvent
{
    public static string Name => "record.access-removed";

    public string Describe() => $"{UserName} removed from the access list";
}

/// <summary>Someone not on a restricted child's access list asked for the child (and was told "not found").</summary>
public sealed record RecordAccessRefused(Guid PersonId, string Where) : IEvent
{
    public static string Name => "record.access-refused";

    public string Describe() => $"Refused: not on the access list of a restricted record ({Where})";
}

/// <summary>People were listed to someone (search results, candidates, duplicates, the audit page): one event per list.</summary>
public sealed record PeopleListed(string Where, IReadOnlyList<Guid> PersonIds) : IEvent
{
    public static string Name => "record.listed";

    public string Describe() => $"Listed {PersonIds.Count} {(PersonIds.Count == 1 ? "person" : "people")} in {Where}";
}
