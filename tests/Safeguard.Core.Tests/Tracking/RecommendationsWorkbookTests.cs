using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Safeguard.Core.Recommendations;

namespace Safeguard.Core.Tests.Tracking;

public sealed class RecommendationsWorkbookTests
{
    [Fact]
    public void Workbook_ReadBack_HasEachRecommendationWithItsStatus_AndEachActionWithItsEvidence()
    {
        var id = Guid.NewGuid();
        var line = new RecommendationLine(id, RecommendationSource.OfstedInspection, "ILACS 2026", new DateOnly(2026, 1, 10),
            "Managers' oversight is recorded", Guid.NewGuid(), "Helen Price", new DateOnly(2026, 4, 30), ShownStatus.Overdue, 1, 2);
        var action = new ExportedAction(id, 1, "Audit supervision records", "Jo Bennett", new DateOnly(2026, 4, 1), ["Audit report", "Team plan"]);
        using var stream = new MemoryStream();

        RecommendationsWorkbook.Write(stream, [line], [action]);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheets = Read(document);
        sheets.Keys.ShouldBe(["Recommendations", "Actions"]);
        sheets["Recommendations"][0].ShouldBe(RecommendationsWorkbook.RecommendationColumns);
        sheets["Recommendations"][1].ShouldBe(["R1", "Ofsted inspection", "ILACS 2026", "2026-01-10", "Managers' oversight is recorded", "Helen Price",
            "2026-04-30", "Overdue", "1", "2"]);
        sheets["Actions"][1].ShouldBe(["R1", "1", "Audit supervision records", "Jo Bennett", "2026-04-01", "Audit report\nTeam plan"]);
    }

    private static Dictionary<string, List<string[]>> Read(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s =>
            ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())
                .ToList());
    }
}
