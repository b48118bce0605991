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

/// <summary>
/// Someone tried to change the account they were signed in with (<see cref="SelfAdministrationRule"/>): refused, nothing
/// changed. <paramref name="RolesAsked"/>: the roles the form asked for.
/// </summary>
public sealed record AccountSelfChangeRefused(Guid UserId, string DisplayName, IReadOnlyList<string> RolesAsked) : IEvent
{
    public static string Name => "account.self-change-refused";

    public string Describe() =>
        $"{DisplayName} tried to change their own account (roles asked: {(RolesAsked.Count == 0 ? "none" : string.Join(", ", RolesAsked.Select(Security.Roles.DisplayName)))}): refused";
}

// Staff records: registration, qualification, employment, capacity, line manager, training and absences.

/// <summary>A staff record changed: each change in words ("Registration number SW1 to SW2").</summary>
public sealed record StaffRecordChanged(Guid UserId, string DisplayName, IReadOnlyList<string> Changes) : IEvent
{
    public static string Name => "staff.record-changed";

    public string Describe() => $"Staff record of {DisplayName}: {string.Join("; ", Changes)}";
}

/// <summary>A leaving date was set, moved or cleared; <paramref name="CasesToReallocate"/> open cases went on the team tray for reallocation.</summary>
public sealed record LeavingDateChanged(Guid UserId, string DisplayName, DateOnly? Before, DateOnly? After, int CasesToReallocate) : IEvent
{
    public static string Name => "staff.leaving-date-changed";

    public string Describe() => After is { } after
        ? $"{DisplayName} leaves on {after:d MMMM yyyy}{(Before is { } b ? $" (was {b:d MMMM yyyy})" : "")}: {Text.Plural.Count(CasesToReallocate, "case")} to reallocate before then"
        : $"{DisplayName}'s leaving date ({Before:d MMMM yyyy}) cleared";
}

public sealed record TrainingRecorded(Guid TrainingRecordId, Guid UserId, string DisplayName, TrainingKind Kind, DateOnly CompletedOn, DateOnly? ExpiresOn) : IEvent
{
    public static string Name => "staff.training-recorded";

    public string Describe() =>
        $"{DisplayName} completed \"{Kind.Words()}\" on {CompletedOn:d MMMM yyyy}{(ExpiresOn is { } e ? $", current until {e:d MMMM yyyy}" : "")}";
}

public sealed record AbsenceRecorded(Guid AbsenceId, Guid UserId, string DisplayName, AbsenceKind Kind, DateOnly From, DateOnly To) : IEvent
{
    public static string Name => "staff.absence-recorded";

    public string Describe() => $"{DisplayName}: {Kind.Words().ToLowerInvariant()} from {From:d MMMM yyyy} to {To:d MMMM yyyy}";
}

/// <summary>A worker's employment ended while they held cases: the cases went back to the team tray, unallocated.</summary>
public sealed record WorkerLeftHoldingCases(Guid UserId, string DisplayName, DateOnly LeftOn, int Cases) : IEvent
{
    public static string Name => "staff.left-holding-cases";

    public string Describe() =>
        $"{DisplayName}'s employment ended on {LeftOn:d MMMM yyyy} with {Text.Plural.Count(Cases, "case")} still held: back on the team tray for allocation";
}
