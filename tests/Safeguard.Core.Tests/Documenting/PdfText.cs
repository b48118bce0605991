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

    /// <summary>True when no two words of a page overlap (a label drawn over its value, a line over the page's foot).</summary>
    public static bool NothingOverlaps(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            var boxes = page.GetWords().Select(w => w.BoundingBox).ToList();
            for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var width = Math.Min(boxes[i].Right, boxes[j].Right) - Math.Max(boxes[i].Left, boxes[j].Left);
                var height = Math.Min(boxes[i].Top, boxes[j].Top) - Math.Max(boxes[i].Bottom, boxes[j].Bottom);
                if (width > 0.5 && height > 0.5) return false;
            }
        }
        return true;
    }
}
