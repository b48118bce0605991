using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>Two social workers at one child's record in two browsers, with JavaScript on and off: nobody's change is lost.</summary>
public sealed class PersonEditJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ANameSavedAfterSomeoneElsesChange_ComesBackWithWhatChanged_AndIsSavedOnTheSecondPress(bool javaScript)
    {
        var child = await app.DemoChildIdAsync(javaScript ? "Ellie" : "Amara");
        var sam = await app.NewPageAsync(javaScript);
        var grace = await app.NewPageAsync(javaScript);
        await app.SignInAsync(sam, "sam.okafor@northbridge.example");
        await app.SignInAsync(grace, "grace.lee@northbridge.example");
        var url = $"/children/{child}/names/add";
        await sam.GotoAsync(url);
        await grace.GotoAsync(url);

        await grace.GetByLabel("Also known as (alias)").CheckAsync();
        await grace.GetByLabel("First name").FillAsync($"Gracealias{javaScript}");
        await grace.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(grace, u => u.EndsWith($"/children/{child}"));

        await sam.GetByLabel("A previous name").CheckAsync();
        await sam.GetByLabel("First name").FillAsync($"Samprevious{javaScript}");
        await sam.GetByLabel("Last name").FillAsync("Brook");
        await sam.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();

        var banner = sam.Locator(".govuk-notification-banner");
        await Assertions.Expect(banner).ToContainTextAsync("Someone else changed this while you were working on it");
        await Assertions.Expect(sam.Locator("[data-changed-elsewhere]")).ToContainTextAsync("Grace Lee");
        await Assertions.Expect(sam.GetByLabel("First name")).ToHaveValueAsync($"Samprevious{javaScript}");
        await Assertions.Expect(sam.GetByLabel("Last name")).ToHaveValueAsync("Brook");
        await Assertions.Expect(sam.GetByLabel("A previous name")).ToBeCheckedAsync();

        await sam.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(sam, u => u.EndsWith($"/children/{child}"));
        await using var db = app.CreateDbContext();
        var names = await db.PersonNames.Where(n => n.PersonId == child).Select(n => n.GivenName).ToListAsync();
        names.ShouldContain($"Gracealias{javaScript}");
        names.ShouldContain($"Samprevious{javaScript}");
    }
}
