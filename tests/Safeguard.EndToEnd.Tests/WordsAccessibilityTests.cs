using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>axe-core finds no WCAG 2.1 A or AA violation on the pages that show words for codes, the search with its
/// dates, the family member form with a refused date of birth, and the navigation with the duplicate review link.</summary>
public sealed class WordsAccessibilityTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PagesWithWordsSearchFamilyFormAndNavigation_HaveNoAxeViolations()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "jo.bennett@northbridge.example");
        var maya = await app.DemoChildIdAsync("Maya");
        var kai = await app.DemoChildIdAsync("Kai");

        foreach (var path in new[] { $"/children/{maya}", $"/children/{kai}", "/front-door", "/oversight/backlog", "/people/duplicates",
                     "/children?q=" + Uri.EscapeDataString("Green 31 May 2019"), "/children?q=Watson" })
        {
            await page.GotoAsync(path);
            await BrowserFixture.WaitForPageAsync(page, _ => true);
            await BrowserFixture.NoAxeViolationsAsync(page);
        }

        await page.GotoAsync($"/children/{maya}/family/add");
        await page.GetByLabel("Parent", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("First name").FillAsync("Ada");
        await page.GetByLabel("Last name").FillAsync("Green");
        await page.Locator("[name='DateOfBirth.Day']").FillAsync("14");
        await page.Locator("[name='DateOfBirth.Month']").FillAsync("2");
        await page.Locator("[name='DateOfBirth.Year']").FillAsync("1800");
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Date of birth must be the same as or after 1 January 1900");
        await BrowserFixture.NoAxeViolationsAsync(page);
    }
}
