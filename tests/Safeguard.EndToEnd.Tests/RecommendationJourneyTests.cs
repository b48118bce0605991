using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A service manager adds a recommendation from a practice review, adds an action with evidence and completes it; the
/// director's summary counts it completed. With JavaScript on and off.
/// </summary>
public sealed class RecommendationJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AServiceManager_AddsARecommendation_AnActionWithEvidence_AndCompletesIt_AndTheSummaryShowsItCompleted(bool javaScript)
    {
        var page = await app.NewPageAsync(javaScript);
        await app.SignInAsync(page, "helen.price@northbridge.example");
        await page.GotoAsync("/recommendations/summary");
        var completedBefore = int.Parse(await CompletedCountAsync(page));

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Review recommendations" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a recommendation" }).ClickAsync();
        await page.GetByLabel("Child safeguarding practice review").CheckAsync();
        await page.GetByLabel("Name or reference of the review, inspection or audit").FillAsync(javaScript ? "CSPR Child K" : "CSPR Child L");
        await page.Locator("[name='SourceDate.Day']").FillAsync("10");
        await page.Locator("[name='SourceDate.Month']").FillAsync("2");
        await page.Locator("[name='SourceDate.Year']").FillAsync("2026");
        await page.Locator("textarea[name=Text]").FillAsync("Health visitors are invited to every strategy discussion about a baby.");
        await page.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Helen Price" });
        await page.Locator("[name='DueOn.Day']").FillAsync("29");
        await page.Locator("[name='DueOn.Month']").FillAsync("5");
        await page.Locator("[name='DueOn.Year']").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the recommendation" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).ClickAsync();
        await page.Locator("textarea[name=Text]").FillAsync("Add health visiting to the strategy discussion invitation list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add evidence" }).ClickAsync();
        await page.Locator("textarea[name=Text]").FillAsync("Invitation list updated; three discussions since included a health visitor");
        await page.GetByLabel("Link (optional)").FillAsync("/oversight/backlog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the evidence" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.GetByTestId("evidence").InnerTextAsync()).ShouldContain("Invitation list updated");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the status" }).ClickAsync();
        await page.GetByLabel("Completed, with evidence").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the status" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.GetByTestId("status").InnerTextAsync()).Trim().ShouldBe("Completed");
        (await page.GetByTestId("history").InnerTextAsync()).ShouldContain("Completed, with 1 piece of evidence");

        await page.GotoAsync("/recommendations/summary");
        int.Parse(await CompletedCountAsync(page)).ShouldBe(completedBefore + 1);
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);
    }

    private static async Task<string> CompletedCountAsync(IPage page) =>
        (await page.Locator("[data-testid=by-status] tr[data-status=Completed] td").InnerTextAsync()).Trim();
}
