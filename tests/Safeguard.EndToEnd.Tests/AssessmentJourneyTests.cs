using Microsoft.Playwright;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A child and family assessment as the worker and their manager do it, in the browser: the worker finds it on their tray
/// after the allocation, saves a draft, is told what is missing, completes it; the manager finds the authorisation on
/// their tray, sends it back with a reason, then authorises it; the child in need plan it starts is reviewed by the worker
/// from their tray. With JavaScript on and off.
/// </summary>
public sealed class AssessmentJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Worker = "sam.okafor@northbridge.example";
    private const string Manager = "martin.hughes@northbridge.example";

    /// <summary>Presses a form's button and waits for what the next page shows (it may be at the same address).</summary>
    private static async Task PressAsync(IPage page, string button, string shows)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.Locator(shows).First.WaitForAsync();
        await BrowserFixture.WaitForPageAsync(page, _ => true);
    }

    private const string Success = ".govuk-notification-banner--success", Errors = ".govuk-error-summary";

    [Theory]
    [InlineData(true, "Lily")]
    [InlineData(false, "Rosa")]
    public async Task TheWorkerCompletesTheAssessment_TheManagerSendsItBack_ThenAuthorisesIt(bool javaScript, string given)
    {
        await AllocationArrange.QualifyWorkersAsync(app);
        var referral = await AllocationArrange.ReferralAsync(app, given);
        await AllocationArrange.AllocateAsync(app, referral, Manager, Worker);
        var child = $"{given} Allocated";

        var worker = await app.NewPageAsync(javaScript);
        await app.SignInAsync(worker, Worker);
        await worker.GotoAsync("/");
        await worker.GetByRole(AriaRole.Link, new() { Name = $"Child and family assessment: {child}" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(worker, url => url.Contains("/assessments/"));
        (await worker.GetByTestId("stage").InnerTextAsync()).ShouldBe("In progress");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(worker);

        await worker.GetByLabel("2B Drug misuse: a parent or carer").CheckAsync();
        await worker.GetByLabel("Analysis").FillAsync("Mother uses cannabis daily; the home is chaotic.");
        await PressAsync(worker, "Save and come back later", Success);
        (await worker.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain($"Assessment of {child} saved");
        (await worker.GetByLabel("Analysis").InputValueAsync()).ShouldBe("Mother uses cannabis daily; the home is chaotic.");
        (await worker.GetByLabel("2B Drug misuse: a parent or carer").IsCheckedAsync()).ShouldBeTrue();

        await PressAsync(worker, "Complete the assessment", Errors);
        var summary = await worker.Locator(".govuk-error-summary").InnerTextAsync();
        summary.ShouldContain("Enter the date the child was seen");
        summary.ShouldContain("Select the outcome of the assessment");
        (await worker.GetByLabel("Analysis").InputValueAsync()).ShouldBe("Mother uses cannabis daily; the home is chaotic.");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(worker);

        var today = AllocationArrange.Today(app);
        await worker.Locator("[name='Form.ChildSeenOn.Day']").FillAsync(today.Day.ToString());
        await worker.Locator("[name='Form.ChildSeenOn.Month']").FillAsync(today.Month.ToString());
        await worker.Locator("[name='Form.ChildSeenOn.Year']").FillAsync(today.Year.ToString());
        await worker.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await worker.GetByLabel("The child’s views").FillAsync($"{given} wants her mum to get help.");
        await worker.GetByLabel("Child in need plan").CheckAsync();
        await PressAsync(worker, "Complete the assessment", "[data-testid=assessments]");
        (await worker.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("with your manager to authorise");
        (await worker.GetByTestId("assessments").InnerTextAsync()).ShouldContain("waiting for authorisation");

        var manager = await app.NewPageAsync(javaScript);
        await app.SignInAsync(manager, Manager);
        await manager.GotoAsync("/");
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Authorise the assessment of {child} (completed by Sam Okafor)" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(manager, url => url.EndsWith("/authorise"));
        (await manager.GetByTestId("factors").InnerTextAsync()).ShouldContain("2B Drug misuse: a parent or carer");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(manager);
        await manager.GetByLabel("What does the worker need to change?").FillAsync("Add what the school told you.");
        await PressAsync(manager, "Send it back to Sam Okafor", Success);
        (await manager.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("sent back to Sam Okafor");

        await worker.GotoAsync("/");
        await worker.GetByRole(AriaRole.Link, new() { Name = $"Child and family assessment: {child} (returned by Martin Hughes)" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(worker, url => url.Contains("/assessments/"));
        (await worker.GetByTestId("returned").InnerTextAsync()).ShouldBe("Add what the school told you.");
        await worker.GetByLabel("Analysis").FillAsync($"Mother uses cannabis daily; the school reports {given} often arrives hungry.");
        await PressAsync(worker, "Complete the assessment", "[data-testid=assessments]");

        await manager.GotoAsync("/");
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Authorise the assessment of {child} (completed by Sam Okafor)" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(manager, url => url.EndsWith("/authorise"));
        await PressAsync(manager, "Authorise the assessment", Success);
        (await manager.GetByTestId("stage").InnerTextAsync()).ShouldStartWith($"Authorised on {today:d MMMM yyyy} by Martin Hughes");

        // The authorised outcome started a child in need plan: its review is on the worker's tray.
        await worker.GotoAsync("/");
        await worker.GetByRole(AriaRole.Link, new() { Name = $"Review the child in need plan: {child}" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(worker, url => url.EndsWith("/review"));
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(worker);
        await worker.GetByLabel("Who took part").FillAsync($"Sam Okafor; {given}'s mother; the school nurse");
        await worker.GetByLabel("Progress against the plan").FillAsync("Mother has started at the drug service; attendance is up.");
        await PressAsync(worker, "Record the review", Errors);
        (await worker.Locator(Errors).InnerTextAsync()).ShouldContain("Select whether the plan continues");
        (await worker.GetByLabel("Progress against the plan").InputValueAsync()).ShouldBe("Mother has started at the drug service; attendance is up.");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(worker);
        await worker.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await PressAsync(worker, "Record the review", Success);
        (await worker.GetByTestId("reviews").InnerTextAsync()).ShouldContain("Mother has started at the drug service; attendance is up.");
        var nextReview = Safeguard.Core.ChildInNeed.ChildInNeedReviewDueRule.DueOn(Safeguard.Core.Timescales.WorkingDayCalendar.Default(), today,
            new Safeguard.Core.CaseNotes.VisitSettings());
        (await worker.GetByTestId("review-due").InnerTextAsync()).ShouldBe(nextReview.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }
}
