using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Core.FrontDoor;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// axe-core finds no WCAG 2.1 A or AA violation on the front door's own pages as their users see them: the contact form
/// (empty and after a failed check), the decision page with its status summary, the partner's form, list and referral,
/// and the administration of organisations and teams.
/// </summary>
public sealed class FrontDoorAccessibilityTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static async Task VisitAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await BrowserFixture.WaitForPageAsync(page, _ => true);
        await BrowserFixture.NoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task ContactFormAndDecisionPage_HaveNoAxeViolations()
    {
        Guid undecided;
        await using (var db = app.CreateDbContext())
        {
            // One the manager may open: the demo's restricted child is not on her list (and would be a 404 page).
            undecided = await db.Contacts.Where(c => c.Status == ContactStatus.AwaitingDecision
                    && !db.ContactChildren.Any(cc => cc.ContactId == c.Id && db.People.Any(p => p.Id == cc.PersonId && p.IsRestricted)))
                .OrderBy(c => c.Reference).Select(c => c.Id).FirstAsync();
        }
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "jo.bennett@northbridge.example");

        await VisitAsync(page, "/front-door/contacts/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await BrowserFixture.NoAxeViolationsAsync(page);

        await VisitAsync(page, $"/front-door/contacts/{undecided}");
    }

    [Fact]
    public async Task PartnerPages_HaveNoAxeViolations()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "pc.jones@police.example");

        await VisitAsync(page, "/partner");
        await VisitAsync(page, "/partner/referrals/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await BrowserFixture.NoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task OrganisationAndTeamAdministration_HaveNoAxeViolations()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "alex.admin@northbridge.example");

        await VisitAsync(page, "/admin/organisations");
        await VisitAsync(page, "/admin/teams");
    }
}
