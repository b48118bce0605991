using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>The front door's journeys; those that do not depend on offers made while typing run with JavaScript on and off.</summary>
public sealed class FrontDoorJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PartnerRefers_FrontDoorDecides_PartnerSeesTheOutcomeAndReasons(bool javaScript)
    {
        var poppy = javaScript ? "Poppy" : "Pippa";
        var partner = await app.NewPageAsync(javaScript);
        await app.SignInAsync(partner, "kate.ward@nhs.example");
        await partner.GotoAsync("/partner/referrals/new");
        await partner.GetByLabel("First name").FillAsync(poppy);
        await partner.GetByLabel("Last name").FillAsync("Marsh");
        await partner.Locator("[name='Form.Children[0].DateOfBirth.Day']").FillAsync("12");
        await partner.Locator("[name='Form.Children[0].DateOfBirth.Month']").FillAsync("6");
        await partner.Locator("[name='Form.Children[0].DateOfBirth.Year']").FillAsync("2021");
        await partner.GetByLabel("Female").CheckAsync();
        await partner.GetByLabel("What happened?").FillAsync("Poppy's mother disclosed that her partner hit her in front of Poppy last night.");
        await partner.GetByLabel("Domestic abuse").CheckAsync();
        await partner.Locator("[name='Form.InjurySeen'][value='no']").CheckAsync();
        await partner.Locator("[name='Form.ImmediateRisk'][value='no']").CheckAsync();
        await partner.Locator("[name='Form.ParentsAware'][value='yes']").CheckAsync();
        await partner.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await app.WaitForPageAsync(partner, "/partner");
        (await partner.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("sent");

        var worker = await app.NewPageAsync(javaScript);
        await app.SignInAsync(worker, "tom.evans@northbridge.example");
        await worker.GotoAsync("/front-door");
        await worker.GetByRole(AriaRole.Link, new() { Name = $"{poppy} Marsh" }).ClickAsync();
        await worker.GetByLabel("Early help").CheckAsync();
        await worker.GetByLabel("Reasons for the decision").FillAsync("Mother accepts support; no injuries; partner has left.");
        await worker.GetByLabel("What to tell the referrer").FillAsync("The family have been offered early help with a family support worker.");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await app.WaitForPageAsync(worker, "/front-door");
        (await worker.Locator("[data-testid=tray]").InnerTextAsync()).ShouldNotContain($"{poppy} Marsh");

        await partner.GotoAsync("/partner");
        await partner.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{poppy} Marsh" }).GetByRole(AriaRole.Link).ClickAsync();
        (await partner.Locator(".govuk-panel").InnerTextAsync()).ShouldContain("early help");
        (await partner.Locator("[data-testid=reasons]").InnerTextAsync()).ShouldContain("offered early help with a family support worker");
    }

    [Fact]
    public async Task RecordingAContact_OffersTheKnownChildWhileTyping_AndLinksTheChoice()
    {
        await using var db = app.CreateDbContext();
        var ellie = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.People, p => p.GivenName == "Ellie" && p.FamilyName == "Watson");
        var dob = ellie.DateOfBirth!.Value;
        var worker = await app.NewPageAsync();
        await app.SignInAsync(worker, "priya.shah@northbridge.example");
        await worker.GotoAsync("/front-door/contacts/new");

        await worker.GetByLabel("First name").FillAsync("Elly");
        await worker.GetByLabel("Last name").FillAsync("Watson");
        await worker.Locator("[name='Form.Children[0].DateOfBirth.Day']").FillAsync(dob.Day.ToString());
        await worker.Locator("[name='Form.Children[0].DateOfBirth.Month']").FillAsync(dob.Month.ToString());
        await worker.Locator("[name='Form.Children[0].DateOfBirth.Year']").FillAsync(dob.Year.ToString());

        var offer = worker.Locator("[data-testid=candidates-0]");
        await offer.WaitForAsync();
        (await offer.InnerTextAsync()).ShouldContain("Ellie Watson");
        await offer.GetByLabel("Ellie Watson", new() { Exact = false }).CheckAsync();
        (await offer.GetByLabel("Ellie Watson", new() { Exact = false }).IsCheckedAsync()).ShouldBeTrue();
        await worker.GetByLabel("Female").CheckAsync();
        await worker.GetByLabel("Referrer's name").FillAsync("School nurse");
        await worker.GetByLabel("What happened?").FillAsync("Ellie said she is frightened of her mother's partner.");
        await worker.GetByLabel("Emotional abuse").CheckAsync();
        await worker.Locator("[name='Form.InjurySeen'][value='no']").CheckAsync();
        await worker.Locator("[name='Form.ImmediateRisk'][value='no']").CheckAsync();
        await worker.Locator("[name='Form.ParentsAware'][value='no']").CheckAsync();
        await worker.Locator("[name='Form.Method'][value='Phone']").CheckAsync(); // received: the page's default, now
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await BrowserFixture.ExpectDecisionPageAsync(worker);

        (await worker.Locator("h1").InnerTextAsync()).ShouldBe("Ellie Watson");
        (await worker.Locator("[data-testid=history]").InnerTextAsync()).ShouldContain("came to school hungry");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ContactLeftUndecidedPastItsClock_ShowsAsOverdue(bool javaScript)
    {
        // Two different children, so the second run is not offered the first run's child as a match.
        var (finn, family, day) = javaScript ? ("Finn", "Overdue", "2") : ("Fred", "Tardy", "9");
        var worker = await app.NewPageAsync(javaScript);
        await app.SignInAsync(worker, "priya.shah@northbridge.example");
        await worker.GotoAsync("/front-door/contacts/new");
        await worker.GetByLabel("First name").FillAsync(finn);
        await worker.GetByLabel("Last name").FillAsync(family);
        await worker.Locator("[name='Form.Children[0].DateOfBirth.Day']").FillAsync(day);
        await worker.Locator("[name='Form.Children[0].DateOfBirth.Month']").FillAsync("2");
        await worker.Locator("[name='Form.Children[0].DateOfBirth.Year']").FillAsync("2014");
        await worker.GetByLabel("Male", new() { Exact = true }).CheckAsync();
        await worker.GetByLabel("Referrer's name").FillAsync("Finn's grandmother");
        await worker.GetByLabel("What happened?").FillAsync("Finn has not been at school for two weeks and the family will not answer the door.");
        await worker.GetByLabel("Neglect").CheckAsync();
        await worker.Locator("[name='Form.InjurySeen'][value='no']").CheckAsync();
        await worker.Locator("[name='Form.ImmediateRisk'][value='no']").CheckAsync();
        await worker.Locator("[name='Form.ParentsAware'][value='no']").CheckAsync();
        await worker.Locator("[name='Form.Method'][value='Phone']").CheckAsync(); // received: the page's default, now
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await BrowserFixture.ExpectDecisionPageAsync(worker);

        app.Time.Advance(TimeSpan.FromDays(3));
        var later = await app.NewPageAsync(javaScript);
        await app.SignInAsync(later, "jo.bennett@northbridge.example");
        await later.GotoAsync("/front-door");

        var row = later.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{finn} {family}" });
        (await row.Locator("[data-testid=overdue]").InnerTextAsync()).ShouldContain("late");
    }
}
