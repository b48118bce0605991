using UglyToad.PdfPig;

namespace Safeguard.Core.Tests.Documenting;

/// <summary>Reads back a PDF we wrote: each page's words, joined by single spaces.</summary>
public static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    /// <summary>True when every word of every page lies inside the page: nothing runs off the edge.</summary>
    public static bool EverythingOnThePage(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().All(p => p.GetWords().All(w =>
            w.BoundingBox.Left >= 0 && w.BoundingBox.Right <= p.Width && w.BoundingBox.Bottom >= 0 && w.BoundingBox.Top <= p.Height));
    }
}
