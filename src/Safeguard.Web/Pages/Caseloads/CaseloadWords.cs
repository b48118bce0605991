using Safeguard.Core.Workforce;

namespace Safeguard.Web.Pages.Caseloads;

/// <summary>How the caseload pages put numbers and absences into words.</summary>
public static class CaseloadWords
{
    public static string Load(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Annual leave until 6 Mar 2026" when away today; "Annual leave from 9 Mar 2026 to 13 Mar 2026" when next away.</summary>
    public static string? Away(StaffAbsence? absence, DateOnly today) => absence switch
    {
        null => null,
        { } a when a.From <= today => $"{a.Kind.Words()} until {Day(a.To)}",
        { } a => $"{a.Kind.Words()} from {Day(a.From)} to {Day(a.To)}",
    };

    public static bool AwayOn(StaffAbsence? absence, DateOnly today) => absence is { } a && a.From <= today && a.To >= today;

    /// <summary>"3 of 8 (38%)", or "None holding cases".</summary>
    public static string Share(int part, int whole, int? percent) => percent is null ? "No one holds cases" : $"{part} of {whole} ({percent}%)";
}
