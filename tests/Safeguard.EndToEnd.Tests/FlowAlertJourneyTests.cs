using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Oversight.Flow;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// Eight ordinary weeks, then a week in which contacts keep arriving but no assessment is started: the watch at the end of
/// each working day raises the alert, and the head of service sees it on signing in, and its chart on the flow page,
/// with JavaScript on and off.
/// </summary>
public sealed class FlowAlertJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    /// <summary>The weeks are written and watched once for each app; both runs of the journey read the same alerts.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BrowserFixture, Task<DateOnly>> Arranged = new();

    /// <summary>Eight ordinary weeks and the week that stops, watched day by day; returns that week's Monday.</summary>
    private async Task<DateOnly> ArrangeAsync()
    {
        var calendar = WorkingDayCalendar.Default();
        var monday = TimeLimits.UkDay(app.Time.GetUtcNow());
        await WriteFlowAsync(calendar, monday.AddDays(-56), monday.AddDays(4), monday);

        for (var day = monday; day <= monday.AddDays(4); day = day.AddDays(1))
        {
            app.Time.SetUtcNow(TimeLimits.UkLocal(day, new TimeOnly(18, 30)));
            // The watch runs in the background sweep; here it is run at once through the app's own services.
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FlowWatch>().RunAsync();
        }
        return monday;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AWeekWithNoAssessmentsStarted_WhileContactsArrive_IsOnTheHeadOfServicesHomePage_WithItsChart(bool javaScript)
    {
        var monday = await Arranged.GetValue(app, _ => ArrangeAsync());

        var page = await app.NewPageAsync(javaScript);
        await app.SignInAsync(page, "omar.farouk@northbridge.example");
        var alerts = page.GetByTestId("manager-alerts");
        var onMonday = monday.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        // None started (a stop), unless the demo council happened to start one that day (then a fall).
        (await alerts.InnerTextAsync()).ShouldMatch($"(No assessments started|Assessments started fell to \\d+) on {onMonday}");

        // Newest first: Monday's alert is lower down, below the rest of the week's.
        await alerts.GetByRole(AriaRole.Row).Filter(new() { HasText = onMonday })
            .GetByRole(AriaRole.Link, new() { Name = "See the chart" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("/oversight/flow/alerts/"));
        (await page.GetByTestId("flow-alert-message").InnerTextAsync()).ShouldContain(onMonday);
        (await page.Locator("[data-testid=chart-flow-alert] svg").CountAsync()).ShouldBe(1);
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Flow of work" }).ClickAsync();
        await app.WaitForPageAsync(page, "/oversight/flow");
        (await page.GetByTestId("flow-alerts").InnerTextAsync()).ShouldContain(onMonday);
        (await page.GetByTestId($"flow-stage-{FlowStage.AssessmentsStarted}").InnerTextAsync()).ShouldMatch("Stopped|Fell far below usual");
        (await page.Locator($"[data-testid=chart-flow-{FlowStage.AssessmentsStarted}] svg").CountAsync()).ShouldBe(1);
    }

    /// <summary>About 40 contacts, 20 referrals and 10 assessments started each working day; from <paramref name="stopFrom"/> no assessments.</summary>
    private async Task WriteFlowAsync(IWorkingDayCalendar calendar, DateOnly from, DateOnly to, DateOnly stopFrom)
    {
        await using var db = app.CreateDbContext();
        var team = await db.Teams.Where(t => t.Name == DemoAccounts.FrontDoorTeam).Select(t => t.Id).SingleAsync();
        var child = await db.People.Where(p => p.GivenName == "Ellie").Select(p => p.Id).FirstAsync();
        var first = new Referral(child, null, from.AddDays(-100), "1A", team);
        db.Referrals.Add(first);
        var serial = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            for (var i = 0; i < 40; i++)
            {
                db.Contacts.Add(new Contact($"FLOWE2E-{++serial:D6}", TimeLimits.UkLocal(day, new TimeOnly(9, 0).AddMinutes(i * 5)),
                    ContactChannel.FrontDoor, "A concern"));
            }
            for (var i = 0; i < 20; i++) db.Referrals.Add(new Referral(child, null, day, "1A", team));
            if (day < stopFrom)
            {
                for (var i = 0; i < 10; i++) db.Assessments.Add(new Assessment(first.Id, child, day, calendar.AddWorkingDays(day, 45)));
            }
            await db.SaveChangesAsync();
        }
    }
}
