namespace Safeguard.Web.Infrastructure;

/// <summary>What every page shows about the installation: the council's name and whether this is a demo.</summary>
public sealed class SiteSettings(IConfiguration config, IWebHostEnvironment env)
{
    /// <summary>The council's name for the header, or null when none is configured (the header then shows only "Safeguard").</summary>
    public string? CouncilName { get; } = config["Council:Name"] is { Length: > 0 } name && name != "Safeguard" ? name : null;

    /// <summary>Demo mode: the demo banner and the sign-in page's list of demo accounts.</summary>
    public bool IsDemo { get; } = env.IsDevelopment() || config.GetValue("Demo:Enabled", false);
}
