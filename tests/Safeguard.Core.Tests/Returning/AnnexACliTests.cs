using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Tests.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Returning;

/// <summary>`safeguard returns annex-a` run as a process against a real database of the configured provider.</summary>
public sealed class AnnexACliTests(CalendarCliTests.CliFixture cli) : IClassFixture<CalendarCliTests.CliFixture>
{
    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString];

    [Fact]
    public async Task AnnexA_WritesTheWorkbook_AndSaysWhatItWroteOnOneLine()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext(TimeProvider.System, Actor.System))
        {
            var team = (await TestData.CreateCouncilAsync(db)).Assessment.Id;
            var child = new Person("Maya", "Green", new DateOnly(2017, 4, 2), Sex.Female) { LocalChildId = "NB1" };
            db.People.Add(child);
            db.Referrals.Add(new Referral(child.Id, null, new DateOnly(2025, 10, 1), "2A", team));
            await db.SaveChangesAsync();
        }
        var output = Path.Combine(Path.GetTempPath(), $"annex-a-{Guid.NewGuid():N}.xlsx");
        try
        {
            var result = cli.Run(On(database, "returns", "annex-a", "--from", "2025-04-01", "--to", "2026-03-31", "--output", output));

            result.ExitCode.ShouldBe(0, result.StdErr);
            result.StdOut.ShouldStartWith("Annex A 2025-04-01 to 2026-03-31: list 1 0, list 2 0, list 3 1, list 4 0, list 5 0, list 6 1, list 7 0 rows written to "
                + output + " in ");
            result.StdOut.TrimEnd('\n', '\r').ShouldNotContain("\n");
            using (var document = SpreadsheetDocument.Open(output, false))
            {
                var workbook = document.WorkbookPart!;
                var referrals = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "List 3");
                ((WorksheetPart)workbook.GetPartById(referrals.Id!)).Worksheet.Descendants<Row>().Skip(1).Single()
                    .Elements<Cell>().First().InnerText.ShouldBe("NB1");
            }
            File.Exists(output + ".partial").ShouldBeFalse();
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("2026-02-30", "2026-03-31", "--from: Enter a real date as YYYY-MM-DD, for example 2026-03-31.")]
    [InlineData("2026-04-01", "31/03/2026", "--to: Enter a real date as YYYY-MM-DD, for example 2026-03-31.")]
    [InlineData("2026-04-01", "2026-03-31", "--from: The period's first day must be on or before its last day (--to).")]
    public async Task AnnexA_RefusesDatesThatAreNotAPeriod(string from, string to, string message)
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var output = Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.xlsx");

        var result = cli.Run(On(database, "returns", "annex-a", "--from", from, "--to", to, "--output", output));

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldBe(message + Environment.NewLine);
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public async Task AnnexA_WithoutAnOutput_IsAUsageError()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();

        var result = cli.Run(On(database, "returns", "annex-a", "--from", "2025-04-01", "--to", "2026-03-31"));

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldBe("--output: Enter the .xlsx file to write, for example --output annex-a.xlsx." + Environment.NewLine);
    }
}
