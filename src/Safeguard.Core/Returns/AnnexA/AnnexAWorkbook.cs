using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguard.Core.Returns.AnnexA;

/// <summary>
/// Puts finished sheets into an .xlsx workbook, in order, streamed: the package is opened for writing only, so each sheet
/// is compressed into the file as it is copied and none is held in memory.
/// </summary>
internal static class AnnexAWorkbook
{
    public const uint DateStyle = 1;
    public const uint BoldStyle = 2;

    public static void Write(Stream output, IReadOnlyList<AnnexASheet> sheets)
    {
        using var package = Package.Open(output, FileMode.Create, FileAccess.Write);
        using var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var sheetList = new Sheets();
        uint number = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            using (var xml = sheet.Finish()) part.FeedData(xml);
            sheetList.Append(new Sheet { Name = sheet.List.SheetName, SheetId = number++, Id = workbook.GetIdOfPart(part) });
        }
        workbook.Workbook = new Workbook(sheetList);
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
}
