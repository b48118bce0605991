namespace Safeguard.Core.Recommendations;

/// <summary>
/// What an evidence link points at: a child's record (typed as its id, or as its address <c>/children/{id}</c>), or
/// another Safeguard page (an address starting with one "/"). Anything else, e.g. another website, is refused.
/// </summary>
public sealed record EvidenceLink(Guid? PersonId, string? Path)
{
    public static bool TryParse(string? typed, out EvidenceLink? link)
    {
        link = null;
        var text = typed?.Trim() ?? "";
        if (text.Length == 0) return true;
        if (Guid.TryParse(text, out var id))
        {
            link = new EvidenceLink(id, null);
            return true;
        }
        if (!text.StartsWith('/') || text.StartsWith("//") || text.Contains('\\') || text.Any(char.IsWhiteSpace)) return false;
        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        link = segments is ["children", var child, ..] && Guid.TryParse(child, out var personId) && segments.Length == 2
            ? new EvidenceLink(personId, null)
            : new EvidenceLink(null, text);
        return true;
    }
}
