using System.Text;

namespace Safeguard.Core.Attachments;

/// <summary>
/// A file's name as it is shown and offered on download: the last part of whatever path the browser sent, without
/// control characters or characters that are not allowed in file names, at most 255 characters (the extension kept).
/// It is never used to store the file: stores use keys of their own.
/// </summary>
public static class AttachmentFileNames
{
    private const string Refused = "<>:\"/\\|?*";

    public static string Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var last = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c)) kept.Append(' ');
            else if (!char.IsControl(c) && !Refused.Contains(c)) kept.Append(c);
        }
        var cleaned = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (cleaned.Length <= Attachment.FileNameMaxLength) return cleaned;
        var extension = AttachmentTypes.Extension(cleaned);
        var suffix = extension.Length is > 0 and <= 10 ? "." + extension : "";
        var stem = Text.Clip.ToLength(cleaned, Attachment.FileNameMaxLength - suffix.Length);
        return stem.TrimEnd('.', ' ') + suffix;
    }
}
