using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Safeguard.Core.Documents;

/// <summary>
/// An A4 document written top to bottom: text wrapped to the width of the page and carried on to new pages, and, when it
/// is finished, the marking at the head and foot of every page, the child on every page, and "Page N of M".
/// </summary>
internal sealed class PagedDocument : IDisposable
{
    private const double Margin = 56;
    private const double ContentTop = 64;
    private const double ContentBottom = 64;

    private static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(80, 80, 80));
    public static readonly XBrush Red = new XSolidBrush(XColor.FromArgb(0xd4, 0x35, 0x1c));

    private readonly PdfDocument _pdf = new();
    private readonly string _marking;
    private readonly string _foot;
    private XGraphics _gfx = null!;
    private double _y;

    public XFont Title { get; }
    public XFont Heading { get; }
    public XFont Body { get; }
    public XFont BodyBold { get; }
    public XFont Small { get; }
    private XFont MarkingFont { get; }

    /// <param name="title">The document's title, in its properties.</param>
    /// <param name="marking">What the head and foot of every page say (<see cref="DocumentMarking"/>).</param>
    /// <param name="foot">Who the document is about, at the foot of every page.</param>
    /// <param name="producedAt">When it was produced, in its properties.</param>
    public PagedDocument(string title, string marking, string foot, DateTimeOffset producedAt)
    {
        DocumentFonts.Use();
        (_marking, _foot) = (marking, foot);
        _pdf.Info.Title = title;
        _pdf.Info.Creator = "Safeguard";
        _pdf.Info.CreationDate = producedAt.UtcDateTime;
        _pdf.Info.ModificationDate = producedAt.UtcDateTime;
        _pdf.Options.CompressContentStreams = true;
        Title = new XFont(DocumentFonts.Family, 20, XFontStyleEx.Bold);
        Heading = new XFont(DocumentFonts.Family, 13, XFontStyleEx.Bold);
        Body = new XFont(DocumentFonts.Family, 10);
        BodyBold = new XFont(DocumentFonts.Family, 10, XFontStyleEx.Bold);
        Small = new XFont(DocumentFonts.Family, 8.5);
        MarkingFont = new XFont(DocumentFonts.Family, 9, XFontStyleEx.Bold);
        NewPage();
    }

    private double Width => _gfx.PageSize.Width - 2 * Margin;

    private double Limit => _gfx.PageSize.Height - ContentBottom;

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = _pdf.AddPage();
        page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _y = ContentTop;
    }

    public void Gap(double points) => _y += points;

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one (a heading kept with what follows it).</summary>
    public void KeepTogether(double height)
    {
        if (_y + height > Limit && _y > ContentTop) NewPage();
    }

    public double LineHeight(XFont font) => font.GetHeight() * 1.2;

    /// <summary>Text wrapped to the page (its own line breaks kept), carried on to the next page where it does not fit.</summary>
    public void Paragraph(string text, XFont font, XBrush? brush = null, double indent = 0)
    {
        foreach (var line in Wrap(text, font, Width - indent)) Line(line, font, brush ?? XBrushes.Black, indent);
    }

    public void Muted(string text, double indent = 0) => Paragraph(text, Small, Grey, indent);

    /// <summary>A label and its value beside it, the value wrapped in its column; a label too wide for its column has a line of its own.</summary>
    public void Field(string label, string value, double labelWidth = 150)
    {
        KeepTogether(2 * LineHeight(Body));
        if (_gfx.MeasureString(label, BodyBold).Width > labelWidth - 8) Paragraph(label, BodyBold);
        else _gfx.DrawString(label, BodyBold, XBrushes.Black, new XRect(Margin, _y, labelWidth, LineHeight(Body)), XStringFormats.TopLeft);
        foreach (var line in Wrap(value, Body, Width - labelWidth)) Line(line, Body, XBrushes.Black, labelWidth);
    }

    /// <summary>A thin line across the page, between entries.</summary>
    public void Rule()
    {
        KeepTogether(6);
        _gfx.DrawLine(new XPen(XColor.FromArgb(180, 180, 180), 0.5), Margin, _y + 3, Margin + Width, _y + 3);
        _y += 8;
    }

    private void Line(string text, XFont font, XBrush brush, double indent)
    {
        var height = LineHeight(font);
        if (_y + height > Limit) NewPage();
        if (text.Length > 0) _gfx.DrawString(text, font, brush, new XRect(Margin + indent, _y, Width - indent, height), XStringFormats.TopLeft);
        _y += height;
    }

    /// <summary>The lines of <paramref name="text"/> no wider than <paramref name="width"/>; a word longer than a line is broken where it must be.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var space = _gfx.MeasureString(" ", font).Width;
        foreach (var paragraph in text.Replace("\r\n", "\n").Replace('\t', ' ').Split('\n'))
        {
            var line = "";
            var used = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var rest = word;
                var wide = _gfx.MeasureString(rest, font).Width;
                if (line.Length > 0 && used + space + wide <= width)
                {
                    (line, used) = (line + " " + rest, used + space + wide);
                    continue;
                }
                if (line.Length > 0) lines.Add(line);
                while (wide > width)
                {
                    var fits = Fitting(rest, font, width);
                    lines.Add(rest[..fits]);
                    rest = rest[fits..];
                    wide = _gfx.MeasureString(rest, font).Width;
                }
                (line, used) = (rest, wide);
            }
            lines.Add(line);
        }
        return lines;
    }

    private int Fitting(string word, XFont font, double width)
    {
        var count = 1;
        while (count < word.Length && _gfx.MeasureString(word[..(count + 1)], font).Width <= width) count++;
        return count;
    }

    /// <summary>Marks every page, numbers it, and returns the PDF's bytes.</summary>
    public byte[] Finish()
    {
        _gfx.Dispose();
        var count = _pdf.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _pdf.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var (width, height) = (page.Width.Point, page.Height.Point);
            gfx.DrawString(_marking, MarkingFont, XBrushes.Black, new XRect(0, 24, width, 14), XStringFormats.TopCenter);
            gfx.DrawString(_marking, MarkingFont, XBrushes.Black, new XRect(0, height - 30, width, 14), XStringFormats.TopCenter);
            gfx.DrawString(_foot, Small, Grey, new XRect(Margin, height - 46, width - 2 * Margin, 12), XStringFormats.TopLeft);
            gfx.DrawString($"Page {i + 1} of {count}", Small, Grey, new XRect(Margin, height - 46, width - 2 * Margin, 12), XStringFormats.TopRight);
        }
        using var stream = new MemoryStream();
        _pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _pdf.Dispose();
    }
}
