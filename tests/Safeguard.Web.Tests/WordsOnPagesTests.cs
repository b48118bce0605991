using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>Pages show words for people ("Awaiting allocation", "Police", "Front door"), never enum or code names.</summary>
public sealed class WordsOnPagesTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string FrontDoorWorker = "priya.shah@northbridge.example";

    /// <summary>Enum names as C# writes them: two or more capitalised words run together.</summary>
    private static readonly string[] Codes =
    [
        "AwaitingAllocation", "AwaitingDecision", "AwaitingManagerConfirmation", "StrategyDiscussion", "ReferralToSocialCare",
        "NoFurtherAction", "InformationAndAdvice", "EarlyHelp", "ChildProtection", "FrontDoor", "PartnerApi", "PartnerPage",
        "ScreeningDecision", "ManagerConfirmation", "ReferrerFeedback", "ChildInNeed", "LocalAuthority",
    ];

    private static string VisibleText(AngleSharp.Html.Dom.IHtmlDocument page) =>
        Regex.Replace(page.QuerySelector("main")!.TextContent, @"\s+", " ");

    private static void HasNoCodes(string text)
    {
        foreach (var code in Codes) text.ShouldNotContain(code, Case.Sensitive, $"the page shows the code '{code}'");
        text.ShouldNotMatch(@"\([+-]\d+\.\d\)");
    }

    [Fact]
    public async Task ChildsRecord_ShowsReferralStatusSourceAndOutcomeInWords()
    {
        var kai = await App.DemoChildIdAsync("Kai");
        var client = await App.SignInAsync(FrontDoorWorker);

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{kai}"));

        var text = VisibleText(page);
        text.ShouldContain("Awaiting allocation");
        text.ShouldContain("Schools");
        text.ShouldContain("Referral to children's social care for assessment");
        text.ShouldContain("Male");
        HasNoCodes(text);
        page.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ShouldNotContain("2A");
    }

    [Fact]
    public async Task ChildsRecord_StrategyDiscussionOutcome_IsWords()
    {
        var amara = await App.DemoChildIdAsync("Amara");
        var client = await App.SignInAsync(FrontDoorWorker);

        var text = VisibleText(await Html.ParseAsync(await client.GetAsync($"/children/{amara}")));

        text.ShouldContain("Strategy discussion now");
        text.ShouldContain("Decided");
        HasNoCodes(text);
    }

    [Fact]
    public async Task DecisionPage_ShowsHowTheContactCameInAndEarlierReferralsInWords()
    {
        await using var db = App.CreateDbContext();
        var ellie = await App.DemoChildIdAsync("Ellie");
        var ethan = await App.DemoChildIdAsync("Ethan");
        var open = await db.Contacts.Where(c => c.Status == ContactStatus.AwaitingDecision)
            .Select(c => new { c.Id, Child = c.Children.Select(ch => ch.PersonId).First() }).ToListAsync();
        var client = await App.SignInAsync(FrontDoorWorker);

        var ellies = VisibleText(await Html.ParseAsync(await client.GetAsync($"/front-door/contacts/{open.First(o => o.Child == ellie).Id}")));
        var ethans = VisibleText(await Html.ParseAsync(await client.GetAsync($"/front-door/contacts/{open.First(o => o.Child == ethan).Id}")));

        ellies.ShouldContain("(Partner system (API))");
        ellies.ShouldContain("Referral to children's social care for assessment");
        HasNoCodes(ellies);
        ethans.ShouldContain("(Front door)");
        HasNoCodes(ethans);
    }

    [Fact]
    public async Task Tray_PrioritiesAreWords()
    {
        var client = await App.SignInAsync(FrontDoorWorker);

        var text = VisibleText(await Html.ParseAsync(await client.GetAsync("/front-door")));

        text.ShouldContain("Child protection");
        text.ShouldContain("Urgent");
        HasNoCodes(text);
    }

    [Fact]
    public async Task Backlog_GroupsAreNamedInWords()
    {
        var client = await App.SignInAsRoleAsync(Roles.TeamManager);

        var text = VisibleText(await Html.ParseAsync(await client.GetAsync("/oversight/backlog")));

        text.ShouldContain("Contacts waiting for a decision");
        text.ShouldContain("Referrals waiting for allocation");
        HasNoCodes(text);
    }

    [Fact]
    public async Task PartnerPages_OutcomeIsWords()
    {
        await using var db = App.CreateDbContext();
        var amara = await App.DemoChildIdAsync("Amara");
        var contactId = await db.ContactChildren.Where(c => c.PersonId == amara).Select(c => c.ContactId).FirstAsync();
        var client = await App.SignInAsync("pc.jones@police.example");

        var list = VisibleText(await Html.ParseAsync(await client.GetAsync("/partner")));
        var one = VisibleText(await Html.ParseAsync(await client.GetAsync($"/partner/referrals/{contactId}")));

        list.ShouldContain("Strategy discussion now");
        HasNoCodes(list);
        one.ShouldContain("Outcome: Strategy discussion now");
        HasNoCodes(one);
    }

    [Fact]
    public async Task Decision_IsOneLineInTheChildsHistory_WithItsAutomaticRowsUnderIt()
    {
        var client = await App.SignInAsync(FrontDoorWorker);
        var form = new Dictionary<string, string>
        {
            ["Form.Children[0].GivenName"] = "Rosa", ["Form.Children[0].FamilyName"] = "Whitlock",
            ["Form.Children[0].DateOfBirth.Day"] = "3", ["Form.Children[0].DateOfBirth.Month"] = "4", ["Form.Children[0].DateOfBirth.Year"] = "2019",
            ["Form.Children[0].Sex"] = "Female", ["Form.Children[0].Postcode"] = "NB1 2AB",
            ["Form.ReferrerName"] = "Sue Black", ["Form.ReferrerOrganisation"] = "Hillside Nursery", ["Form.ReferrerEmail"] = "sue@hillside.example",
            ["Form.Concern"] = "Rosa said she is hit at home with a belt.", ["Form.Categories"] = "physical-abuse",
            ["Form.InjurySeen"] = "no", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "no",
        }.ReceivedBy(App.Time.GetUtcNow());
        (await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        var rosa = await db.People.Where(p => p.FamilyName == "Whitlock").Select(p => p.Id).SingleAsync();
        var contact = await db.ContactChildren.Where(c => c.PersonId == rosa).Select(c => c.ContactId).SingleAsync();

        var decided = await SafeguardAppFactory.PostFormAsync(client, $"/front-door/contacts/{contact}", new()
        {
            ["Outcome"] = nameof(ScreeningOutcome.StrategyDiscussion), ["Reasons"] = "Disclosure of being hit with a belt.",
        });
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{rosa}"));
        var rows = page.QuerySelectorAll("[data-testid=history] tbody tr").Select(r => Regex.Replace(r.TextContent, @"\s+", " ")).ToList();
        rows.Count(r => r.Contains("decided: strategy discussion now")).ShouldBe(1);
        rows.Single(r => r.Contains("decided: strategy discussion now")).ShouldContain("Also recorded: Contact changed");
        rows.ShouldNotContain(r => r.Contains(" Contact changed ") && !r.Contains("Also recorded"));
        rows.Count(r => r.Contains("received from Sue Black")).ShouldBe(1);
        (await db.Events.CountAsync(e => e.PersonId == rosa && e.Type == RecordChanged.Name)).ShouldBeGreaterThan(0, "the automatic rows are still kept");
        HasNoCodes(VisibleText(page));
    }

    [Fact]
    public async Task DuplicateReview_ExplanationStoredWithWeights_IsShownWithout()
    {
        await using var db = App.CreateDbContext();
        var a = new Core.People.Person("Nell", "Ashdown", new DateOnly(2019, 4, 9), Core.People.Sex.Female);
        var b = new Core.People.Person("Nel", "Ashdown", new DateOnly(2019, 4, 9), Core.People.Sex.Female);
        db.People.AddRange(a, b);
        var candidate = new Core.People.DuplicateCandidate(a.Id, b.Id, 14.2, "Possible",
            "[\"Given name: sounds alike (partial agreement, +3.1)\",\"Date of birth: agrees exactly (+11.0)\"]",
            Core.People.DuplicateFoundBy.Intake, App.Time.GetUtcNow());
        db.DuplicateCandidates.Add(candidate);
        await db.SaveChangesAsync();
        var client = await App.SignInAsRoleAsync(Roles.TeamManager);

        var page = await Html.ParseAsync(await client.GetAsync($"/people/duplicates/{candidate.Id}"));

        var explanation = page.QuerySelector("[data-testid=explanation]").ShouldNotBeNull().TextContent;
        explanation.ShouldContain("Date of birth: agrees exactly");
        explanation.ShouldNotContain("+11.0");
        explanation.ShouldNotContain("partial agreement");
        VisibleText(page).ShouldContain("Female");
    }
}
