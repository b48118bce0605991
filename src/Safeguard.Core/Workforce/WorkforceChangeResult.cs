namespace Safeguard.Core.Workforce;

/// <summary>
/// The outcome of adding, changing, retiring or reinstating an organisation or team: done, or the problems to show
/// against fields ("" for the whole form). <see cref="Stale"/>: someone else saved a change first.
/// </summary>
public sealed record WorkforceChangeResult(bool Succeeded, IReadOnlyList<(string Field, string Message)> Errors, Guid? Id = null,
    bool Stale = false, bool NotFound = false)
{
    public const string StaleMessage = "Someone else changed this while you were working on it";

    public static WorkforceChangeResult Ok(Guid id) => new(true, [], id);
    public static WorkforceChangeResult Fail(string field, string message) => new(false, [(field, message)]);
    public static WorkforceChangeResult Missing(string what) => new(false, [("", $"There is no such {what}")], NotFound: true);
    public static WorkforceChangeResult Conflict(Guid id) => new(false, [("", StaleMessage)], id, Stale: true);
}

/// <summary>The checks organisations and teams share: name and reason.</summary>
internal static class WorkforceRules
{
    public const int NameMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    public static void CheckName(string? name, string what, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(name)) errors.Add(("Name", $"Enter the {what}'s name"));
        else if (name.Trim().Length > NameMaxLength) errors.Add(("Name", $"Name must be {NameMaxLength} characters or fewer"));
        else if (name.Trim().Length < 2) errors.Add(("Name", "Name must be 2 characters or more"));
    }

    public static void CheckReason(string? reason, bool required, List<(string, string)> errors)
    {
        if (required && string.IsNullOrWhiteSpace(reason)) errors.Add(("Reason", "Enter the reason for the change"));
        else if (reason is not null && reason.Trim().Length > ReasonMaxLength)
            errors.Add(("Reason", $"Reason must be {ReasonMaxLength} characters or fewer"));
    }

    public static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A unique index on the name refused the row: another active one has this name (a race with the check).</summary>
    public static bool IsDuplicateName(Microsoft.EntityFrameworkCore.DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("IX_", StringComparison.Ordinal) == true
        || ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
