using System.Xml.Linq;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Tests.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Returning;

/// <summary>`safeguard returns cin-census` run as a process against a real database of the configured provider.</summary>
public sealed class CinCensusCliTests(CalendarCliTests.CliFixture cli) : IClassFixture<CalendarCliTests.CliFixture>
{
    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString];

    [Fact]
    public async Task CinCensus_WritesTheFile_AndSaysWhatItWroteOnOneLine()
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
        var output = Path.Combine(Path.GetTempPath(), $"cin-census-{Guid.NewGuid():N}.xml");
        try
        {
            var result = cli.Run(On(database, "returns", "cin-census", "--year", "2026", "--output", output));

            result.ExitCode.ShouldBe(0, result.StdErr);
            result.StdOut.ShouldStartWith("CIN census 2025-26 (reference date 2026-03-31): 1 child, 1 CIN episode written to " + output + " in ");
            result.StdOut.TrimEnd('\n', '\r').ShouldNotContain("\n");
            var census = XDocument.Load(output);
            census.Root!.Element("Children")!.Elements("Child").Single().Element("ChildIdentifiers")!.Element("LAchildID")!.Value.ShouldBe("NB1");
            File.Exists(output + ".partial").ShouldBeFalse();
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task CinCensusCheck_ListsEachFailedRule_WithHowManyChildren_OrTheWholeReturn()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext(TimeProvider.System, Actor.System))
        {
            var team = (await TestData.CreateCouncilAsync(db)).Assessment.Id;
            var child = new Person("Maya", "Green", new DateOnly(2017, 4, 2), Sex.Female) { LocalChildId = "NB1", Ethnicity = "WBRI", Disabilities = "NONE" };
            db.People.Add(child);
            db.Referrals.Add(new Referral(child.Id, null, new DateOnly(2025, 10, 1), "2A", team));
            await db.SaveChangesAsync();
        }
        var output = Path.Combine(Path.GetTempPath(), $"cin-census-{Guid.NewGuid():N}.xml");
        try
        {
            var result = cli.Run(On(database, "returns", "cin-census", "--year", "2026", "--output", output, "--check"));

            result.ExitCode.ShouldBe(0, result.StdErr);
            var lines = result.StdOut.TrimEnd().Split(Environment.NewLine);
            lines[1].ShouldBe($"Checked against {Core.Returns.Validation.CensusRules.All.Count} of DfE's rules: 1 error, 2 queries");
            lines[2].ShouldBe("8610 Error (1 child, e.g. NB1): Primary Need code is missing for a referral which led to further action.");
            lines[3].ShouldBe("2887Q Query (the whole return): Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return");
            lines[4].ShouldBe("8770Q Query (1 child, e.g. NB1): Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.");
            lines.Length.ShouldBe(5);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task CinCensus_RefusesAYearThatIsNotOne()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();

        var result = cli.Run(On(database, "returns", "cin-census", "--year", "26", "--output", Path.Combine(Path.GetTempPath(), "never.xml")));

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldBe("--year: Enter the year the census ends in, for example 2026 for 1 April 2025 to 31 March 2026." + Environment.NewLine);
    }
}
