using Safeguard.Core.Audit;

namespace Safeguard.Core.Oversight;

/// <summary>
/// Separation of duties in the audit trail: searching it (<see cref="Security.Permissions.SearchAudit"/>) shows who did
/// what kind of thing, when; the names and words of an entry are shown only when it is about staff and administration,
/// or to a reader who may audit children's records (<see cref="Security.Permissions.AuditChildRecords"/>). A system
/// administrator therefore sees that something happened to a child's record, never the child's name or what was written.
/// </summary>
public static class AuditDetailRule
{
    public const string ChildRecord = "A child's record";

    /// <summary>Areas whose events are about accounts, teams, organisations and sessions only.</summary>
    private static readonly HashSet<string> AdministrationAreas = ["Safeguard.Core.Workforce", "Safeguard.Core.Sessions"];

    private static readonly HashSet<string> AdministrationKinds =
        [SignedIn.Name, SignInFailed.Name, FrontDoor.PartnerKeyCreated.Name, FrontDoor.PartnerKeyRevoked.Name];

    /// <summary>Whether an entry of this kind, about this person (if any), may show its words to a reader who cannot see children's records.</summary>
    public static bool IsAdministration(string type, Guid? personId) =>
        personId is null
        && (AdministrationKinds.Contains(type) || EventCatalogue.TypeOf(type)?.Namespace is { } area && AdministrationAreas.Contains(area));
}
