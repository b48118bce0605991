using System.Globalization;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The director reads the performance dashboard on the demo council: from the home page, for one team and a shorter period
/// (weekly points), and on from a figure to the children behind it; sees when the figures were computed and the
/// escalation figures, which link to the escalations for the director; with JavaScript on and off.
/// </summary>
public sealed class PerformanceDashboardJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Director = "david.clarke@northbridge.example";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheDirector_OpensTheDashboard_ChangesTeamAndPeriod_AndFollowsAFigureToItsList(bool javaScript)
    {
        var page = await app.NewPageAsync(javaScript);
        await app.SignInAsync(page, Director);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Performance", Exact = true }).ClickAsync();
        await app.WaitForPageAsync(page, "/performance");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Performance");
        (await page.GetByTestId("showing").InnerTextAsync()).ShouldContain("whole service");
        (await page.Locator("[data-testid='chart-contacts'] tbody tr").CountAsync()).ShouldBe(13);
        (await page.Locator("[data-testid='chart-caseloads'] tbody tr").CountAsync()).ShouldBe(13);
        (await page.Locator("[data-testid='chart-agency-share'] tbody tr").CountAsync()).ShouldBe(13);
        (await page.GetByTestId("figures-as-at").InnerTextAsync()).ShouldStartWith("Figures as at");
        (await page.Locator("[data-testid='escalations-by-outcome'] a").CountAsync()).ShouldBeGreaterThan(0, "the director answers escalations");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);

        foreach (var (field, day) in new[] { ("From", new DateOnly(2026, 2, 2)), ("To", new DateOnly(2026, 3, 1)) })
        {
            await page.Locator($"[name='{field}.Day']").FillAsync(day.Day.ToString(CultureInfo.InvariantCulture));
            await page.Locator($"[name='{field}.Month']").FillAsync(day.Month.ToString(CultureInfo.InvariantCulture));
            await page.Locator($"[name='{field}.Year']").FillAsync(day.Year.ToString(CultureInfo.InvariantCulture));
        }
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Core.Seeding.DemoAccounts.FrontDoorTeam });
        var before = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url != before);

        (await page.GetByTestId("showing").InnerTextAsync()).ShouldBe($"2 February 2026 to 1 March 2026, {Core.Seeding.DemoAccounts.FrontDoorTeam}");
        (await page.Locator("[data-testid='chart-contacts'] tbody tr").CountAsync()).ShouldBe(4, "four weeks from Monday 2 February");

        await page.GotoAsync("/performance?From.Day=2&From.Month=2&From.Year=2026&To.Day=2&To.Month=3&To.Year=2026");
        var figure = page.Locator("[data-testid='chart-contacts'] tbody a").Filter(new() { HasNotText = "0" }).First;
        var count = (await figure.InnerTextAsync()).Trim();
        await figure.ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => new Uri(url).AbsolutePath == "/performance/contacts/list");

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Contacts received");
        (await page.GetByTestId("list-figure").InnerTextAsync()).Trim().ShouldBe(count);
        (await page.Locator("[data-testid='measure-list'] tbody tr").CountAsync()).ShouldBe(int.Parse(count, CultureInfo.InvariantCulture));
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);
    }
}
