using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// Issue 12's browser journeys, with JavaScript on and off: allocation after a recorded discussion, acceptance, and the
/// competence gate.
/// </summary>
public sealed class AllocationJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private DateOnly Today => TimeLimits.UkDay(app.Time.GetUtcNow());

    private Task ArrangeAsync(string given, bool childProtection) => ArrangeAsync(app, given, childProtection);

    /// <summary>Sam Okafor's staff record (registered, qualified, no child protection training) and a referral waiting on the assessment tray.</summary>
    internal static async Task ArrangeAsync(BrowserFixture app, string given, bool childProtection)
    {
        var today = TimeLimits.UkDay(app.Time.GetUtcNow());
        await using var db = app.CreateDbContext();
        var sam = await db.Users.SingleAsync(u => u.Email == "sam.okafor@northbridge.example");
        await AllocationTestData.QualifyAsync(db, sam.Id, today, childProtectionTrained: false);
        var team = await db.Teams.Where(t => t.Name == DemoAccounts.AssessmentTeam).Select(t => t.Id).SingleAsync();
        await AllocationTestData.ReferralAwaitingAllocationAsync(db, team, app.Time.GetUtcNow().AddHours(-1), given, "Journey", childProtection,
            childProtection ? Priority.ChildProtection : Priority.Urgent);
    }

    private async Task FillDiscussionAsync(IPage page, string action)
    {
        var due = Today.AddDays(2);
        await page.GetByLabel("Time of the discussion").FillAsync("08:45");
        await page.GetByLabel("Sam Okafor", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Action 1: what was agreed").FillAsync(action);
        await page.Locator("[name='Form.Actions[0].DueOn.Day']").FillAsync(due.Day.ToString());
        await page.Locator("[name='Form.Actions[0].DueOn.Month']").FillAsync(due.Month.ToString());
        await page.Locator("[name='Form.Actions[0].DueOn.Year']").FillAsync(due.Year.ToString());
        await page.GetByLabel("Risks discussed").FillAsync("Mother's partner is violent when drinking; Ava is frightened to go home.");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AManagerAllocatesAfterARecordedDiscussion_TheWorkerAcceptsAndSeesTheAgreedFirstVisitOnTheirTray(bool javaScript)
    {
        var ava = javaScript ? "Ava" : "Asha";
        await ArrangeAsync(ava, childProtection: false);
        var manager = await app.NewPageAsync(javaScript);
        await app.SignInAsync(manager, "martin.hughes@northbridge.example");
        await manager.GotoAsync("/");
        await manager.GetByTestId("unallocated").GetByRole(AriaRole.Link, new() { Name = $"Allocate {ava} Journey" }).ClickAsync();
        (await manager.Locator("[data-testid=candidates]").InnerTextAsync()).ShouldContain("Sam Okafor");
        await FillDiscussionAsync(manager, $"Visit {ava} at home and see her alone");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Allocate the case" }).ClickAsync();
        (await manager.Locator("[data-testid=allocated]").InnerTextAsync()).ShouldContain("Allocated to Sam Okafor");
        await manager.GotoAsync("/");
        (await manager.Locator("[data-testid=open-work]").InnerTextAsync()).ShouldContain($"{ava} Journey (allocated to Sam Okafor, not yet accepted)");

        var worker = await app.NewPageAsync(javaScript);
        await app.SignInAsync(worker, "sam.okafor@northbridge.example");
        await worker.GotoAsync("/");
        await worker.GetByRole(AriaRole.Link, new() { Name = $"Accept a new case: {ava} Journey" }).ClickAsync();
        (await worker.Locator("[data-testid=risks]").InnerTextAsync()).ShouldContain("frightened to go home");
        await worker.GetByRole(AriaRole.Button, new() { Name = "I have read the case summary" }).ClickAsync();
        (await worker.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain($"You have accepted the case of {ava} Journey");
        await worker.GotoAsync("/");
        var tray = await worker.Locator("[data-testid=open-work]").InnerTextAsync();
        tray.ShouldContain($"Visit {ava} at home and see her alone ({ava} Journey)");
        tray.ShouldNotContain($"Accept a new case: {ava} Journey");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AllocatingChildProtectionWorkToAnUntrainedWorker_IsRefusedWithItsReason(bool javaScript)
    {
        var cody = javaScript ? "Cody" : "Cole";
        await ArrangeAsync(cody, childProtection: true);
        var manager = await app.NewPageAsync(javaScript);
        await app.SignInAsync(manager, "martin.hughes@northbridge.example");
        await manager.GotoAsync("/");
        await manager.GetByTestId("unallocated").GetByRole(AriaRole.Link, new() { Name = $"Allocate {cody} Journey" }).ClickAsync();
        await FillDiscussionAsync(manager, $"Visit {cody} at home and see him alone");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Allocate the case" }).ClickAsync();

        var summary = await manager.Locator(".govuk-error-summary").InnerTextAsync();
        summary.ShouldContain("Sam Okafor cannot be allocated this case. Child protection work needs current training in \"Child protection: section 47 enquiries\"; none is recorded");
        (await manager.GetByLabel("Action 1: what was agreed").InputValueAsync()).ShouldBe($"Visit {cody} at home and see him alone");
        await using var db = app.CreateDbContext();
        (await db.CaseAllocations.CountAsync(a => db.People.Any(p => p.Id == a.PersonId && p.GivenName == cody))).ShouldBe(0);
    }
}
