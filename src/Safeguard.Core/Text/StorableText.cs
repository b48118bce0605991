namespace Safeguard.Core.Text;

/// <summary>
/// Text that can be saved. PostgreSQL cannot keep the NUL character (U+0000) in text and refuses the whole row, so text
/// with one is refused where it is checked, with this message, instead of failing when it is saved.
/// </summary>
public static class StorableText
{
    public const string NulProblem = "contains a NUL character (U+0000), which cannot be saved: remove it";

    public static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);
}
