using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Core.FrontDoor;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// Forms with more than one button, pressed as people press them, with JavaScript on and off: after a secondary
/// button ("Add another child", "Check for existing records", "Change priority") re-shows the page at its handler's
/// address, the main button still does what it says.
/// </summary>
public sealed class FormButtonJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string FrontDoorWorker = "priya.shah@northbridge.example";
    private const string FrontDoorManager = "jo.bennett@northbridge.example";
    private const string PartnerReferrer = "kate.ward@nhs.example";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TwoSiblings_AddAnotherChild_ThenRecordContact_RecordsBoth_AndDecidingRefersBoth(bool javaScript)
    {
        var family = javaScript ? "Tremlowe" : "Quarrendon";
        var worker = await app.NewPageAsync(javaScript);
        await app.SignInAsync(worker, FrontDoorWorker);
        await worker.GotoAsync("/front-door/contacts/new");
        await FillChildAsync(worker, 0, "Ada", family, "14", "2", "2016", "Female");

        await PressAsync(worker, "Add another child");
        await BrowserFixture.WaitForPageAsync(worker, url => url.EndsWith("?handler=AddChild", StringComparison.Ordinal));
        (await worker.Locator("[name='Form.Children[0].GivenName']").InputValueAsync()).ShouldBe("Ada");
        await FillChildAsync(worker, 1, "Ben", family, "3", "9", "2019", "Male");
        await worker.GetByLabel("Referrer's name").FillAsync("Class teacher");
        await FillConcernAsync(worker, $"Ada and Ben {family} were collected from school by an adult who was drunk.");
        await PressAsync(worker, "Record contact");
        await NoneOfTheOfferedRecordsIfAskedAsync(worker);
        await BrowserFixture.ExpectDecisionPageAsync(worker);

        var main = await worker.Locator("main").InnerTextAsync();
        main.ShouldContain($"Ada {family}");
        main.ShouldContain($"Ben {family}");
        var contactId = Guid.Parse(worker.Url[^36..]);
        await worker.Locator("[name='Outcome'][value='ReferralToSocialCare']").CheckAsync();
        await worker.Locator("[name='Reasons']").FillAsync("Both children were put at risk; an assessment is needed.");
        await PressAsync(worker, "Record decision");
        await app.WaitForPageAsync(worker, "/front-door");

        await using var db = app.CreateDbContext();
        var children = await db.ContactChildren.Where(c => c.ContactId == contactId).Select(c => c.PersonId).ToListAsync();
        children.Count.ShouldBe(2);
        var referred = await db.Referrals.Where(r => r.ContactId == contactId).Select(r => r.PersonId).ToListAsync();
        referred.ShouldBe(children, ignoreOrder: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CheckForExistingRecords_ThenRecordContact_RecordsTheContactAboutTheChosenChild_WithItsLineBreaks(bool javaScript)
    {
        await using var db = app.CreateDbContext();
        var ellie = await db.People.SingleAsync(p => p.GivenName == "Ellie" && p.FamilyName == "Watson");
        var dob = ellie.DateOfBirth!.Value;
        var worker = await app.NewPageAsync(javaScript);
        await app.SignInAsync(worker, FrontDoorWorker);
        await worker.GotoAsync("/front-door/contacts/new");
        await FillChildAsync(worker, 0, "Ellie", "Watson", dob.Day.ToString(), dob.Month.ToString(), dob.Year.ToString(), "Female");

        await PressAsync(worker, "Check for existing records");
        await BrowserFixture.WaitForPageAsync(worker, url => url.EndsWith("?handler=Find", StringComparison.Ordinal));
        var offer = worker.Locator("[data-testid=candidates-0]");
        await offer.GetByLabel("Ellie Watson", new() { Exact = false }).CheckAsync();
        await worker.GetByLabel("Referrer's name").FillAsync("Dinner supervisor");
        await FillConcernAsync(worker, $"Ellie was crying at lunch ({(javaScript ? "on" : "off")}).\nShe said she did not want to go home.");
        await PressAsync(worker, "Record contact");
        await BrowserFixture.ExpectDecisionPageAsync(worker);

        (await worker.Locator("h1").InnerTextAsync()).ShouldContain("Ellie Watson");
        var contactId = Guid.Parse(worker.Url[^36..]);
        (await db.ContactChildren.Where(c => c.ContactId == contactId).Select(c => c.PersonId).SingleAsync()).ShouldBe(ellie.Id);
        // innerText follows the CSS: without white-space: pre-line the line break would read as a space.
        var concern = worker.Locator(".sg-preserve-lines").Filter(new() { HasText = "Ellie was crying at lunch" });
        (await concern.InnerTextAsync()).ShouldContain(").\nShe said she did not want to go home.");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Manager_ChangePriorityWithNothingChosen_ShowsTheError_ThenRecordDecision_RecordsTheDecision(bool javaScript)
    {
        Guid contactId;
        await using (var db = app.CreateDbContext())
        {
            // Not Ellie's: another test here opens a contact about her.
            contactId = await db.Contacts
                .Where(c => c.Status == ContactStatus.AwaitingDecision
                    && !c.Children.Any(ch => db.People.Any(p => p.Id == ch.PersonId && p.GivenName == "Ellie")))
                .OrderBy(c => c.Reference).Skip(javaScript ? 0 : 1).Select(c => c.Id).FirstAsync();
        }
        var manager = await app.NewPageAsync(javaScript);
        await app.SignInAsync(manager, FrontDoorManager);
        await manager.GotoAsync($"/front-door/contacts/{contactId}");

        await PressAsync(manager, "Change priority");
        await BrowserFixture.WaitForPageAsync(manager, url => url.EndsWith("?handler=Priority", StringComparison.Ordinal));
        (await manager.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select the new priority");
        await manager.Locator("[name='Outcome'][value='EarlyHelp']").CheckAsync();
        await manager.Locator("[name='Reasons']").FillAsync("The family asked for help with routines; no one is at risk of harm.");
        await PressAsync(manager, "Record decision");
        await app.WaitForPageAsync(manager, "/front-door");

        await using var after = app.CreateDbContext();
        var contact = await after.Contacts.SingleAsync(c => c.Id == contactId);
        contact.Status.ShouldBe(ContactStatus.Decided);
        contact.Outcome.ShouldBe(ScreeningOutcome.EarlyHelp);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Partner_AddAnotherChild_ThenSendReferral_SendsOneReferralAboutBothChildren(bool javaScript)
    {
        var family = javaScript ? "Pellingham" : "Ockendon";
        var partner = await app.NewPageAsync(javaScript);
        await app.SignInAsync(partner, PartnerReferrer);
        await partner.GotoAsync("/partner/referrals/new");
        await FillChildAsync(partner, 0, "Cara", family, "5", "5", "2020", "Female");

        await PressAsync(partner, "Add another child");
        await BrowserFixture.WaitForPageAsync(partner, url => url.EndsWith("?handler=AddChild", StringComparison.Ordinal));
        await FillChildAsync(partner, 1, "Dan", family, "6", "7", "2023", "Male");
        var concern = $"At the health visit Cara and Dan {family} were unwashed and the flat had no food.";
        await FillConcernAsync(partner, concern);
        await PressAsync(partner, "Send referral");
        await app.WaitForPageAsync(partner, "/partner");

        (await partner.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("sent");
        await using var db = app.CreateDbContext();
        var contact = await db.Contacts.Include(c => c.Children).SingleAsync(c => c.Concern == concern);
        contact.Channel.ShouldBe(ContactChannel.PartnerPage);
        var childIds = contact.Children.Select(c => c.PersonId).ToList();
        var names = await db.People.Where(p => childIds.Contains(p.Id)).Select(p => p.GivenName).ToListAsync();
        names.ShouldBe(["Cara", "Dan"], ignoreOrder: true);
    }

    [Fact]
    public async Task At320PixelsWide_TheTrayAndTheDecisionPage_ScrollTheirTablesNotThePage()
    {
        Guid contactId;
        await using (var db = app.CreateDbContext())
        {
            contactId = await db.Contacts
                .Where(c => c.Children.Any(ch => db.People.Any(p => p.Id == ch.PersonId && p.GivenName == "Ellie" && p.FamilyName == "Watson")))
                .OrderBy(c => c.ReceivedAt).Select(c => c.Id).FirstAsync();
        }
        var worker = await app.NewPageAsync();
        await worker.SetViewportSizeAsync(320, 640);
        await app.SignInAsync(worker, FrontDoorWorker);

        await worker.GotoAsync("/front-door");
        (await PageScrollWidthAsync(worker)).ShouldBeLessThanOrEqualTo(320);
        var tray = worker.Locator(".sg-table-container:has([data-testid=tray])");
        (await tray.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth")).ShouldBeTrue("the tray is wider than the screen and scrolls in its container");
        (await tray.GetAttributeAsync("tabindex")).ShouldBe("0");
        (await tray.GetAttributeAsync("aria-label")).ShouldBe("Contacts waiting for a decision");

        await worker.GotoAsync($"/front-door/contacts/{contactId}");
        (await worker.Locator(".sg-table-container [data-testid=history]").CountAsync()).ShouldBe(1);
        (await PageScrollWidthAsync(worker)).ShouldBeLessThanOrEqualTo(320);
    }

    private static Task<int> PageScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    private static Task PressAsync(IPage page, string button) =>
        page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).First.ClickAsync();

    /// <summary>
    /// With JavaScript the page offers records that look like the children while the worker types; if any were offered,
    /// the worker must say these are new children ("None of these") before the contact is recorded.
    /// </summary>
    private static async Task NoneOfTheOfferedRecordsIfAskedAsync(IPage page)
    {
        var decision = new System.Text.RegularExpressions.Regex("/front-door/contacts/[0-9a-f-]{36}$");
        var asked = page.Locator(".govuk-error-summary").Filter(new() { HasText = "None of these" });
        for (var waited = 0; waited < 600 && !decision.IsMatch(page.Url) && await asked.CountAsync() == 0; waited++)
        {
            await page.WaitForTimeoutAsync(100);
        }
        if (await asked.CountAsync() == 0) return;
        foreach (var none in await page.GetByLabel("None of these: create a new record").AllAsync()) await none.CheckAsync();
        await PressAsync(page, "Record contact");
    }

    private static async Task FillChildAsync(IPage page, int index, string given, string family, string day, string month, string year, string sex)
    {
        var prefix = $"Form.Children[{index}]";
        await page.Locator($"[name='{prefix}.GivenName']").FillAsync(given);
        await page.Locator($"[name='{prefix}.FamilyName']").FillAsync(family);
        await page.Locator($"[name='{prefix}.DateOfBirth.Day']").FillAsync(day);
        await page.Locator($"[name='{prefix}.DateOfBirth.Month']").FillAsync(month);
        await page.Locator($"[name='{prefix}.DateOfBirth.Year']").FillAsync(year);
        await page.Locator($"[name='{prefix}.Sex'][value='{sex}']").CheckAsync();
    }

    private static async Task FillConcernAsync(IPage page, string concern)
    {
        await page.GetByLabel("What happened?").FillAsync(concern);
        await page.Locator("[name='Form.Categories'][value='neglect']").CheckAsync();
        await page.Locator("[name='Form.InjurySeen'][value='no']").CheckAsync();
        await page.Locator("[name='Form.ImmediateRisk'][value='no']").CheckAsync();
        await page.Locator("[name='Form.ParentsAware'][value='yes']").CheckAsync();
        await BrowserFixture.SayItCameInByPhoneAsync(page);
    }
}
