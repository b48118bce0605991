using System.Globalization;
using System.Text;
using System.Xml;

namespace Safeguard.Core.Returns.AnnexA;

/// <summary>
/// One list's worksheet written row by row into a temporary file, so a list of any length costs the same memory;
/// <see cref="AnnexAWorkbook"/> puts the finished sheets into the workbook. The heading row is bold and frozen; dates are
/// Excel dates shown dd/mm/yyyy, counts are numbers, everything else inline text. The worksheet XML is written with a plain
/// <see cref="XmlWriter"/>, markup for markup what the Open XML SDK's <c>OpenXmlWriter</c> wrote with an element object
/// per cell: a large council's Annex A is some three million cells, and building those objects was most of the export's time.
/// </summary>
internal sealed class AnnexASheet : IDisposable
{
    private const string Prefix = "x";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Excel's day 0 (its serial dates count from here; 1900's phantom 29 February only matters before March 1900).</summary>
    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;

    private static readonly string DateStyle = AnnexAWorkbook.DateStyle.ToString(CultureInfo.InvariantCulture);

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(true), CloseOutput = false };

    private readonly FileStream spool;
    private readonly XmlWriter writer;
    private bool ended;

    public AnnexASheet(AnnexAList list)
    {
        List = list;
        spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        writer = XmlWriter.Create(spool, Settings);
        writer.WriteStartDocument();
        writer.WriteStartElement(Prefix, "worksheet", Main);
        writer.WriteStartElement(Prefix, "sheetViews", Main);
        writer.WriteStartElement(Prefix, "sheetView", Main);
        writer.WriteAttributeString("workbookViewId", "0");
        writer.WriteStartElement(Prefix, "pane", Main);
        writer.WriteAttributeString("ySplit", "1");
        writer.WriteAttributeString("topLeftCell", "A2");
        writer.WriteAttributeString("activePane", "bottomLeft");
        writer.WriteAttributeString("state", "frozen");
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement(Prefix, "sheetData", Main);
        writer.WriteStartElement(Prefix, "row", Main);
        foreach (var heading in list.Headings) Text(heading, AnnexAWorkbook.BoldStyle);
        writer.WriteEndElement();
    }

    public AnnexAList List { get; }

    /// <summary>Rows written below the headings.</summary>
    public int Rows { get; private set; }

    /// <summary>Writes a row: each value a string (text), a <see cref="DateOnly"/> (date), an int (number) or null (blank).</summary>
    public void Row(params object?[] values)
    {
        if (values.Length != List.Headings.Count) throw new ArgumentException($"{List.SheetName} has {List.Headings.Count} columns, not {values.Length}.");
        writer.WriteStartElement(Prefix, "row", Main);
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    writer.WriteStartElement(Prefix, "c", Main);
                    writer.WriteEndElement();
                    break;
                case DateOnly day:
                    Value(day.DayNumber - ExcelEpoch, "s", DateStyle);
                    break;
                case int number:
                    Value(number, "t", "n");
                    break;
                default:
                    Text(value.ToString()!, null);
                    break;
            }
        }
        writer.WriteEndElement();
        Rows++;
    }

    /// <summary>Finishes the sheet and gives its XML from the start.</summary>
    public Stream Finish()
    {
        if (!ended)
        {
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
            // Closed now: the workbook disposes the stream given back once it has copied it.
            writer.Close();
            ended = true;
        }
        spool.Position = 0;
        return spool;
    }

    public void Dispose()
    {
        writer.Dispose();
        spool.Dispose();
    }

    private void Value(int number, string attribute, string attributeValue)
    {
        writer.WriteStartElement(Prefix, "c", Main);
        writer.WriteAttributeString(attribute, attributeValue);
        writer.WriteStartElement(Prefix, "v", Main);
        writer.WriteString(number.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private void Text(string text, uint? style)
    {
        writer.WriteStartElement(Prefix, "c", Main);
        if (style is { } s) writer.WriteAttributeString("s", s.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("t", "inlineStr");
        writer.WriteStartElement(Prefix, "is", Main);
        writer.WriteElementString(Prefix, "t", Main, text);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
