namespace Safeguard.Core.Security;

/// <summary>The roles of DOMAIN.md. Stored as ASP.NET Identity role names.</summary>
public static class Roles
{
    public const string FrontDoorWorker = "FrontDoorWorker";
    public const string SocialWorker = "SocialWorker";
    public const string SocialWorkAssistant = "SocialWorkAssistant";
    public const string TeamManager = "TeamManager";
    public const string ServiceManager = "ServiceManager";
    public const string HeadOfService = "HeadOfService";
    public const string Director = "Director";
    public const string ConferenceChair = "ConferenceChair";
    public const string PartnerReferrer = "PartnerReferrer";
    public const string PerformanceAnalyst = "PerformanceAnalyst";
    public const string SystemAdministrator = "SystemAdministrator";

    public static readonly IReadOnlyList<string> All =
    [
        FrontDoorWorker, SocialWorker, SocialWorkAssistant, TeamManager, ServiceManager, HeadOfService,
        Director, ConferenceChair, PartnerReferrer, PerformanceAnalyst, SystemAdministrator,
    ];

    public static string DisplayName(string role) => role switch
    {
        FrontDoorWorker => "Front door (MASH) worker",
        SocialWorker => "Social worker",
        SocialWorkAssistant => "Social work assistant",
        TeamManager => "Team manager",
        ServiceManager => "Service manager",
        HeadOfService => "Head of service",
        Director => "Director of children's services",
        ConferenceChair => "Conference chair",
        PartnerReferrer => "Partner agency referrer",
        PerformanceAnalyst => "Performance analyst",
        SystemAdministrator => "System administrator",
        _ => role,
    };
}
