using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.Chronology.Patterns;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A worker hears by phone that the child on a plan went missing, adds it to the chronology; the pattern sweep raises an
/// alert; the worker finds it on the child's record and acknowledges it with a note of what was done, with JavaScript on
/// and off.
/// </summary>
public sealed class PatternAlertJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true, "Poppy")]
    [InlineData(false, "Harvey")]
    public async Task AMissingEpisodeAddedForAChildOnAPlan_BecomesAnAlertOnTheirRecord_WhichTheWorkerAcknowledges(bool javaScript, string given)
    {
        Guid child;
        string worker;
        await using (var db = app.CreateDbContext())
        {
            child = await db.People.Where(p => p.GivenName == given).Select(p => p.Id).SingleAsync();
            var holder = await db.Referrals.Where(r => r.PersonId == child && r.AllocatedWorkerId != null).Select(r => r.AllocatedWorkerId).FirstAsync();
            worker = await db.Users.Where(u => u.Id == holder).Select(u => u.Email!).SingleAsync();
        }
        var page = await app.NewPageAsync(javaScript);
        await app.SignInAsync(page, worker);
        await page.GotoAsync($"/children/{child}/chronology");

        await page.Locator("[data-testid=add-event] summary").ClickAsync();
        var yesterday = Core.Timescales.TimeLimits.UkDay(app.Time.GetUtcNow()).AddDays(-1);
        await page.Locator("[name='HappenedOn.Day']").FillAsync(yesterday.Day.ToString());
        await page.Locator("[name='HappenedOn.Month']").FillAsync(yesterday.Month.ToString());
        await page.Locator("[name='HappenedOn.Year']").FillAsync(yesterday.Year.ToString());
        await page.GetByLabel("What kind of event").SelectOptionAsync(new SelectOptionValue { Label = "Missing episode" });
        await page.Locator("textarea[name=What]").FillAsync($"{given} reported missing overnight; found at a friend's house in the morning.");
        await page.GetByLabel("Where the information came from").FillAsync("Phone call from the police missing persons unit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the chronology" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();

        // The sweep runs every minute in the web process; here it is run at once through the app's own services.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PatternSweep>().CatchUpAsync();
        }

        await page.GotoAsync($"/children/{child}");
        var alerts = page.GetByTestId("open-pattern-alerts");
        (await page.GetByTestId("pattern-alerts").InnerTextAsync()).ShouldContain("1 pattern alert to look into");
        await alerts.GetByRole(AriaRole.Link, new() { Name = "Missing while on a plan" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("/pattern-alerts/"));
        (await page.GetByTestId("details").InnerTextAsync()).ShouldContain("while on a child protection plan");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the alert" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter what was done about this alert");
        await page.GetByLabel("What was done").FillAsync($"Return home interview arranged; {given}'s safety plan updated with the police.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the alert" }).ClickAsync();

        await BrowserFixture.WaitForPageAsync(page, url => url.Contains($"/children/{child}"));
        (await page.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("Alert acknowledged: Missing while on a plan");
        (await page.GetByTestId("open-pattern-alerts").CountAsync()).ShouldBe(0);
        (await page.GetByTestId("pattern-alerts").InnerTextAsync()).ShouldContain("1 acknowledged pattern alert");
    }
}
