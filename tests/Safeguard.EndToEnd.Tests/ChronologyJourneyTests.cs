using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>A social worker reads a child's chronology from her record and narrows it to visits, with JavaScript on and off.</summary>
public sealed class ChronologyJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FromTheChildsRecord_TheWorkerOpensTheChronology_ChoosesVisits_ThenSeesEverythingAgain(bool javaScript)
    {
        Guid maya;
        await using (var db = app.CreateDbContext())
        {
            maya = await db.People.Where(p => p.GivenName == "Maya" && p.FamilyName == "Green").Select(p => p.Id).SingleAsync();
        }
        var worker = await app.NewPageAsync(javaScript);
        await app.SignInAsync(worker, "grace.lee@northbridge.example");
        await worker.GotoAsync($"/children/{maya}");

        await worker.GetByTestId("chronology-link").ClickAsync();
        await BrowserFixture.WaitForPageAsync(worker, url => url.EndsWith("/chronology"));
        (await worker.Locator("h1").InnerTextAsync()).ShouldBe("Maya Green");
        var everything = await worker.Locator(".moj-timeline__item").CountAsync();
        everything.ShouldBeGreaterThan(20);
        (await worker.Locator(".moj-timeline__item").Last.Locator(".moj-timeline__title").InnerTextAsync()).ShouldBe("Contact");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(worker);

        await worker.GetByLabel("Visit", new() { Exact = true }).CheckAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(worker, url => url.Contains("Kind=Visit"));
        var visits = await worker.Locator(".moj-timeline__item").CountAsync();
        visits.ShouldBeGreaterThan(0);
        visits.ShouldBeLessThan(everything);
        (await worker.Locator(".moj-timeline__title").AllInnerTextsAsync()).ShouldAllBe(t => t == "Visit");
        (await worker.GetByTestId("chronology-count").InnerTextAsync()).ShouldContain($"{visits} of {everything} entries match");
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(worker);

        await worker.GetByRole(AriaRole.Link, new() { Name = "Show everything" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(worker, url => url.EndsWith("/chronology"));
        (await worker.Locator(".moj-timeline__item").CountAsync()).ShouldBe(everything);

        // On paper: the marking and the child's identifiers, the timeline, and no filters, forms or navigation.
        (await worker.GetByTestId("print-marking").IsVisibleAsync()).ShouldBeFalse();
        await worker.EmulateMediaAsync(new() { Media = Media.Print });
        (await worker.GetByTestId("print-marking").IsVisibleAsync()).ShouldBeTrue();
        (await worker.GetByTestId("print-identifiers").InnerTextAsync()).ShouldContain("Maya Green, born");
        (await worker.GetByTestId("chronology-filter").IsVisibleAsync()).ShouldBeFalse();
        (await worker.Locator(".govuk-header").IsVisibleAsync()).ShouldBeFalse();
        (await worker.Locator(".moj-timeline__item").First.IsVisibleAsync()).ShouldBeTrue();
    }

    [Theory]
    [InlineData(true, "Ruby")]
    [InlineData(false, "Isla")]
    public async Task TheWorkerMarksAVisitSignificant_AndAddsAHospitalAttendanceReportedByPhone_ThenFindsBothAmongTheSignificant(bool javaScript,
        string given)
    {
        Guid child;
        string worker;
        await using (var db = app.CreateDbContext())
        {
            var person = await db.People.Where(p => p.GivenName == given).Select(p => new { p.Id }).SingleAsync();
            child = person.Id;
            var holder = await db.Referrals.Where(r => r.PersonId == child && r.AllocatedWorkerId != null).Select(r => r.AllocatedWorkerId).FirstAsync();
            worker = await db.Users.Where(u => u.Id == holder).Select(u => u.Email!).SingleAsync();
        }
        var page = await app.NewPageAsync(javaScript);
        await app.SignInAsync(page, worker);
        await page.GotoAsync($"/children/{child}/chronology");

        var first = page.Locator(".moj-timeline__item[data-significant=no]").First;
        var entryId = await first.GetAttributeAsync("id");
        await first.Locator("summary", new() { HasText = "Mark as significant" }).ClickAsync();
        await first.Locator("textarea[name=Reason]").FillAsync("The latest we know of the child");
        await first.GetByRole(AriaRole.Button, new() { Name = "Mark as significant" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator($"#{entryId} [data-testid=significant-reason]").InnerTextAsync()).ShouldContain("The latest we know of the child");

        await page.Locator("[data-testid=add-event] summary").ClickAsync();
        var yesterday = Core.Timescales.TimeLimits.UkDay(app.Time.GetUtcNow()).AddDays(-1);
        await page.Locator("[name='HappenedOn.Day']").FillAsync(yesterday.Day.ToString());
        await page.Locator("[name='HappenedOn.Month']").FillAsync(yesterday.Month.ToString());
        await page.Locator("[name='HappenedOn.Year']").FillAsync(yesterday.Year.ToString());
        await page.GetByLabel("Time (optional)").FillAsync("21:15");
        await page.Locator("textarea[name=What]").FillAsync($"{given} taken to A&E after a fall at home; discharged the same night.");
        await page.GetByLabel("Where the information came from").FillAsync("Phone call from the hospital safeguarding nurse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the chronology" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(page);

        await page.GetByLabel("Significant entries only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("SignificantOnly=true"));
        var titles = await page.Locator(".moj-timeline__title").AllInnerTextsAsync();
        titles.Count.ShouldBe(2);
        titles.ShouldContain("Significant event");
        (await page.Locator(".moj-timeline__item[data-kind=Added]").InnerTextAsync()).ShouldContain("at 9:15pm");
        (await page.Locator($"#{entryId}").CountAsync()).ShouldBe(1);
    }
}
