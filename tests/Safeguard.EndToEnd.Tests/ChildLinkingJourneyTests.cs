using Microsoft.Playwright;
using Safeguard.Core.People;

namespace Safeguard.EndToEnd.Tests;

/// <summary>Which record a contact's child is linked to, as a front-door worker chooses it, with JavaScript on and off.</summary>
public sealed class ChildLinkingJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly Born = new(2016, 11, 23);

    private async Task<Person> KnownAsync(string given, string family)
    {
        await using var db = app.CreateDbContext();
        var person = new Person(given, family, Born, Sex.Male) { NhsNumber = null };
        person.Addresses.Add(new PersonAddress("7 Orchard Row", "Northbridge", "NB5 8LW", new DateOnly(2020, 3, 1)));
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    private async Task<IPage> WorkerPageAsync(bool javaScript)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, "priya.shah@northbridge.example");
        await page.GotoAsync("/front-door/contacts/new");
        return page;
    }

    private static async Task TypeTheChildAsync(IPage page, string given, string family)
    {
        await page.GetByLabel("First name").FillAsync(given);
        await page.GetByLabel("Last name").FillAsync(family);
        await page.Locator("[name='Form.Children[0].DateOfBirth.Day']").FillAsync(Born.Day.ToString());
        await page.Locator("[name='Form.Children[0].DateOfBirth.Month']").FillAsync(Born.Month.ToString());
        await page.Locator("[name='Form.Children[0].DateOfBirth.Year']").FillAsync(Born.Year.ToString());
        await page.GetByLabel("Address line 1").FillAsync("7 Orchard Row");
        await page.GetByLabel("Postcode").FillAsync("NB5 8LW");
    }

    private static async Task TypeTheRestAsync(IPage page, string concern)
    {
        await page.GetByLabel("Referrer's name").FillAsync("Health visitor");
        await page.GetByLabel("What happened?").FillAsync(concern);
        await page.GetByLabel("Neglect").CheckAsync();
        await page.Locator("[name='Form.InjurySeen'][value='no']").CheckAsync();
        await page.Locator("[name='Form.ImmediateRisk'][value='no']").CheckAsync();
        await page.Locator("[name='Form.ParentsAware'][value='no']").CheckAsync();
        await BrowserFixture.SayItCameInByPhoneAsync(page);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OfferedRecords_MustBeChosenBetween_AndNoneOfTheseIsHonoured(bool javaScript)
    {
        var family = javaScript ? "Ashdown" : "Ashfield";
        var known = await KnownAsync("Wren", family);
        var concern = $"Wren {family} was found alone outside the shop at night ({(javaScript ? "script" : "no script")}).";
        var page = await WorkerPageAsync(javaScript);

        await TypeTheChildAsync(page, "Wren", family);
        if (!javaScript)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Check for existing records" }).ClickAsync();
        }
        var offer = page.Locator("[data-testid=candidates-0]");
        await offer.GetByText($"Wren {family}").WaitForAsync();
        (await offer.InnerTextAsync()).ShouldContain("Strong match");
        (await offer.Locator("input[type=radio]:checked").CountAsync()).ShouldBe(0);
        await TypeTheRestAsync(page, concern);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await summary.WaitForAsync();
        (await summary.InnerTextAsync()).ShouldContain("Select the existing record or 'None of these'");
        (await page.Locator("[data-testid=candidates-0] .govuk-error-message").InnerTextAsync()).ShouldContain("Select the existing record");
        (await page.GetByLabel("What happened?").InputValueAsync()).ShouldBe(concern);

        await page.GetByLabel("None of these: create a new record").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await BrowserFixture.ExpectDecisionPageAsync(page);

        await using var db = app.CreateDbContext();
        var linked = db.ContactChildren.Where(cc => db.Contacts.Any(c => c.Id == cc.ContactId && c.Concern == concern)).Select(cc => cc.PersonId).ToList();
        linked.ShouldHaveSingleItem().ShouldNotBe(known.Id);
    }

    [Fact]
    public async Task ChoosingAKnownChild_FillsInTheirDetails_AndNoneOfTheseGivesBackWhatWasTyped()
    {
        await KnownAsync("Linus", "Ashworth");
        var page = await WorkerPageAsync(javaScript: true);
        await page.GetByLabel("First name").FillAsync("Lino");
        await page.GetByLabel("Last name").FillAsync("Ashworth");
        await page.Locator("[name='Form.Children[0].DateOfBirth.Day']").FillAsync(Born.Day.ToString());
        await page.Locator("[name='Form.Children[0].DateOfBirth.Month']").FillAsync(Born.Month.ToString());
        await page.Locator("[name='Form.Children[0].DateOfBirth.Year']").FillAsync(Born.Year.ToString());
        var offer = page.Locator("[data-testid=candidates-0]");
        await offer.GetByText("Linus Ashworth").WaitForAsync();

        await offer.GetByLabel("Linus Ashworth", new() { Exact = false }).CheckAsync();

        (await page.GetByLabel("First name").InputValueAsync()).ShouldBe("Linus");
        (await page.GetByLabel("Address line 1").InputValueAsync()).ShouldBe("7 Orchard Row");
        (await page.GetByLabel("Postcode").InputValueAsync()).ShouldBe("NB5 8LW");
        (await page.GetByLabel("Male", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue();

        await offer.GetByLabel("None of these: create a new record").CheckAsync();

        (await page.GetByLabel("First name").InputValueAsync()).ShouldBe("Lino");
        (await page.GetByLabel("Address line 1").InputValueAsync()).ShouldBe("");
    }
}
