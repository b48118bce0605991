using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.OpenCases;

/// <summary>
/// A new contact about a child whose case is open, started from the child's record by the front door, as forms without
/// JavaScript post it: it is linked to the child, reaches the worker who holds the case, and the worker marks it read.
/// </summary>
public sealed class ContactOnOpenCasePagesTests(SafeguardAppFactory app) : AppTests(app), IAsyncLifetime
{
    private static readonly string FrontDoorWorker = DemoAccounts.ForRole(Roles.FrontDoorWorker).Email;

    public Task InitializeAsync() => QualifyWorkersAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Concern(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["Form.ReferrerName"] = "Sue Black", ["Form.ReferrerOrganisation"] = "Hillside Primary", ["Form.ReferrerEmail"] = "sue@hillside.example",
        ["Form.Concern"] = "Came to school hungry three days running.", ["Form.Categories"] = "neglect",
        ["Form.InjurySeen"] = "no", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "yes", ["Form.Method"] = "Phone",
    }.ReceivedBy(now);

    [Fact]
    public async Task TheFrontDoorStartsAContactFromTheRecord_AndTheWorkerWhoHoldsTheCaseReadsIt()
    {
        var referral = await ReferralAsync(App, "Opencase");
        await AllocateAsync(App, referral, Martin, Sam);
        var frontDoor = await App.SignInAsync(FrontDoorWorker);
        var record = Html.Parse(await frontDoor.GetStringAsync($"/children/{referral.PersonId}"));
        var start = record.QuerySelector("[data-testid=new-contact]").ShouldNotBeNull().GetAttribute("href").ShouldNotBeNull();
        start.ShouldBe($"/front-door/contacts/new?child={referral.PersonId}");

        var form = await frontDoor.GetStringAsync(start);
        var page = Html.Parse(form);
        page.QuerySelector("#Form_Children_0__GivenName, [name='Form.Children[0].GivenName']").ShouldNotBeNull().GetAttribute("value").ShouldBe("Opencase");
        page.QuerySelector($"[name='Form.Children[0].PersonId'][value='{referral.PersonId}']").ShouldNotBeNull().HasAttribute("checked").ShouldBeTrue();
        // As the browser posts it: what the page filled in (the child's details and the chosen record), then what the worker typed.
        var filled = page.QuerySelectorAll("form input")
            .Where(i => i.GetAttribute("name") is { } && (i.GetAttribute("type") is not ("radio" or "checkbox") || i.HasAttribute("checked")))
            .GroupBy(i => i.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.Last().GetAttribute("value") ?? "");
        foreach (var (name, value) in Concern(App.Time.GetUtcNow())) filled[name] = value;
        var body = filled.ToList();
        var posted = await frontDoor.PostAsync("/front-door/contacts/new", new FormUrlEncodedContent(body));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());

        Guid contactId;
        await using (var db = App.CreateDbContext())
        {
            contactId = await db.ContactChildren.Where(c => c.PersonId == referral.PersonId).Select(c => c.ContactId).SingleAsync();
            (await db.WorkItems.SingleAsync(w => w.SubjectId == contactId && w.Kind == WorkKind.ContactOnOpenCase)).OwnerUserId
                .ShouldBe(await App.UserIdAsync(Sam));
        }
        var sam = await App.SignInAsync(Sam);
        Html.Parse(await sam.GetStringAsync("/")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain($"/front-door/contacts/{contactId}");
        var contactPage = await sam.GetStringAsync($"/front-door/contacts/{contactId}");
        Html.Parse(contactPage).QuerySelector("[data-testid=open-case-contact]").ShouldNotBeNull();

        var read = await sam.PostAsync($"/front-door/contacts/{contactId}?handler=Read", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(contactPage))]));

        read.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Html.Parse(await sam.GetStringAsync($"/front-door/contacts/{contactId}")).QuerySelector("[data-testid=open-case-contact]").ShouldBeNull();
        await using var after = App.CreateDbContext();
        (await after.WorkItems.SingleAsync(w => w.SubjectId == contactId && w.Kind == WorkKind.ContactOnOpenCase)).ClosedAt.ShouldNotBeNull();
        (await after.WorkItems.SingleAsync(w => w.SubjectId == contactId && w.Kind == WorkKind.ScreeningDecision)).ClosedAt.ShouldBeNull();
    }

    [Fact]
    public async Task StartingAContactAboutARestrictedChild_IsNotFound_ToSomeoneNotOnTheList()
    {
        var referral = await ReferralAsync(App, "Opencasehidden");
        await using (var asHelen = App.Database.CreateContext(App.Time, new Actor(await App.UserIdAsync(Helen), "Helen Price")))
        {
            (await new AccessLists(asHelen).RestrictAsync(referral.PersonId, "Relative of staff")).ShouldBe(AccessChange.Done);
        }
        var frontDoor = await App.SignInAsync(FrontDoorWorker);

        var hidden = await frontDoor.GetAsync($"/front-door/contacts/new?child={referral.PersonId}");
        var missing = await frontDoor.GetAsync($"/front-door/contacts/new?child={Guid.NewGuid()}");

        (hidden.StatusCode, missing.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        (await hidden.Content.ReadAsStringAsync()).ShouldNotContain("Opencasehidden");
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.PerformanceAnalyst)]
    public async Task RolesThatMayNotRecordContacts_SeeNoLinkOnTheRecord_AndAreRefusedTheForm(string role)
    {
        var referral = await ReferralAsync(App, "Opencaserefused" + role[..4]);
        var refused = await App.SignInAsRoleAsync(role);

        var record = await refused.GetAsync($"/children/{referral.PersonId}");
        if (record.StatusCode == HttpStatusCode.OK) Html.Parse(await record.Content.ReadAsStringAsync()).QuerySelector("[data-testid=new-contact]").ShouldBeNull();
        (await refused.GetAsync($"/front-door/contacts/new?child={referral.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
