namespace Safeguard.Core.Text;

/// <summary>
/// Text cut to a length for a column, an event or a screen. The cut never falls between the two halves of a character
/// outside the Basic Multilingual Plane (an emoji, say): half of one is not valid text, and PostgreSQL refuses it.
/// </summary>
public static class Clip
{
    /// <summary>At most <paramref name="max"/> characters: the text itself when it fits, otherwise its start.</summary>
    public static string ToLength(string text, int max) => text.Length <= max ? text : text[..Cut(text, max)];

    /// <summary>
    /// At most <paramref name="max"/> characters, ending in <paramref name="marker"/> ("..." or "…") when the text was
    /// cut, so that a reader knows there was more.
    /// </summary>
    public static string WithMarker(string text, int max, string marker = "...") =>
        text.Length <= max ? text : text[..Cut(text, max - marker.Length)] + marker;

    /// <summary>Where to cut to keep at most <paramref name="length"/> characters, one earlier when it would split a pair.</summary>
    private static int Cut(string text, int length) =>
        length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
}
