using System.Globalization;
using Microsoft.Playwright;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Timescales;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A strategy discussion as a worker records it from the child's record: without health or education taking part the
/// form shows the warning and asks why for each; with the reasons it is recorded, the section 47 enquiry starts and the
/// initial conference's target is shown. With JavaScript on and off.
/// </summary>
public sealed class StrategyDiscussionJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Worker = "sam.okafor@northbridge.example";

    private static async Task PersonAsync(IPage page, int row, string agency, string name, string role)
    {
        await page.GetByLabel($"Agency (person {row})").SelectOptionAsync(new SelectOptionValue { Label = agency });
        await page.GetByLabel($"Name (person {row})").FillAsync(name);
        await page.GetByLabel($"Role (person {row})").FillAsync(role);
    }

    [Theory]
    [InlineData(true, "Isla")]
    [InlineData(false, "Noah")]
    public async Task WithoutHealthOrEducation_TheFormAsksWhy_ThenTheEnquiryStartsWithItsConferenceTarget(bool javaScript, string given)
    {
        await AllocationArrange.QualifyWorkersAsync(app);
        var referral = await AllocationArrange.ReferralAsync(app, given);
        await AllocationArrange.AllocateAsync(app, referral, "martin.hughes@northbridge.example", Worker);

        var page = await app.NewPageAsync(javaScript);
        await app.SignInAsync(page, Worker);
        await page.GotoAsync($"/children/{referral.PersonId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a strategy discussion" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.EndsWith("/strategy-discussions/new"));
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);

        await page.GetByLabel("Time it started").FillAsync("08:30");
        await PersonAsync(page, 2, "Police", "DC Alex Moore", "Child abuse investigation unit");
        await page.GetByLabel("Information shared").FillAsync("Police attended a domestic incident at the home on Saturday.");
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reasons for the decision").FillAsync("Reasonable cause to suspect significant harm.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the strategy discussion" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();

        var summary = await page.Locator(".govuk-error-summary").InnerTextAsync();
        summary.ShouldContain("Health did not take part: say why");
        summary.ShouldContain("Education did not take part: say why");
        summary.ShouldNotContain("Police did not take part");
        summary.ShouldNotContain("must have been held already");
        (await page.GetByLabel("Name (person 2)").InputValueAsync()).ShouldBe("DC Alex Moore");
        (await page.GetByLabel("Information shared").InputValueAsync()).ShouldBe("Police attended a domestic incident at the home on Saturday.");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);

        await page.GetByLabel("Why did health not take part?").FillAsync("The health visitor was on leave; the GP could not join at short notice.");
        await page.GetByLabel("Why did education not take part?").FillAsync("The child is not at school or nursery.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the strategy discussion" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("/strategy-discussions/") && !url.EndsWith("/new"));

        (await page.GetByTestId("absent-agencies").InnerTextAsync()).ShouldContain("Health, Education did not take part");
        (await page.GetByTestId("decision").InnerTextAsync()).ShouldBe("Section 47 enquiry");
        var target = InitialConferenceDueRule.TargetOn(WorkingDayCalendar.Default(), app.Time.GetUtcNow());
        (await page.GetByTestId("conference-target").InnerTextAsync()).ShouldBe(target.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);

        var conference = $"Initial child protection conference: {given} Allocated";
        await page.GotoAsync("/");
        (await page.GetByRole(AriaRole.Link, new() { Name = conference }).CountAsync()).ShouldBe(1);

        // The enquiry concludes without a conference: the reason is asked for, and the conference leaves the tray.
        await page.GotoAsync($"/children/{referral.PersonId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the outcome of the section 47 enquiry" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.EndsWith("/outcome"));
        await page.GetByLabel("Child in need plan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter why a conference is not required");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);
        await page.GetByLabel("Reasons").FillAsync("The injury has an innocent explanation; the family accepts support.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.EndsWith($"/children/{referral.PersonId}"));
        (await page.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("Section 47 enquiry about");
        await page.GotoAsync("/");
        (await page.GetByRole(AriaRole.Link, new() { Name = conference }).CountAsync()).ShouldBe(0);
    }
}
