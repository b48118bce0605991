using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguard.Core.Recommendations;

/// <summary>
/// The tracker as a spreadsheet (xlsx): a sheet of recommendations with their current status (overdue worked out as on
/// the pages) and a sheet of their actions with the evidence of each. Text cells only, written inline, so any
/// spreadsheet program reads it.
/// </summary>
public static class RecommendationsWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] RecommendationColumns =
        ["Reference", "Source", "Source name or reference", "Source date", "Recommendation", "Owner", "Due date", "Status", "Actions", "Evidence"];

    public static readonly string[] ActionColumns =
        ["Recommendation reference", "Action", "Action text", "Owner", "Due date", "Evidence"];

    public static void Write(Stream output, IReadOnlyList<RecommendationLine> recommendations, IReadOnlyList<ExportedAction> actions)
    {
        var references = recommendations.Select((r, i) => (r.Id, Ref: Reference(i))).ToDictionary(x => x.Id, x => x.Ref);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        AddSheet(workbook, 1, "Recommendations", RecommendationColumns, recommendations.Select(r => new[]
        {
            references[r.Id], r.Source.Words(), r.SourceName, Day(r.SourceDate), r.Text, r.OwnerName, Day(r.DueOn), r.Status.Words(),
            r.Actions.ToString(), r.Evidence.ToString(),
        }));
        AddSheet(workbook, 2, "Actions", ActionColumns, actions.Where(a => references.ContainsKey(a.RecommendationId)).Select(a => new[]
        {
            references[a.RecommendationId], a.Number.ToString(), a.Text, a.OwnerName ?? "", a.DueOn is { } d ? Day(d) : "", string.Join("\n", a.Evidence),
        }));
        workbook.Workbook.Save();
    }

    /// <summary>R1, R2… in the order of the list (soonest due first), linking the two sheets.</summary>
    public static string Reference(int index) => $"R{index + 1}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static void AddSheet(WorkbookPart workbook, uint id, string name, string[] header, IEnumerable<string[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(header));
        foreach (var row in rows) data.Append(Row(row));
        part.Worksheet = new Worksheet(data);
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row Row(IEnumerable<string> values) =>
        new(values.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(v)) { Space = SpaceProcessingModeValues.Preserve }) }));

    /// <summary>Characters XML cannot hold are dropped; a cell holds at most 32,767 characters.</summary>
    private static string Clean(string value)
    {
        var text = new string(value.Where(c => XmlConvertible(c)).ToArray());
        return Text.Clip.ToLength(text, 32767);
    }

    private static bool XmlConvertible(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
}
