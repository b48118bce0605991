using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Core.CaseWork;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A contact about a child already on a plan, recorded with JavaScript on (the known child is offered while typing) and
/// off (offered by "Check for existing records"), shows the child's status on the decision page.
/// </summary>
public sealed class ChildStatusJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NeglectContactAboutMayaGreen_WhoIsOnAChildProtectionPlan_IsChildProtection_WithHerPlanOnTheDecisionPage(bool javaScript)
    {
        DateOnly dob, planSince;
        await using (var db = app.CreateDbContext())
        {
            var maya = await db.People.SingleAsync(p => p.GivenName == "Maya" && p.FamilyName == "Green");
            dob = maya.DateOfBirth!.Value;
            planSince = await db.ChildPlans.Where(p => p.PersonId == maya.Id && p.Kind == PlanKind.ChildProtection && p.EndedOn == null)
                .Select(p => p.StartedOn).SingleAsync();
        }
        var since = planSince.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var worker = await app.NewPageAsync(javaScript);
        await app.SignInAsync(worker, "priya.shah@northbridge.example");
        await worker.GotoAsync("/front-door/contacts/new");

        await worker.GetByLabel("First name").FillAsync("Maya");
        await worker.GetByLabel("Last name").FillAsync("Green");
        await worker.Locator("[name='Form.Children[0].DateOfBirth.Day']").FillAsync(dob.Day.ToString());
        await worker.Locator("[name='Form.Children[0].DateOfBirth.Month']").FillAsync(dob.Month.ToString());
        await worker.Locator("[name='Form.Children[0].DateOfBirth.Year']").FillAsync(dob.Year.ToString());
        if (!javaScript) await worker.GetByRole(AriaRole.Button, new() { Name = "Check for existing records" }).ClickAsync();
        var offer = worker.Locator("[data-testid=candidates-0]");
        await offer.WaitForAsync();
        await offer.GetByLabel("Maya Green", new() { Exact = false }).CheckAsync();
        await worker.GetByLabel("Female").CheckAsync();
        await worker.GetByLabel("Referrer's name").FillAsync("Kate Ward");
        await worker.GetByLabel("What happened?").FillAsync("Maya was collected late from nursery again and was in the same clothes as last week.");
        await worker.GetByLabel("Neglect", new() { Exact = true }).CheckAsync();
        await worker.Locator("[name='Form.InjurySeen'][value='no']").CheckAsync();
        await worker.Locator("[name='Form.ImmediateRisk'][value='no']").CheckAsync();
        await worker.Locator("[name='Form.ParentsAware'][value='yes']").CheckAsync();
        await BrowserFixture.SayItCameInByPhoneAsync(worker);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await BrowserFixture.ExpectDecisionPageAsync(worker);

        (await worker.Locator("h1").InnerTextAsync()).ShouldBe("Maya Green");
        (await worker.Locator("main .govuk-tag").First.InnerTextAsync()).ShouldBe("Child protection", StringCompareShould.IgnoreCase);
        (await worker.Locator("main").InnerTextAsync()).ShouldContain($"Maya Green has been on a child protection plan (neglect) since {since}");
        var status = worker.Locator("[data-testid=child-status]");
        (await status.InnerTextAsync()).ShouldContain("Child protection plan", Case.Insensitive);
        (await status.InnerTextAsync()).ShouldContain($"Neglect, since {since}");
        (await status.InnerTextAsync()).ShouldContain("Allocated to Grace Lee");
    }
}
