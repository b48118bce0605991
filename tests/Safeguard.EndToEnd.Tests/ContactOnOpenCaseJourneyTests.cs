using Microsoft.Playwright;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A new contact about a child whose case is open, in the browser: the front door starts it from the child's record (the
/// child already linked), records it, and the worker who holds the case finds it on their tray and marks it read.
/// With JavaScript on and off.
/// </summary>
public sealed class ContactOnOpenCaseJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Worker = "sam.okafor@northbridge.example";
    private const string Manager = "martin.hughes@northbridge.example";
    private const string FrontDoor = "priya.shah@northbridge.example";

    [Theory]
    [InlineData(true, "Nina")]
    [InlineData(false, "Omar")]
    public async Task TheFrontDoorStartsAContactFromTheRecord_AndTheWorkerWhoHoldsTheCaseMarksItRead(bool javaScript, string given)
    {
        await AllocationArrange.QualifyWorkersAsync(app);
        var referral = await AllocationArrange.ReferralAsync(app, given);
        await AllocationArrange.AllocateAsync(app, referral, Manager, Worker);
        var child = $"{given} Allocated";

        var frontDoor = await app.NewPageAsync(javaScript);
        await app.SignInAsync(frontDoor, FrontDoor);
        await frontDoor.GotoAsync($"/children/{referral.PersonId}");
        await frontDoor.GetByRole(AriaRole.Link, new() { Name = $"Record a new contact about {given}" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(frontDoor, url => url.Contains("/front-door/contacts/new"));
        (await frontDoor.GetByLabel("First name").InputValueAsync()).ShouldBe(given);
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(frontDoor);
        await frontDoor.GetByLabel("Referrer's name").FillAsync("School nurse");
        await frontDoor.GetByLabel("What happened?").FillAsync($"{given} came to school hungry three days running.");
        await frontDoor.GetByLabel("Neglect").CheckAsync();
        await frontDoor.Locator("[name='Form.InjurySeen'][value='no']").CheckAsync();
        await frontDoor.Locator("[name='Form.ImmediateRisk'][value='no']").CheckAsync();
        await frontDoor.Locator("[name='Form.ParentsAware'][value='yes']").CheckAsync();
        await frontDoor.Locator("[name='Form.Method'][value='Phone']").CheckAsync();
        await frontDoor.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await BrowserFixture.ExpectDecisionPageAsync(frontDoor);
        (await frontDoor.Locator("h1").InnerTextAsync()).ShouldBe(child);

        var worker = await app.NewPageAsync(javaScript);
        await app.SignInAsync(worker, Worker);
        await worker.GotoAsync("/");
        await worker.GetByRole(AriaRole.Link, new() { Name = $"New contact about {child}, whose case you hold: read it" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(worker, url => url.Contains("/front-door/contacts/"));
        (await worker.GetByTestId("open-case-contact").CountAsync()).ShouldBe(1);
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(worker);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Mark as read" }).ClickAsync();
        await worker.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await worker.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("marked as read");
        (await worker.GetByTestId("open-case-contact").CountAsync()).ShouldBe(0);
        await worker.GotoAsync("/");
        (await worker.GetByRole(AriaRole.Link, new() { Name = $"New contact about {child}, whose case you hold: read it" }).CountAsync()).ShouldBe(0);
    }
}
