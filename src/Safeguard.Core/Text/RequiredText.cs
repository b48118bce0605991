namespace Safeguard.Core.Text;

/// <summary>Free text a form must have: present, and at most a length once trimmed.</summary>
public static class RequiredText
{
    /// <summary>Adds <paramref name="missing"/>, or a length message, against <paramref name="field"/> when the text is blank or too long.</summary>
    public static void Check(string field, string? text, int maxLength, string missing, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Add((field, missing));
        else if (text.Trim().Length > maxLength) errors.Add((field, $"This must be {maxLength:N0} characters or fewer"));
    }
}
