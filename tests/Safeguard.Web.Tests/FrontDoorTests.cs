using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Seeding;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

public sealed class FrontDoorTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string FrontDoorWorker = "priya.shah@northbridge.example";
    private const string FrontDoorManager = "jo.bennett@northbridge.example";

    private static Dictionary<string, string> ValidContact(string given = "Mia", string family = "Cooper", string category = "neglect") => new()
    {
        ["Form.Children[0].GivenName"] = given, ["Form.Children[0].FamilyName"] = family,
        ["Form.Children[0].DateOfBirth.Day"] = "3", ["Form.Children[0].DateOfBirth.Month"] = "4", ["Form.Children[0].DateOfBirth.Year"] = "2019",
        ["Form.Children[0].Sex"] = "Female", ["Form.Children[0].NhsNumber"] = "", ["Form.Children[0].Postcode"] = "NB1 2AB",
        ["Form.ReferrerName"] = "Sue Black", ["Form.ReferrerOrganisation"] = "Hillside Nursery", ["Form.ReferrerEmail"] = "sue@hillside.example",
        ["Form.Concern"] = "Mia arrived with no coat in the snow again and was very hungry.", ["Form.Categories"] = category,
        ["Form.InjurySeen"] = "no", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "yes",
        ["Form.Method"] = "Phone",
    };

    private Dictionary<string, string> ValidContactReceivedNow(string given = "Mia", string family = "Cooper", string category = "neglect")
    {
        var form = ValidContact(given, family, category);
        foreach (var (key, value) in ReceivedAt(App.Time.GetUtcNow())) form[key] = value;
        return form;
    }

    /// <summary>The "When was it received?" fields for an instant, in UK local time as a worker types them.</summary>
    public static Dictionary<string, string> ReceivedAt(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Core.Timescales.WorkingDayCalendar.UkTime);
        return new()
        {
            ["Form.ReceivedOn.Day"] = local.Day.ToString(), ["Form.ReceivedOn.Month"] = local.Month.ToString(),
            ["Form.ReceivedOn.Year"] = local.Year.ToString(), ["Form.ReceivedTime"] = local.ToString("HH:mm"),
        };
    }

    [Fact]
    public async Task RecordContact_WithNothingFilledIn_ShowsEveryProblemAndKeepsWhatWasTyped()
    {
        var client = await App.SignInAsync(FrontDoorWorker);

        var response = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", new()
        {
            ["Form.Children[0].GivenName"] = "Mia", ["Form.Children[0].NhsNumber"] = "1234567890",
            ["Form.Children[0].DateOfBirth.Day"] = "31", ["Form.Children[0].DateOfBirth.Month"] = "2", ["Form.Children[0].DateOfBirth.Year"] = "2019",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        summary.ShouldContain("Enter the child's last name");
        summary.ShouldContain("Date of birth must be a real date");
        summary.ShouldContain("Enter a valid NHS number");
        summary.ShouldContain("Describe what happened");
        summary.ShouldContain("Select at least one concern category");
        page.QuerySelector("#Form_Children_0__GivenName, [name='Form.Children[0].GivenName']")!.GetAttribute("value").ShouldBe("Mia");
        page.QuerySelector("[name='Form.Children[0].DateOfBirth.Day']")!.GetAttribute("value").ShouldBe("31");
    }

    [Fact]
    public async Task RecordContact_PutsItOnTheTrayWithADecisionClock()
    {
        var client = await App.SignInAsync(FrontDoorWorker);

        var form = ValidContactReceivedNow("Mia", "Cooper");
        form["Form.Concern"] = "Mia was left alone at the park for three hours.";
        var response = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tray = await client.GetStringAsync("/front-door");
        tray.ShouldContain("Mia Cooper");
        await using var db = App.CreateDbContext();
        var contact = await db.Contacts.SingleAsync(c => c.Concern == "Mia was left alone at the park for three hours.");
        contact.Priority.ShouldBe(Core.Work.Priority.Urgent);
        contact.Channel.ShouldBe(ContactChannel.FrontDoor);
    }

    [Fact]
    public async Task AddAnotherChild_ShowsASecondChildWithoutLosingTheFirst()
    {
        var client = await App.SignInAsync(FrontDoorWorker);

        var response = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new?handler=AddChild", ValidContact(), "/front-door/contacts/new");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("[name='Form.Children[1].GivenName']").ShouldNotBeNull();
        page.QuerySelector("[name='Form.Children[0].GivenName']")!.GetAttribute("value").ShouldBe("Mia");
    }

    [Fact]
    public async Task CheckForExistingRecords_OffersTheKnownChild_AndChoosingItLinksInsteadOfCreating()
    {
        var client = await App.SignInAsync(FrontDoorWorker);
        await using var db = App.CreateDbContext();
        var ellie = await db.People.SingleAsync(p => p.GivenName == "Ellie" && p.FamilyName == "Watson");
        var form = ValidContactReceivedNow("Ellie", "Watson");
        form["Form.Children[0].DateOfBirth.Day"] = ellie.DateOfBirth!.Value.Day.ToString();
        form["Form.Children[0].DateOfBirth.Month"] = ellie.DateOfBirth.Value.Month.ToString();
        form["Form.Children[0].DateOfBirth.Year"] = ellie.DateOfBirth.Value.Year.ToString();
        form["find"] = "0";

        var found = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new?handler=Find", form, "/front-door/contacts/new");

        var page = await Html.ParseAsync(found);
        page.QuerySelector("[data-testid=candidates-0]").ShouldNotBeNull().TextContent.ShouldContain("Ellie Watson");
        form.Remove("find");
        form["Form.Children[0].PersonId"] = ellie.Id.ToString();
        var people = await db.People.CountAsync();
        (await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await db.People.CountAsync()).ShouldBe(people);
        (await db.ContactChildren.CountAsync(cc => cc.PersonId == ellie.Id)).ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task DecisionPage_ShowsTheChildsPreviousContactsBeforeDeciding()
    {
        var client = await App.SignInAsync(FrontDoorWorker);
        var contactId = await UndecidedContactAboutAsync("Ellie");

        var page = await Html.ParseAsync(await client.GetAsync($"/front-door/contacts/{contactId}"));

        page.QuerySelector("[data-testid=history]").ShouldNotBeNull().TextContent.ShouldContain("came to school hungry");
    }

    [Fact]
    public async Task Decide_WithoutReasons_IsRefusedWithAMessage()
    {
        var client = await App.SignInAsync(FrontDoorWorker);
        var contactId = await UndecidedContactAboutAsync("Ethan");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/front-door/contacts/{contactId}", new() { ["Outcome"] = "EarlyHelp", ["Reasons"] = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Enter the reasons for the decision");
    }

    [Fact]
    public async Task Decide_ReferralToSocialCare_OpensTheCaseAwaitingAllocation()
    {
        var client = await App.SignInAsync(FrontDoorWorker);
        var contactId = await UndecidedContactAboutAsync("Lily");

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/front-door/contacts/{contactId}",
            new() { ["Outcome"] = "ReferralToSocialCare", ["Reasons"] = "Second domestic abuse incident in a year", ["Feedback"] = "We will assess Lily's needs." });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        var referral = await db.Referrals.SingleAsync(r => r.ContactId == contactId);
        referral.Status.ShouldBe(ReferralStatus.AwaitingAllocation);
        referral.SourceCode.ShouldBe("6");
    }

    [Fact]
    public async Task NoFurtherActionOnAChildProtectionConcern_NeedsTheManager_WhoCanConfirmIt()
    {
        var worker = await App.SignInAsync(FrontDoorWorker);
        var contactId = await UndecidedContactAboutAsync("Noah");

        await SafeguardAppFactory.PostFormAsync(worker, $"/front-door/contacts/{contactId}",
            new() { ["Outcome"] = "NoFurtherAction", ["Reasons"] = "GP confirms birthmark, not a bruise" });
        var workerTries = await SafeguardAppFactory.PostFormAsync(worker, $"/front-door/contacts/{contactId}?handler=Confirm", [], $"/front-door/contacts/{contactId}");
        var manager = await App.SignInAsync(FrontDoorManager);
        var confirmed = await SafeguardAppFactory.PostFormAsync(manager, $"/front-door/contacts/{contactId}?handler=Confirm", [], $"/front-door/contacts/{contactId}");

        workerTries.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        var contact = await db.Contacts.SingleAsync(c => c.Id == contactId);
        contact.Status.ShouldBe(ContactStatus.Decided);
        contact.ConfirmedByUserId.ShouldBe(await App.UserIdAsync(FrontDoorManager));
    }

    [Fact]
    public async Task ManagerChangesPriority_WithAReasonThatIsRecorded()
    {
        var manager = await App.SignInAsync(FrontDoorManager);
        var contactId = await UndecidedContactAboutAsync("Ethan");

        var noReason = await SafeguardAppFactory.PostFormAsync(manager, $"/front-door/contacts/{contactId}?handler=Priority",
            new() { ["NewPriority"] = "ChildProtection" }, $"/front-door/contacts/{contactId}");
        var withReason = await SafeguardAppFactory.PostFormAsync(manager, $"/front-door/contacts/{contactId}?handler=Priority",
            new() { ["NewPriority"] = "ChildProtection", ["PriorityReason"] = "Police now believe Ethan is being exploited" }, $"/front-door/contacts/{contactId}");

        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        withReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        (await db.Contacts.SingleAsync(c => c.Id == contactId)).Priority.ShouldBe(Core.Work.Priority.ChildProtection);
        (await db.Events.AnyAsync(e => e.Type == ContactPriorityChanged.Name && e.Reason == "Police now believe Ethan is being exploited")).ShouldBeTrue();
    }

    [Fact]
    public async Task SocialWorker_CannotDecideAContact()
    {
        var client = await App.SignInAsync("sam.okafor@northbridge.example");
        var contactId = await UndecidedContactAboutAsync("Ethan");

        var response = await client.PostAsync($"/front-door/contacts/{contactId}", new FormUrlEncodedContent([new("Outcome", "NoFurtherAction"), new("Reasons", "x")]));

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        await using var db = App.CreateDbContext();
        (await db.Contacts.SingleAsync(c => c.Id == contactId)).Status.ShouldBe(ContactStatus.AwaitingDecision);
    }

    [Fact]
    public async Task Tray_ListsChildProtectionFirst()
    {
        var client = await App.SignInAsync(FrontDoorWorker);

        var page = await Html.ParseAsync(await client.GetAsync("/front-door"));

        var rows = page.QuerySelectorAll("[data-testid=tray] tbody tr").ToList();
        rows.Count.ShouldBeGreaterThan(1);
        var firstNonCp = rows.FindIndex(r => !r.TextContent.Contains("Child protection"));
        var lastCp = rows.FindLastIndex(r => r.TextContent.Contains("Child protection"));
        lastCp.ShouldBeLessThan(firstNonCp);
    }

    [Fact]
    public async Task BacklogBoard_CountsChildProtectionApart()
    {
        var manager = await App.SignInAsync("helen.price@northbridge.example");

        var page = await Html.ParseAsync(await manager.GetAsync("/oversight/backlog"));

        page.QuerySelector("[data-testid=backlog-ScreeningDecision]").ShouldNotBeNull().TextContent.ShouldContain(DemoAccounts.FrontDoorTeam);
        int.Parse(page.QuerySelector("[data-testid=cp-ScreeningDecision]")!.TextContent).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Partner_SeesOnlyTheirOwnReferrals()
    {
        var police = await App.SignInAsync("pc.jones@police.example");
        var school = await App.SignInAsync("mr.singh@riverside.example");
        var policeContact = await UndecidedContactAboutAsync("Lily");

        (await police.GetAsync($"/partner/referrals/{policeContact}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await school.GetAsync($"/partner/referrals/{policeContact}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await school.GetStringAsync("/partner")).ShouldNotContain("Lily Harrison");
    }

    private async Task<Guid> UndecidedContactAboutAsync(string givenName)
    {
        await using var db = App.CreateDbContext();
        return await db.Contacts
            .Where(c => c.Status == ContactStatus.AwaitingDecision && c.Children.Any(ch => db.People.Any(p => p.Id == ch.PersonId && p.GivenName == givenName)))
            .OrderByDescending(c => c.ReceivedAt)
            .Select(c => c.Id).FirstAsync();
    }
}
