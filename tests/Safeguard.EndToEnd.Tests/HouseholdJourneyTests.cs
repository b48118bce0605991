using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A worker hears that a child has moved, records the new address from the child's record (first with a slip in the
/// postcode), and finds the move in the chronology, with JavaScript on and off.
/// </summary>
public sealed class HouseholdJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true, "Kai")]
    [InlineData(false, "Leo")]
    public async Task AMoveRecordedFromTheChildsRecord_IsTheirAddress_AndInTheirChronology(bool javaScript, string given)
    {
        var child = await app.DemoChildIdAsync(given);
        var page = await app.NewPageAsync(javaScript);
        await app.SignInAsync(page, "sam.okafor@northbridge.example");
        await page.GotoAsync($"/children/{child}");

        await page.GetByTestId("change-address").ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.EndsWith($"/children/{child}/address"));
        await page.GetByLabel("Address line 1").FillAsync("Flat 4, 27 Riverside Court");
        await page.GetByLabel("Town or city").FillAsync("Northbridge");
        await page.GetByLabel("Postcode").FillAsync("NB4 QQ");
        await page.Locator("[name='MovedOn.Day']").FillAsync("23");
        await page.Locator("[name='MovedOn.Month']").FillAsync("2");
        await page.Locator("[name='MovedOn.Year']").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new address" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a real postcode, like NB1 4QT");
        await Assertions.Expect(page.GetByLabel("Address line 1")).ToHaveValueAsync("Flat 4, 27 Riverside Court");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);
        await page.GetByLabel("Postcode").FillAsync("NB4 7QQ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new address" }).ClickAsync();

        await BrowserFixture.WaitForPageAsync(page, url => url.EndsWith($"/children/{child}"));
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Address changed");
        await Assertions.Expect(page.GetByTestId("address")).ToContainTextAsync("Flat 4, 27 Riverside Court, Northbridge, NB4 7QQ");

        await page.GetByTestId("chronology-link").ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains($"/children/{child}/chronology"));
        var chronology = page.GetByTestId("chronology");
        await Assertions.Expect(chronology).ToContainTextAsync("Moved to Flat 4, 27 Riverside Court, Northbridge, NB4 7QQ on 23 February 2026");
        await Assertions.Expect(chronology).ToContainTextAsync("Household and address");
    }
}
