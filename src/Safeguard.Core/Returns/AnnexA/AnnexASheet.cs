using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguard.Core.Returns.AnnexA;

/// <summary>
/// One list's worksheet written row by row with <see cref="OpenXmlWriter"/> into a temporary file, so a list of any
/// length costs the same memory; <see cref="AnnexAWorkbook"/> puts the finished sheets into the workbook. The heading row
/// is bold and frozen; dates are Excel dates shown dd/mm/yyyy, counts are numbers, everything else text.
/// </summary>
internal sealed class AnnexASheet : IDisposable
{
    private readonly FileStream spool;
    private readonly OpenXmlWriter writer;
    private bool ended;

    public AnnexASheet(AnnexAList list)
    {
        List = list;
        spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        writer = OpenXmlWriter.Create(spool);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
        writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row());
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
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    writer.WriteElement(new Cell());
                    break;
                case DateOnly day:
                    writer.WriteElement(new Cell(new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate())) { StyleIndex = AnnexAWorkbook.DateStyle });
                    break;
                case int number:
                    writer.WriteElement(new Cell(new CellValue(number)) { DataType = CellValues.Number });
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
            writer.Close();
            ended = true;
        }
        spool.Position = 0;
        return spool;
    }

    public void Dispose()
    {
        if (!ended) writer.Dispose();
        spool.Dispose();
    }

    private void Text(string text, uint? style)
    {
        var cell = new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text))) { DataType = CellValues.InlineString };
        if (style is { } s) cell.StyleIndex = s;
        writer.WriteElement(cell);
    }
}
