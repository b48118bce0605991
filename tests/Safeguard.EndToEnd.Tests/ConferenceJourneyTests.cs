using System.Globalization;
using Microsoft.Playwright;
using Safeguard.Core.Conferences;
using Safeguard.Core.Timescales;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A child's case from referral to a child protection plan, in the browser, as the worker and the conference chair do it:
/// the worker completes the assessment (outcome: strategy discussion), records a strategy discussion with the police and
/// health taking part (education's absence explained), and concludes the section 47 enquiry with a conference; the chair
/// records the initial conference with a plan, and the plan shows its first core group and first review due dates.
/// With JavaScript on and off.
/// </summary>
public sealed class ConferenceJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Worker = "sam.okafor@northbridge.example";
    private const string Manager = "martin.hughes@northbridge.example";
    private const string Chair = "ruth.morgan@northbridge.example";
    private const string Success = ".govuk-notification-banner--success", Errors = ".govuk-error-summary";

    private static async Task PressAsync(IPage page, string button, string shows)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.Locator(shows).First.WaitForAsync();
        await BrowserFixture.WaitForPageAsync(page, _ => true);
    }

    private static async Task PersonAsync(IPage page, int row, string agency, string name, string role)
    {
        await page.GetByLabel($"Agency (person {row})").SelectOptionAsync(new SelectOptionValue { Label = agency });
        await page.GetByLabel($"Name (person {row})").FillAsync(name);
        await page.GetByLabel($"Role (person {row})").FillAsync(role);
    }

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(true, "Ava")]
    [InlineData(false, "Leo")]
    public async Task FromReferralThroughAssessmentStrategyAndEnquiry_ToAPlanWithItsCoreGroupAndReviewDates(bool javaScript, string given)
    {
        await AllocationArrange.QualifyWorkersAsync(app);
        var referral = await AllocationArrange.ReferralAsync(app, given);
        await AllocationArrange.AllocateAsync(app, referral, Manager, Worker);
        var child = $"{given} Allocated";
        var today = AllocationArrange.Today(app);

        // The worker completes the assessment: a strategy discussion is needed.
        var worker = await app.NewPageAsync(javaScript);
        await app.SignInAsync(worker, Worker);
        await worker.GotoAsync("/");
        await worker.GetByRole(AriaRole.Link, new() { Name = $"Child and family assessment: {child}" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(worker, url => url.Contains("/assessments/"));
        await worker.GetByLabel("18C Physical abuse: adult on child").CheckAsync();
        await worker.GetByLabel("Analysis").FillAsync("Unexplained bruising; father's account keeps changing.");
        await worker.Locator("[name='Form.ChildSeenOn.Day']").FillAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await worker.Locator("[name='Form.ChildSeenOn.Month']").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await worker.Locator("[name='Form.ChildSeenOn.Year']").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await worker.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await worker.GetByLabel("The child’s views").FillAsync($"{given} says daddy gets cross.");
        await worker.GetByLabel("Strategy discussion", new() { Exact = true }).CheckAsync();
        await PressAsync(worker, "Complete the assessment", "[data-testid=assessments]");

        // The strategy discussion, with the police and health taking part; education's absence needs its reason.
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record a strategy discussion" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(worker, url => url.EndsWith("/strategy-discussions/new"));
        await worker.GetByLabel("Time it started").FillAsync("08:30");
        await PersonAsync(worker, 2, "Police", "DC Alex Moore", "Child abuse investigation unit");
        await PersonAsync(worker, 3, "Health", "Dr Ama Osei", "Named doctor");
        await worker.GetByLabel("Information shared").FillAsync("The paediatrician found bruising consistent with a grip.");
        await worker.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await worker.GetByLabel("Reasons for the decision").FillAsync("Reasonable cause to suspect significant harm.");
        await PressAsync(worker, "Record the strategy discussion", Errors);
        var summary = await worker.Locator(Errors).InnerTextAsync();
        summary.ShouldContain("Education did not take part: say why");
        summary.ShouldNotContain("Health did not take part");
        await worker.GetByLabel("Why did education not take part?").FillAsync($"{given} is not at school or nursery.");
        await PressAsync(worker, "Record the strategy discussion", "[data-testid=decision]");
        (await worker.GetByTestId("decision").InnerTextAsync()).ShouldBe("Section 47 enquiry");

        // The enquiry concludes: an initial conference is needed.
        await worker.GotoAsync($"/children/{referral.PersonId}");
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record the outcome of the section 47 enquiry" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(worker, url => url.EndsWith("/outcome"));
        await worker.GetByLabel("Initial child protection conference").CheckAsync();
        await worker.GetByLabel("Reasons").FillAsync("Injuries not explained; the risk of significant harm remains.");
        await PressAsync(worker, "Record the outcome", Success);
        (await worker.GetByRole(AriaRole.Link, new() { Name = "Record the initial child protection conference" }).CountAsync())
            .ShouldBe(0, "a social worker does not record the conference");

        // The chair records the conference from the child's record; a plan needs its category.
        var chair = await app.NewPageAsync(javaScript);
        await app.SignInAsync(chair, Chair);
        await chair.GotoAsync($"/children/{referral.PersonId}");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Record the initial child protection conference" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(chair, url => url.EndsWith("/conference"));
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(chair);
        await chair.GetByLabel("Chair").SelectOptionAsync(new SelectOptionValue { Label = "Ruth Morgan" });
        await PersonAsync(chair, 1, "Children's social care", "Sam Okafor", "Social worker");
        await PersonAsync(chair, 2, "Police", "DC Alex Moore", "Child abuse investigation unit");
        await PersonAsync(chair, 3, "Health", "Dr Ama Osei", "Named doctor");
        await chair.GetByLabel("Attended", new() { Exact = true }).CheckAsync();
        await chair.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await chair.GetByLabel("Reasons for the decision").FillAsync("Physical abuse: the child needs a child protection plan.");
        await PressAsync(chair, "Record the conference", Errors);
        (await chair.Locator(Errors).InnerTextAsync()).ShouldContain("Select the category of abuse");
        (await chair.GetByLabel("Name (person 2)").InputValueAsync()).ShouldBe("DC Alex Moore");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(chair);
        await chair.GetByLabel("Category of abuse").SelectOptionAsync(new SelectOptionValue { Label = "Physical abuse" });
        await PressAsync(chair, "Record the conference", Success);

        (await chair.GetByTestId("decision").InnerTextAsync()).ShouldBe("Child protection plan: physical abuse");
        var calendar = WorkingDayCalendar.Default();
        var heldOn = TimeLimits.UkDay(app.Time.GetUtcNow());
        (await chair.GetByTestId("core-group-due").InnerTextAsync()).ShouldBe(Day(calendar.AddWorkingDays(heldOn, 10)));
        (await chair.GetByTestId("review-due").InnerTextAsync()).ShouldBe(Day(ReviewConferenceDueRule.DueOn(calendar, ConferenceKind.Initial, heldOn)));
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(chair);

        // The worker finds the first core group on their tray.
        await worker.GotoAsync("/");
        (await worker.GetByRole(AriaRole.Link, new() { Name = $"First core group meeting: {child}" }).CountAsync()).ShouldBe(1);
        (await worker.GetByRole(AriaRole.Link, new() { Name = $"Review child protection conference: {child}" }).CountAsync()).ShouldBe(1);
    }
}
