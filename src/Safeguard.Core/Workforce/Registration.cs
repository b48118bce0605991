using System.Text.RegularExpressions;

namespace Safeguard.Core.Workforce;

/// <summary>Social Work England registration numbers: "SW" followed by digits (e.g. SW123456).</summary>
public static partial class Registration
{
    public const int MaxLength = 20;

    [GeneratedRegex("^SW[0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The number as stored (trimmed, upper case, inner spaces removed), or null when it is not "SW" and digits.</summary>
    public static string? Normalise(string? number)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 40) return null;
        var compact = number.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return Pattern().IsMatch(compact) ? compact : null;
    }

    /// <summary>Registered on <paramref name="day"/>: a valid number whose renewal date has not passed.</summary>
    public static bool IsRegisteredOn(string? number, DateOnly? renewsOn, DateOnly day) =>
        Normalise(number) is not null && renewsOn is { } renews && renews >= day;
}
