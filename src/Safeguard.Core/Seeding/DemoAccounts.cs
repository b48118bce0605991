using Safeguard.Core.Security;

namespace Safeguard.Core.Seeding;

public sealed record DemoAccount(string Email, string DisplayName, string Role, string JobTitle, string? Team, string? Organisation);

/// <summary>
/// The fictional Northbridge Borough Council's demo accounts. They exist only in a database seeded with demo data,
/// and the sign-in page lists them only in Development or when Demo:Enabled is true.
/// </summary>
public static class DemoAccounts
{
    public const string CouncilName = "Northbridge Borough Council";
    /// <summary>Shared demo password: demo data only; never seeded into a real council's database.</summary>
    public const string Password = "northbridge-demo-2026";

    public const string FrontDoorTeam = "Front Door (MASH)";
    public const string AssessmentTeam = "Assessment Team";
    public const string ChildProtectionTeam = "Child Protection Team";
    public const string EarlyHelpTeam = "Early Help Team";
    public const string Police = "Northbridge Police";
    public const string Health = "Northbridge Hospitals NHS Trust";
    public const string School = "Riverside Primary School";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("priya.shah@northbridge.example", "Priya Shah", Roles.FrontDoorWorker, "Front door social worker", FrontDoorTeam, null),
        new("tom.evans@northbridge.example", "Tom Evans", Roles.FrontDoorWorker, "Front door practitioner", FrontDoorTeam, null),
        new("sam.okafor@northbridge.example", "Sam Okafor", Roles.SocialWorker, "Social worker", AssessmentTeam, null),
        new("grace.lee@northbridge.example", "Grace Lee", Roles.SocialWorker, "Senior social worker", ChildProtectionTeam, null),
        new("hannah.wright@northbridge.example", "Hannah Wright", Roles.SocialWorker, "Senior social worker", AssessmentTeam, null),
        new("daniel.osei@northbridge.example", "Daniel Osei", Roles.SocialWorker, "Social worker", AssessmentTeam, null),
        new("fatima.begum@northbridge.example", "Fatima Begum", Roles.SocialWorker, "Newly qualified social worker", AssessmentTeam, null),
        new("ben.taylor@northbridge.example", "Ben Taylor", Roles.SocialWorker, "Social worker (agency)", AssessmentTeam, null),
        new("sophie.turner@northbridge.example", "Sophie Turner", Roles.SocialWorker, "Senior social worker", ChildProtectionTeam, null),
        new("ravi.kumar@northbridge.example", "Ravi Kumar", Roles.SocialWorker, "Social worker (agency)", ChildProtectionTeam, null),
        new("michael.obrien@northbridge.example", "Michael O'Brien", Roles.SocialWorker, "Social worker", ChildProtectionTeam, null),
        new("leah.brown@northbridge.example", "Leah Brown", Roles.SocialWorkAssistant, "Social work assistant", AssessmentTeam, null),
        new("jo.bennett@northbridge.example", "Jo Bennett", Roles.TeamManager, "Front door team manager", FrontDoorTeam, null),
        new("martin.hughes@northbridge.example", "Martin Hughes", Roles.TeamManager, "Assessment team manager", AssessmentTeam, null),
        new("chloe.adams@northbridge.example", "Chloe Adams", Roles.TeamManager, "Child protection team manager", ChildProtectionTeam, null),
        new("helen.price@northbridge.example", "Helen Price", Roles.ServiceManager, "Service manager, safeguarding", null, null),
        new("omar.farouk@northbridge.example", "Omar Farouk", Roles.HeadOfService, "Head of children's social care", null, null),
        new("david.clarke@northbridge.example", "David Clarke", Roles.Director, "Director of children's services", null, null),
        new("ruth.morgan@northbridge.example", "Ruth Morgan", Roles.ConferenceChair, "Child protection conference chair", null, null),
        new("nina.patel@northbridge.example", "Nina Patel", Roles.PerformanceAnalyst, "Performance analyst", null, null),
        new("alex.admin@northbridge.example", "Alex Admin", Roles.SystemAdministrator, "System administrator", null, null),
        new("pc.jones@police.example", "PC Rhys Jones", Roles.PartnerReferrer, "Police constable, public protection", null, Police),
        new("kate.ward@nhs.example", "Kate Ward", Roles.PartnerReferrer, "Health visitor", null, Health),
        new("mr.singh@riverside.example", "Arjun Singh", Roles.PartnerReferrer, "Designated safeguarding lead", null, School),
    ];

    public static DemoAccount ForRole(string role) => All.First(a => a.Role == role);
}
