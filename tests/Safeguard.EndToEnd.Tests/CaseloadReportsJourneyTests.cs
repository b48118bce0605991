using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Core.Allocation;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A service manager's caseload reports as she uses them, on the demo council: the allocations outside the rules (reached from
/// the service caseloads page, filtered by team and period, downloaded, and on to a child's record) with JavaScript on and
/// off; the children with three or more workers in twelve months, at any page number; and both pages refused to a worker.
/// </summary>
public sealed class CaseloadReportsJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string ServiceManager = "helen.price@northbridge.example";
    private const string Exceptions = "/caseloads/exceptions";

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A line of a CSV file as the download writes it: every cell quoted.</summary>
    private static string Csv(params string[] cells) => string.Join(',', cells.Select(c => $"\"{c}\""));

    private static ILocator Rows(IPage page) => page.Locator("[data-testid=exceptions] tbody tr");

    private static async Task<string> TextAsync(IPage page, string testId) => await page.GetByTestId(testId).InnerTextAsync();

    /// <summary>Fills in the filter and presses its button; waits for the page at the address the form leads to.</summary>
    private static async Task ShowAsync(IPage page, string team, DateOnly? from = null, DateOnly? to = null)
    {
        foreach (var (field, day) in new[] { ("From", from), ("To", to) })
        {
            if (day is not { } d) continue;
            await page.Locator($"[name='{field}.Day']").FillAsync(d.Day.ToString(CultureInfo.InvariantCulture));
            await page.Locator($"[name='{field}.Month']").FillAsync(d.Month.ToString(CultureInfo.InvariantCulture));
            await page.Locator($"[name='{field}.Year']").FillAsync(d.Year.ToString(CultureInfo.InvariantCulture));
        }
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = team });
        var before = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Show allocations" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url != before);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AServiceManager_FindsTheAllocationsOutsideTheRules_FiltersThem_DownloadsThem_AndOpensAChild(bool javaScript)
    {
        var harvey = await app.DemoChildIdAsync("Harvey");
        var poppy = await app.DemoChildIdAsync("Poppy");
        string capacityReason, overrideReason;
        List<DateOnly> recorded;
        await using (var db = app.CreateDbContext())
        {
            capacityReason = await db.CaseAllocations.Where(a => a.PersonId == harvey && a.CapacityReason != null).Select(a => a.CapacityReason!).SingleAsync();
            overrideReason = await db.CaseAllocations.Where(a => a.PersonId == poppy && a.CompetenceOverrideReason != null)
                .Select(a => a.CompetenceOverrideReason!).SingleAsync();
            // The report reads the days from the events that recorded the allocations.
            var (competence, capacity) = (CompetenceOverridden.Name, AllocatedOverCapacity.Name);
            recorded = (await db.Events.Where(e => e.Type == competence || e.Type == capacity)
                .Select(e => e.OccurredAt).ToListAsync()).Select(TimeLimits.UkDay).ToList();
        }
        var (first, last) = (recorded.Min(), recorded.Max());
        var page = await app.NewPageAsync(javaScript);
        await app.SignInAsync(page, ServiceManager);

        await page.GotoAsync("/caseloads/service");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);
        (await TextAsync(page, "exceptions-link")).ShouldContain("1 competence override and 1 allocation beyond capacity in the last 3 months");
        await page.GetByRole(AriaRole.Link, new() { Name = "see allocations outside the rules" }).ClickAsync();
        await app.WaitForPageAsync(page, Exceptions);

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Allocations outside the rules");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);
        (await TextAsync(page, "competence-total")).ShouldBe("1");
        (await TextAsync(page, "capacity-total")).ShouldBe("1");
        (await Rows(page).CountAsync()).ShouldBe(2);
        var beyond = await Rows(page).Filter(new() { HasText = "Harvey Collins" }).InnerTextAsync();
        beyond.ShouldContain("Beyond capacity");
        beyond.ShouldContain("Load after: 12.5 of 12");
        beyond.ShouldContain("Sophie Turner");
        beyond.ShouldContain(capacityReason);
        var overridden = await Rows(page).Filter(new() { HasText = "Poppy Walsh" }).InnerTextAsync();
        overridden.ShouldContain("Competence override");
        overridden.ShouldContain("Child protection work, overridden by Helen Price:");
        overridden.ShouldContain("Child protection: section 47 enquiries training is not current");
        overridden.ShouldContain("Ravi Kumar");
        overridden.ShouldContain(overrideReason);

        await ShowAsync(page, DemoAccounts.AssessmentTeam);
        (await page.Locator("main h2").First.InnerTextAsync()).ShouldEndWith($", {DemoAccounts.AssessmentTeam}");
        (await TextAsync(page, "exceptions-none")).ShouldBe("No allocations were made outside the rules in this period.");

        await ShowAsync(page, DemoAccounts.ChildProtectionTeam, first.AddMonths(-1), first.AddDays(-1));
        (await page.Locator("main h2").First.InnerTextAsync())
            .ShouldBe($"{Day(first.AddMonths(-1))} to {Day(first.AddDays(-1))}, {DemoAccounts.ChildProtectionTeam}");
        (await TextAsync(page, "exceptions-none")).ShouldBe("No allocations were made outside the rules in this period.");

        await ShowAsync(page, DemoAccounts.ChildProtectionTeam, first, last);
        (await page.Locator("main h2").First.InnerTextAsync()).ShouldBe($"{Day(first)} to {Day(last)}, {DemoAccounts.ChildProtectionTeam}");
        (await Rows(page).Locator("td:nth-child(3)").AllInnerTextsAsync()).ShouldBe(["Harvey Collins", "Poppy Walsh"], ignoreOrder: true);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("exceptions-csv").ClickAsync());
        download.SuggestedFilename.ShouldBe($"allocations-outside-the-rules-{first:yyyy-MM-dd}-to-{last:yyyy-MM-dd}.csv");
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3, string.Join("\n", lines));
        lines[0].ShouldBe(Csv("Allocated", "Kind", "Child", "Child id", "Team", "Worker", "Allocated by", "Overridden by", "Kind of case",
            "Rules broken", "Load after", "Capacity", "Reason", "Still open"));
        var harveyLine = Csv("Beyond capacity", "Harvey Collins", $"{harvey}", "Child Protection Team", "Sophie Turner", "Chloe Adams", "", "", "",
            "12.5", "12", capacityReason, "Yes");
        var poppyLine = Csv("Competence override", "Poppy Walsh", $"{poppy}", "Child Protection Team", "Ravi Kumar", "Chloe Adams", "Helen Price",
            "Child protection", "Child protection: section 47 enquiries training is not current", "", "", overrideReason, "Yes");
        // Each row after the time it was allocated, in either order (both were recorded in the same save).
        lines.Skip(1).Select(l => l[(l.IndexOf("\",\"", StringComparison.Ordinal) + 2)..]).ShouldBe([harveyLine, poppyLine], ignoreOrder: true);

        await page.Locator("[data-testid=exceptions]").GetByRole(AriaRole.Link, new() { Name = "Poppy Walsh" }).ClickAsync();
        await app.WaitForPageAsync(page, $"/children/{poppy}");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Poppy Walsh");
    }

    [Fact]
    public async Task TheChildrenWithThreeOrMoreWorkers_AreListedNewestChangeFirst_AndAPageNumberOutOfRangeShowsTheNearestPage()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, ServiceManager);

        foreach (var path in new[] { "/caseloads/service", "/caseloads/service?pageNumber=999", "/caseloads/service?pageNumber=0" })
        {
            var response = await page.GotoAsync(path);
            await BrowserFixture.WaitForPageAsync(page, _ => true);

            response!.Status.ShouldBe(200, path);
            var rows = page.Locator("[data-testid=many-workers] tbody tr");
            (await rows.Locator("td:first-child").AllInnerTextsAsync()).ShouldBe(["Jayden Watson", "Ellie Watson"], customMessage: path);
            foreach (var row in await rows.AllInnerTextsAsync())
            {
                row.ShouldContain("\t3\tHannah Wright\t", Case.Sensitive, path);
            }
            (await TextAsync(page, "service-totals")).ShouldContain("2\nchildren with 3 or more workers in 12 months", Case.Sensitive, path);
        }
    }

    [Theory]
    [InlineData("sam.okafor@northbridge.example")]
    [InlineData("priya.shah@northbridge.example")]
    public async Task SomeoneWhoDoesNotManageCaseloads_IsRefusedBothReports(string email)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, email);

        foreach (var path in new[] { Exceptions, "/caseloads/service" })
        {
            var response = await page.GotoAsync(path);
            await BrowserFixture.WaitForPageAsync(page, _ => true);

            response!.Status.ShouldBe(403, path);
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("You do not have permission to see this page", path);
            (await page.Locator("main").InnerTextAsync()).ShouldNotContain("Harvey Collins", Case.Sensitive, path);
        }
    }
}
