using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Chronology;
using Safeguard.Core.Chronology.Patterns;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Chronicling;

/// <summary>
/// A pattern alert on the child's record and its page: the worker acknowledges it with a note; someone outside the team
/// reads it but may not acknowledge; two at once end with one note; a restricted child's alert is not found.
/// </summary>
public sealed class PatternAlertPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private static string Page(Guid alert) => $"/pattern-alerts/{alert}";

    private static Dictionary<string, string> Form(string html, string note) => new()
    {
        ["Note"] = note,
        ["Version"] = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value,
        ["__RequestVerificationToken"] = SafeguardAppFactory.AntiforgeryToken(html),
    };

    [Fact]
    public async Task TheWorkerSeesTheAlertOnTheRecord_ANoteIsNeeded_ThenItIsAcknowledgedAndTheWorkCloses()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var alert = await PatternAlertArrange.RaiseAsync(App, maya, AddedEventKind.MissingEpisode, 1, PatternRule.MissingOnPlan);
        var grace = await App.SignInAsync("grace.lee@northbridge.example");

        var record = await Html.ParseAsync(await grace.GetAsync($"/children/{maya}"));
        var link = record.QuerySelector($"[data-testid=open-pattern-alerts] a[href='{Page(alert)}']").ShouldNotBeNull();
        link.TextContent.ShouldBe("Missing while on a plan");

        var blank = await SafeguardAppFactory.PostFormAsync(grace, Page(alert), new() { ["Note"] = "   " });
        blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(blank)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Enter what was done about this alert");

        var done = await SafeguardAppFactory.PostFormAsync(grace, Page(alert), new() { ["Note"] = "Return home interview booked with Maya" });

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.ToString().ShouldBe($"/children/{maya}#pattern-alerts");
        var after = await Html.ParseAsync(await grace.GetAsync($"/children/{maya}"));
        after.QuerySelector($"[data-testid=open-pattern-alerts] a[href='{Page(alert)}']").ShouldBeNull();
        after.QuerySelector("[data-testid=pattern-alerts] details")!.TextContent.ShouldContain("acknowledged by Grace Lee");
        var page = await Html.ParseAsync(await grace.GetAsync(Page(alert)));
        page.QuerySelector("[data-testid=note]")!.TextContent.ShouldBe("Return home interview booked with Maya");
        page.QuerySelector("form textarea").ShouldBeNull();
        await using var db = App.CreateDbContext();
        (await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.PatternAlert && w.SubjectId == alert)).IsOpen.ShouldBeFalse();
        (await db.Events.AnyAsync(e => e.SubjectId == alert && e.Type == PatternAlertAcknowledged.Name && e.ActorName == "Grace Lee")).ShouldBeTrue();
    }

    [Fact]
    public async Task AWorkerOutsideTheTeam_ReadsTheAlertWithoutAForm_AndIsRefused_AndAPartnerCannotOpenIt()
    {
        var harvey = await App.DemoChildIdAsync("Harvey");
        var alert = await PatternAlertArrange.RaiseAsync(App, harvey, AddedEventKind.MissingEpisode, 1, PatternRule.MissingOnPlan);
        var sam = await App.SignInAsync("sam.okafor@northbridge.example");

        var html = await sam.GetStringAsync(Page(alert));
        var page = Html.Parse(html);
        page.QuerySelector("[data-testid=not-yours]")!.TextContent.ShouldContain("Sophie Turner");
        page.QuerySelector("form textarea").ShouldBeNull();
        var refused = await sam.PostAsync(Page(alert), new FormUrlEncodedContent(Form(html, "Not my case")));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var partner = await App.SignInAsync("pc.jones@police.example");
        (await partner.GetAsync(Page(alert))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.PatternAlerts.SingleAsync(a => a.Id == alert)).IsOpen.ShouldBeTrue();
    }

    [Fact]
    public async Task TheWorkerAndTheirManagerAcknowledgingAtOnce_OneNoteIsKept_TheOtherIsShownTheirsAndKeepsWhatTheyTyped()
    {
        var ruby = await App.DemoChildIdAsync("Ruby");
        var alert = await PatternAlertArrange.RaiseAsync(App, ruby, AddedEventKind.MissingEpisode, 1, PatternRule.MissingOnPlan);
        var worker = await App.SignInAsync("michael.obrien@northbridge.example");
        var manager = await App.SignInAsync("chloe.adams@northbridge.example");
        var workerForm = Form(await worker.GetStringAsync(Page(alert)), "Spoke to Ruby at school");
        var managerForm = Form(await manager.GetStringAsync(Page(alert)), "Discussed with Michael in supervision");

        var responses = await Task.WhenAll(
            worker.PostAsync(Page(alert), new FormUrlEncodedContent(workerForm)),
            manager.PostAsync(Page(alert), new FormUrlEncodedContent(managerForm)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        loser.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var shown = await Html.ParseAsync(loser);
        shown.QuerySelector("[data-testid=changed-elsewhere]").ShouldNotBeNull();
        shown.QuerySelector("[data-testid=your-note]")!.TextContent.ShouldBeOneOf("Spoke to Ruby at school", "Discussed with Michael in supervision");
        shown.QuerySelector("[data-testid=note]")!.TextContent.ShouldNotBe(shown.QuerySelector("[data-testid=your-note]")!.TextContent);
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.SubjectId == alert && e.Type == PatternAlertAcknowledged.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task AnAlertAboutARestrictedChild_IsNotFound_ForSomeoneNotOnTheList_AndShownToSomeoneOnIt()
    {
        var rosie = await App.DemoChildIdAsync("Rosie");
        var alert = await PatternAlertArrange.RaiseAsync(App, rosie, AddedEventKind.Injury, 2, PatternRule.RepeatInjury);

        var sam = await App.SignInAsync("sam.okafor@northbridge.example");
        (await sam.GetAsync(Page(alert))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var grace = await App.SignInAsync("grace.lee@northbridge.example");
        (await grace.GetAsync(Page(alert))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
