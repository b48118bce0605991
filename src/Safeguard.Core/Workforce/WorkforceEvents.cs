using Safeguard.Core.Audit;

namespace Safeguard.Core.Workforce;

// Administration of teams, partner organisations and staff accounts. Why: the event's reason.

public sealed record TeamAdded(Guid TeamId, string TeamName, TeamKind Kind) : IEvent
{
    public static string Name => "team.added";

    public string Describe() => $"Team {TeamName} added: {WorkforceKinds.DisplayName(Kind)}";
}

/// <summary>A team was renamed or changed kind (unchanged values are the same before and after).</summary>
public sealed record TeamChanged(Guid TeamId, string NameBefore, string NameAfter, TeamKind KindBefore, TeamKind KindAfter) : IEvent
{
    public static string Name => "team.changed";

    public string Describe()
    {
        var changes = new List<string>();
        if (NameBefore != NameAfter) changes.Add($"renamed from {NameBefore} to {NameAfter}");
        if (KindBefore != KindAfter) changes.Add($"kind {WorkforceKinds.DisplayName(KindBefore)} to {WorkforceKinds.DisplayName(KindAfter)}");
        return $"Team {NameAfter}: {string.Join("; ", changes)}";
    }
}

public sealed record TeamRetired(Guid TeamId, string TeamName) : IEvent
{
    public static string Name => "team.retired";

    public string Describe() => $"Team {TeamName} retired: it gets no new work";
}

public sealed record TeamReinstated(Guid TeamId, string TeamName) : IEvent
{
    public static string Name => "team.reinstated";

    public string Describe() => $"Team {TeamName} reinstated: it can get new work";
}

/// <summary>A partner organisation was added. <paramref name="CinReferralSourceCode"/> null: the default for its kind.</summary>
public sealed record OrganisationAdded(Guid OrganisationId, string OrganisationName, OrganisationKind Kind, string? CinReferralSourceCode) : IEvent
{
    public static string Name => "organisation.added";

    public string Describe() =>
        $"Organisation {OrganisationName} added: {WorkforceKinds.DisplayName(Kind)}, CIN referral source code {CinReferralSourceCode ?? DefaultCode}";

    internal const string DefaultCode = "default for its kind";
}

/// <summary>An organisation was renamed, or its kind or CIN referral source code changed (unchanged values are the same).</summary>
public sealed record OrganisationChanged(Guid OrganisationId, string NameBefore, string NameAfter, OrganisationKind KindBefore,
    OrganisationKind KindAfter, string? CodeBefore, string? CodeAfter) : IEvent
{
    public static string Name => "organisation.changed";

    public string Describe()
    {
        var changes = new List<string>();
        if (NameBefore != NameAfter) changes.Add($"renamed from {NameBefore} to {NameAfter}");
        if (KindBefore != KindAfter) changes.Add($"kind {WorkforceKinds.DisplayName(KindBefore)} to {WorkforceKinds.DisplayName(KindAfter)}");
        if (CodeBefore != CodeAfter)
            changes.Add($"CIN referral source code {CodeBefore ?? OrganisationAdded.DefaultCode} to {CodeAfter ?? OrganisationAdded.DefaultCode}");
        return $"Organisation {NameAfter}: {string.Join("; ", changes)}";
    }
}

/// <summary>An organisation was retired: it can no longer refer.</summary>
public sealed record OrganisationRetired(Guid OrganisationId, string OrganisationName) : IEvent
{
    public static string Name => "organisation.retired";

    public string Describe() => $"Organisation {OrganisationName} retired: it can no longer refer";
}

public sealed record OrganisationReinstated(Guid OrganisationId, string OrganisationName) : IEvent
{
    public static string Name => "organisation.reinstated";

    public string Describe() => $"Organisation {OrganisationName} reinstated: it can refer again";
}

/// <summary>A staff or partner account was added with these roles (role names as stored).</summary>
public sealed record AccountCreated(Guid UserId, string DisplayName, string Email, IReadOnlyList<string> Roles) : IEvent
{
    public static string Name => "account.created";

    public string Describe() =>
        $"Account added for {DisplayName} ({Email}) with roles {string.Join(", ", Roles.Select(Security.Roles.DisplayName))}";
}

/// <summary>An account's roles, team, organisation or whether it is disabled changed.</summary>
public sealed record AccountChanged(Guid UserId, string DisplayName, IReadOnlyList<string> RolesAdded, IReadOnlyList<string> RolesRemoved,
    Guid? TeamBefore, Guid? TeamAfter, Guid? OrganisationBefore, Guid? OrganisationAfter, bool DisabledBefore, bool DisabledAfter) : IEvent
{
    public static string Name => "account.changed";

    public string Describe()
    {
        var changes = new List<string>();
        if (RolesAdded.Count > 0) changes.Add("roles added: " + string.Join(", ", RolesAdded.Select(Security.Roles.DisplayName)));
        if (RolesRemoved.Count > 0) changes.Add("roles removed: " + string.Join(", ", RolesRemoved.Select(Security.Roles.DisplayName)));
        if (TeamBefore != TeamAfter) changes.Add("team changed");
        if (OrganisationBefore != OrganisationAfter) changes.Add("organisation changed");
        if (DisabledBefore != DisabledAfter) changes.Add(DisabledAfter ? "account disabled" : "account enabled");
        return $"Account of {DisplayName}: {(changes.Count == 0 ? "no change" : string.Join("; ", changes))}";
    }
}
