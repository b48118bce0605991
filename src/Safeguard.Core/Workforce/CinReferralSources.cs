namespace Safeguard.Core.Workforce;

public sealed record CinReferralSource(string Code, string Description);

/// <summary>The referral source codes of the DfE Children in Need census (CIN census guide, "Referral source", 1A..10).</summary>
public static class CinReferralSources
{
    public static readonly IReadOnlyList<CinReferralSource> All =
    [
        new("1A", "Individual: family member, relative or carer"),
        new("1B", "Individual: acquaintance, including neighbours and child minders"),
        new("1C", "Individual: self"),
        new("1D", "Individual: other"),
        new("2A", "Schools"),
        new("2B", "Education services"),
        new("3A", "Health services: GP"),
        new("3B", "Health services: health visitor"),
        new("3C", "Health services: school nurse"),
        new("3D", "Health services: other primary health services"),
        new("3E", "Health services: A&E (emergency department)"),
        new("3F", "Health services: other"),
        new("4", "Housing (local authority housing or housing association)"),
        new("5A", "Local authority services: social care, for example adult social care"),
        new("5B", "Local authority services: other internal"),
        new("5C", "Local authority services: external, for example another council's children's social care"),
        new("5D", "Local authority services: early help"),
        new("6", "Police"),
        new("7", "Other legal agency"),
        new("8", "Other"),
        new("9", "Anonymous"),
        new("10", "Unknown"),
    ];

    /// <summary>The census code as written (upper case, trimmed) when it is one of the list; otherwise null.</summary>
    public static string? Normalise(string? code)
    {
        var value = code?.Trim().ToUpperInvariant();
        return All.FirstOrDefault(s => s.Code == value)?.Code;
    }

    public static string Describe(string code) => All.FirstOrDefault(s => s.Code == code)?.Description ?? code;
}

/// <summary>Names for people of the kinds of organisation and team, and parsing of what an administrator typed.</summary>
public static class WorkforceKinds
{
    public static string DisplayName(OrganisationKind kind) => kind switch
    {
        OrganisationKind.LocalAuthority => "Local authority",
        _ => kind.ToString(),
    };

    public static string DisplayName(TeamKind kind) => kind switch
    {
        TeamKind.FrontDoor => "Front door (MASH)",
        TeamKind.ChildInNeed => "Child in need",
        TeamKind.ChildProtection => "Child protection",
        TeamKind.EarlyHelp => "Early help",
        _ => kind.ToString(),
    };

    /// <summary>"Police", "police", "local-authority", "LocalAuthority" and "Local authority" all name a kind.</summary>
    public static bool TryParse<TKind>(string? text, out TKind kind) where TKind : struct, Enum
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var key = Key(text);
        foreach (var value in Enum.GetValues<TKind>())
        {
            var display = value switch { OrganisationKind o => DisplayName(o), TeamKind t => DisplayName(t), _ => value.ToString() };
            if (Key(value.ToString()) == key || Key(display) == key)
            {
                kind = value;
                return true;
            }
        }
        return false;
    }

    public static string Choices<TKind>() where TKind : struct, Enum =>
        string.Join(", ", Enum.GetValues<TKind>().Select(k => k.ToString()));

    private static string Key(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
