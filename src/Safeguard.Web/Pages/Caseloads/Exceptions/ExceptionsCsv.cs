using System.Globalization;
using System.Text;
using Safeguard.Core.Allocation;
using Safeguard.Core.Workforce;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Caseloads.Exceptions;

/// <summary>The rows of the allocations outside the rules page as a CSV file, one line each, columns as the page shows them.</summary>
public static class ExceptionsCsv
{
    /// <summary>Rows read at a time for the file.</summary>
    public const int PageSize = 1000;

    private static readonly string[] Header =
    [
        "Allocated", "Kind", "Child", "Child id", "Team", "Worker", "Allocated by", "Overridden by", "Kind of case", "Rules broken",
        "Load after", "Capacity", "Reason", "Still open",
    ];

    public static byte[] Write(IEnumerable<AllocationException> rows)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var r in rows)
        {
            Line(csv, [
                DueTime.Local(r.AllocatedAt), Words(r.Kind), r.ChildName, r.PersonId.ToString(), r.TeamName, r.WorkerName, r.ManagerName,
                r.OverriddenBy ?? "", r.CaseKind?.Words() ?? "", string.Join("; ", r.RulesBroken),
                r.LoadAfter is { } load ? CaseloadWords.Load(load) : "", r.Capacity is { } capacity ? CaseloadWords.Load(capacity) : "",
                r.Reason, r.IsOpen ? "Yes" : "No",
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Words(AllocationExceptionKind kind) => kind switch
    {
        AllocationExceptionKind.CompetenceOverride => "Competence override",
        _ => "Beyond capacity",
    };

    private static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    /// <summary>Quoted; and text a spreadsheet would run as a formula (typed reasons) starts with an apostrophe.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
