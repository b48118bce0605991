using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The five most common journeys (and deciding a contact already on the tray), walked the way a worker would from their
/// home page after signing in (signing in is not counted), with JavaScript on, each one really finished. Each has a
/// budget of pages, fields and clicks: what it costs today. A change that makes a journey cost more fails here and has
/// to be justified; one that makes it cheaper fails until the budget is lowered to keep the saving. The counts and how
/// to update them: docs/journey-effort.md.
/// </summary>
public sealed class CommonJourneyEffortTests(BrowserFixture app, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task RecordAContactAndDecideIt_MeetsItsBudget()
    {
        var page = await SignedInAsync("priya.shah@northbridge.example");
        using var effort = new JourneyEffort("Record a contact and decide it", page);

        await effort.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "Record a contact", Exact = true }));
        await app.WaitForPageAsync(page, "/front-door/contacts/new");
        await effort.FillAsync(page.GetByLabel("First name"), "Noor");
        await effort.FillAsync(page.GetByLabel("Last name"), "Fairweather");
        await effort.FillDateAsync("Form.Children[0].DateOfBirth", new DateOnly(2016, 9, 14));
        await effort.CheckAsync(page.GetByLabel("Female"));
        await effort.FillAsync(page.GetByLabel("Referrer's name"), "Mrs Okoro, class teacher");
        await effort.CheckAsync(page.Locator("[name='Form.Method'][value='Phone']"));
        await effort.FillAsync(page.GetByLabel("What happened?"), "Noor often arrives at school hungry and tired; her mother says money has been short since her job ended.");
        await effort.CheckAsync(page.GetByLabel("Neglect"));
        await effort.CheckAsync(page.Locator("[name='Form.InjurySeen'][value='no']"));
        await effort.CheckAsync(page.Locator("[name='Form.ImmediateRisk'][value='no']"));
        await effort.CheckAsync(page.Locator("[name='Form.ParentsAware'][value='yes']"));
        await effort.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }));
        await BrowserFixture.ExpectDecisionPageAsync(page);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Noor Fairweather");

        await effort.CheckAsync(page.GetByLabel("Early help"));
        await effort.FillAsync(page.GetByLabel("Reasons for the decision"), "No sign of harm; mother is worried about money and asked for help with food and benefits.");
        await effort.FillAsync(page.GetByLabel("What to tell the referrer"), "The family have been offered early help; please tell us if Noor still comes to school hungry.");
        await effort.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }));
        await app.WaitForPageAsync(page, "/front-door");
        (await page.Locator("[data-testid=tray]").InnerTextAsync()).ShouldNotContain("Noor Fairweather");

        Report(effort);
        effort.ShouldMeetBudget(pages: 3, fields: 16, clicks: 3);
    }

    [Fact]
    public async Task DecideAContactWaitingOnTheTray_MeetsItsBudget()
    {
        var page = await SignedInAsync("priya.shah@northbridge.example");
        using var effort = new JourneyEffort("Decide a contact waiting on the tray", page);

        await effort.ClickAsync(page.GetByTestId("open-work").GetByRole(AriaRole.Link, new() { Name = "Screen contact about Ethan Clarke" }));
        await BrowserFixture.ExpectDecisionPageAsync(page);
        await effort.CheckAsync(page.GetByLabel("Referral to children's social care for assessment"));
        await effort.FillAsync(page.GetByLabel("Reasons for the decision"), "Missing for two nights at 16 with a risk of exploitation; the police have a missing person report. Assessment needed.");
        await effort.FillAsync(page.GetByLabel("What to tell the referrer"), "Ethan has been referred to children's social care for an assessment.");
        await effort.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }));
        await app.WaitForPageAsync(page, "/front-door");
        (await page.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("recorded");
        (await page.Locator("[data-testid=tray]").InnerTextAsync()).ShouldNotContain("Ethan Clarke");

        Report(effort);
        effort.ShouldMeetBudget(pages: 2, fields: 3, clicks: 2);
    }

    [Fact]
    public async Task RecordAVisit_MeetsItsBudget()
    {
        var page = await SignedInAsync("grace.lee@northbridge.example");
        using var effort = new JourneyEffort("Record a visit", page);

        await effort.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "Visit: Maya Green" }));
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("/case-notes/new"));
        (await page.GetByLabel("Visit", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue(); // chosen by the tray's link
        await effort.FillAsync(page.GetByLabel("Who took part"), "Maya; her mother Claire Green (parent)");
        await effort.CheckAsync(page.Locator("[name=ChildSeen][value=yes]"));
        await effort.CheckAsync(page.Locator("[name=ChildSeenAlone][value=yes]"));
        await effort.FillAsync(page.GetByLabel("Note"), "Unannounced visit after school. Maya showed me her room and her homework; food in the fridge.");
        await effort.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record the case note" }));
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("/children/") && !url.Contains("/case-notes/new"));
        (await page.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("Visit recorded");
        (await page.Locator("[data-testid=case-notes]").InnerTextAsync()).ShouldContain("Maya showed me her room and her homework");

        Report(effort);
        effort.ShouldMeetBudget(pages: 2, fields: 4, clicks: 2);
    }

    [Fact]
    public async Task RecordCaseSupervision_MeetsItsBudget()
    {
        var page = await SignedInAsync("martin.hughes@northbridge.example");
        using var effort = new JourneyEffort("Record a supervision", page);

        await effort.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "Case supervision: Ellie Watson" }));
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("/supervision/cases/"));
        await effort.FillAsync(page.GetByLabel("Reflection"), "Hannah has begun to build Ellie's trust; Ellie talked about school for the first time.");
        await effort.FillAsync(page.GetByLabel("Analysis of risk"), "The mother's partner still lives at home; Ellie has not been asked about him alone.");
        await effort.FillAsync(page.GetByLabel("Decisions"), "Hannah to see Ellie alone at school this week and ask about home.");
        var dueOn = Core.Timescales.TimeLimits.UkDay(app.Time.GetUtcNow()).AddDays(7);
        await effort.FillAsync(page.GetByLabel("What is to be done (action 1)"), "See Ellie alone at school");
        await effort.FillDateAsync("Form.Actions[0].DueOn", dueOn);
        await effort.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record case supervision" }));
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("/supervision/workers/"));
        (await page.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("about Ellie Watson recorded");
        (await page.Locator("[data-testid=sessions]").InnerTextAsync()).ShouldContain("see Ellie alone at school this week");

        Report(effort);
        effort.ShouldMeetBudget(pages: 2, fields: 7, clicks: 2);
    }

    [Fact]
    public async Task AddAChronologyEntry_MeetsItsBudget()
    {
        var page = await SignedInAsync("grace.lee@northbridge.example");
        using var effort = new JourneyEffort("Add a chronology entry", page);

        await effort.ClickAsync(page.GetByTestId("cases").GetByRole(AriaRole.Link, new() { Name = "Maya Green" }));
        await BrowserFixture.WaitForPageAsync(page, url => new Uri(url).AbsolutePath.StartsWith("/children/", StringComparison.Ordinal));
        await effort.ClickAsync(page.GetByTestId("chronology-link"));
        await BrowserFixture.WaitForPageAsync(page, url => url.EndsWith("/chronology", StringComparison.Ordinal));
        await effort.ClickAsync(page.Locator("[data-testid=add-event] summary"));
        await effort.FillDateAsync("HappenedOn", Core.Timescales.TimeLimits.UkDay(app.Time.GetUtcNow()).AddDays(-2));
        await effort.FillAsync(page.Locator("textarea[name=What]"), "Maya's grandmother moved in to help while the mother is in hospital.");
        await effort.FillAsync(page.GetByLabel("Where the information came from"), "Phone call from the grandmother");
        await effort.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add to the chronology" }));
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        await BrowserFixture.WaitForPageAsync(page, url => url.Contains("/chronology"));
        (await page.Locator(".moj-timeline__item[data-kind=Added]").InnerTextAsync()).ShouldContain("grandmother moved in");

        Report(effort);
        effort.ShouldMeetBudget(pages: 3, fields: 5, clicks: 4);
    }

    [Fact]
    public async Task FindAChildAndOpenTheirRecord_MeetsItsBudget()
    {
        var page = await SignedInAsync("grace.lee@northbridge.example");
        using var effort = new JourneyEffort("Find a child and open their record", page);

        await effort.FillAsync(page.GetByLabel("Name, date of birth, NHS number or postcode"), "Leo Carter");
        var found = page.GetByTestId("search-results").GetByRole(AriaRole.Link, new() { Name = "Leo Carter" });
        await found.WaitForAsync();
        page.Url.ShouldBe(app.BaseUrl + "/"); // the results came to the home page; its address is left alone
        await BrowserFixture.NoAxeViolationsAsync(page);
        await effort.ClickAsync(found);
        await BrowserFixture.WaitForPageAsync(page, url => new Uri(url).AbsolutePath.StartsWith("/children/", StringComparison.Ordinal));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Leo Carter");
        (await page.Locator(".govuk-caption-l").First.InnerTextAsync()).ShouldBe("Child's record");

        Report(effort);
        effort.ShouldMeetBudget(pages: 1, fields: 1, clicks: 1);
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, email);
        await app.WaitForPageAsync(page, "/");
        return page;
    }

    /// <summary>The journey's counts, in the test output and in journey-effort.md beside the test assembly (this run's journeys).</summary>
    private void Report(JourneyEffort effort)
    {
        output.WriteLine($"{effort.TableRow}  (pages, fields, clicks)");
        lock (Measured)
        {
            Measured[effort.Journey] = effort.TableRow;
            File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "journey-effort.md"),
                ["| Journey | Pages | Fields | Clicks |", "|---|---|---|---|", .. Measured.Values]);
        }
    }

    private static readonly SortedDictionary<string, string> Measured = new(StringComparer.Ordinal);
}
