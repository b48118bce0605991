using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Escalations;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Escalating;

public sealed class EscalationPagesTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Sam = "sam.okafor@northbridge.example";
    private const string Martin = "martin.hughes@northbridge.example"; // Sam's line manager
    private const string Hannah = "hannah.wright@northbridge.example"; // Sam's colleague
    private const string Chloe = "chloe.adams@northbridge.example"; // another team's manager
    private const string Director = "david.clarke@northbridge.example";
    private const string Partner = "pc.jones@police.example";
    private const string ChangedElsewhere = "Someone else changed this while you were working on it";

    private async Task<Guid> RaiseAsync(HttpClient raiser, string subject, bool share)
    {
        var directorId = await App.UserIdAsync(Director);
        var response = await SafeguardAppFactory.PostFormAsync(raiser, "/escalations/new", new()
        {
            ["AnswererId"] = directorId.ToString(), ["Subject"] = subject,
            ["Concern"] = "Strategy discussions are held with the police only.", ["ShareWithManager"] = share ? "Yes" : "No", ["ChildId"] = "",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient answerer, Guid id, string outcome = nameof(EscalationOutcome.Upheld)) =>
        SafeguardAppFactory.PostFormAsync(answerer, $"/escalations/{id}", new() { ["Outcome"] = outcome, ["Answer"] = "Health will be invited from Monday." });

    [Fact]
    public async Task AWorkerRaisesAConcern_TheDirectorAnswersIt_AndTheWorkerReadsTheAnswer()
    {
        var sam = await App.SignInAsync(Sam);
        var director = await App.SignInAsync(Director);
        (await sam.GetStringAsync("/")).ShouldContain("Raise a concern with the director");
        (await director.GetStringAsync("/")).ShouldContain("href=\"/escalations\"");

        var id = await RaiseAsync(sam, "Strategy discussions without health", share: false);

        var list = Html.Parse(await director.GetStringAsync("/escalations"));
        list.QuerySelector("[data-testid=escalations]")!.TextContent.ShouldContain("Strategy discussions without health");
        list.QuerySelector("[data-testid=raised-count]").ShouldNotBeNull();
        var home = await director.GetStringAsync("/");
        home.ShouldContain($"/escalations/{id}"); // the work item on the director's own open work
        (await AnswerAsync(director, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = Html.Parse(await sam.GetStringAsync($"/escalations/{id}"));
        page.QuerySelector("[data-testid=outcome]")!.TextContent.ShouldBe("Upheld");
        page.QuerySelector("[data-testid=response]")!.TextContent.ShouldBe("Health will be invited from Monday.");
        page.QuerySelector("form[action='/escalations/" + id + "']").ShouldBeNull();
        Html.Parse(await sam.GetStringAsync("/escalations/mine")).QuerySelector("[data-testid=my-escalations]")!.TextContent.ShouldContain("Upheld");
        await using var db = App.CreateDbContext();
        (await db.WorkItems.SingleAsync(w => w.SubjectId == id && w.Kind == WorkKind.Escalation)).IsOpen.ShouldBeFalse();
    }

    [Fact]
    public async Task ABadForm_Is400_WithTheGovUkErrors_AndKeepsWhatWasTyped()
    {
        var sam = await App.SignInAsync(Sam);

        var response = await SafeguardAppFactory.PostFormAsync(sam, "/escalations/new", new()
        {
            ["Subject"] = new string('s', Escalation.SubjectMaxLength + 1), ["Concern"] = "Something typed that must not be lost",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        summary.ShouldContain("must be 120 characters or fewer");
        summary.ShouldContain("Select whether your line manager may see this concern");
        page.QuerySelector("#Subject-error").ShouldNotBeNull();
        page.QuerySelector("textarea[name=Concern]")!.TextContent.Trim().ShouldBe("Something typed that must not be lost");
        page.QuerySelector("input[name=Subject]")!.GetAttribute("value").ShouldBe(new string('s', Escalation.SubjectMaxLength + 1));
    }

    [Fact]
    public async Task AnAnswerWithoutAnOutcome_Is400_AndKeepsTheResponse()
    {
        var id = await RaiseAsync(await App.SignInAsync(Sam), "No outcome", share: false);
        var director = await App.SignInAsync(Director);

        var response = await SafeguardAppFactory.PostFormAsync(director, $"/escalations/{id}", new() { ["Answer"] = "Typed answer" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Select the outcome");
        page.QuerySelector("textarea[name=Answer]")!.TextContent.Trim().ShouldBe("Typed answer");
    }

    [Fact]
    public async Task APartner_IsRefusedEveryEscalationPage()
    {
        var id = await RaiseAsync(await App.SignInAsync(Sam), "Partner must not see", share: false);
        var partner = await App.SignInAsync(Partner);

        foreach (var path in new[] { "/escalations/new", "/escalations/mine", "/escalations", $"/escalations/{id}" })
        {
            (await partner.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }
    }

    [Fact]
    public async Task ColleaguesAndOtherManagers_Get404_AndTheLineManagerOnlyWhenChosen()
    {
        var sam = await App.SignInAsync(Sam);
        var shared = await RaiseAsync(sam, "Shared with Martin", share: true);
        var notShared = await RaiseAsync(sam, "Not shared with Martin", share: false);
        var hannah = await App.SignInAsync(Hannah);
        var chloe = await App.SignInAsync(Chloe);
        var martin = await App.SignInAsync(Martin);

        foreach (var id in new[] { shared, notShared })
        {
            (await hannah.GetAsync($"/escalations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await chloe.GetAsync($"/escalations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await hannah.GetAsync("/escalations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await martin.GetAsync($"/escalations/{shared}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await martin.GetAsync($"/escalations/{notShared}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mine = await martin.GetStringAsync("/escalations/mine");
        mine.ShouldContain("Shared with Martin");
        mine.ShouldNotContain("Not shared with Martin");
        // Answering is the director's: a colleague's post is refused as for nothing there, and nothing changes.
        (await SafeguardAppFactory.PostFormAsync(martin, $"/escalations/{shared}", new() { ["Outcome"] = "Upheld", ["Answer"] = "No" }, formPage: $"/escalations/{shared}"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = App.CreateDbContext();
        (await db.Escalations.SingleAsync(e => e.Id == shared)).IsOpen.ShouldBeTrue();
    }

    [Fact]
    public async Task TwoAnswersAtOnce_OneIsSaved_TheOtherIsTold_AndKeepsWhatTheyTyped()
    {
        var sam = await App.SignInAsync(Sam);
        var first = await App.SignInAsync(Director);
        var second = await App.SignInAsync(Director);
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var id = await RaiseAsync(sam, $"At once {round}", share: false);

            var both = await AtOnce.PostAsync(first, second, $"/escalations/{id}",
                new Dictionary<string, string> { ["Outcome"] = "Upheld", ["Answer"] = $"First {round}" },
                new Dictionary<string, string> { ["Outcome"] = "NotUpheld", ["Answer"] = $"Second {round}" });

            both.Both().Select(r => r.StatusCode).OrderBy(s => s).ToList().ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Conflict], $"round {round}");
            var refused = await Html.ParseAsync(both.Both().Single(r => r.StatusCode == HttpStatusCode.Conflict));
            refused.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain(ChangedElsewhere);
            refused.QuerySelector("[data-testid=your-response]")!.TextContent.ShouldStartWith(both.A.StatusCode == HttpStatusCode.Conflict ? "First" : "Second");
            await using var db = App.CreateDbContext();
            (await db.Events.CountAsync(e => e.SubjectId == id && e.Type == EscalationResponded.Name)).ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task AnEscalationAboutARestrictedChild_IsNotFound_ToTheDirectorNotOnTheList_AndListedAsRestricted()
    {
        const string grace = "grace.lee@northbridge.example"; // on Rosie Bennett's access list; the director is not
        Guid rosie, id;
        await using (var db = App.CreateDbContext())
        {
            rosie = await db.People.Where(p => p.GivenName == "Rosie" && p.FamilyName == "Bennett").Select(p => p.Id).SingleAsync();
        }
        var graceClient = await App.SignInAsync(grace);
        var director = await App.SignInAsync(Director);

        // Raising it with someone who may not see the child is refused, and says why.
        var refused = await SafeguardAppFactory.PostFormAsync(graceClient, "/escalations/new", new()
        {
            ["AnswererId"] = (await App.UserIdAsync(Director)).ToString(), ["Subject"] = "About Rosie", ["Concern"] = "A concern",
            ["ShareWithManager"] = "No", ["ChildId"] = rosie.ToString(),
        }, formPage: $"/escalations/new?child={rosie}");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("may not see this child&#x27;s record");

        // One made before the child was restricted is not found by the director, and their list does not name it.
        await using (var db = App.CreateDbContext())
        {
            var escalation = new Escalation(await App.UserIdAsync(grace), await App.UserIdAsync(Director), "Rosie Bennett's plan", "A concern about Rosie",
                null, rosie, App.Time.GetUtcNow(), App.Time.GetUtcNow().AddDays(7));
            db.Escalations.Add(escalation);
            await db.SaveChangesAsync();
            id = escalation.Id;
        }
        (await director.GetAsync($"/escalations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listHtml = await director.GetStringAsync("/escalations");
        var list = Html.Parse(listHtml).QuerySelector("[data-testid=escalations]")!.TextContent;
        list.ShouldNotContain("Rosie Bennett's plan");
        list.ShouldContain(Core.People.Access.NeedToKnow.RestrictedTitle);
        listHtml.ShouldNotContain($"/escalations/{id}");
        (await SafeguardAppFactory.PostFormAsync(director, $"/escalations/{id}", new() { ["Outcome"] = "Upheld", ["Answer"] = "No" }, formPage: "/escalations"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The raiser, on the list, reads it.
        Html.Parse(await graceClient.GetStringAsync($"/escalations/{id}")).QuerySelector("[data-testid=subject]")!.TextContent.ShouldBe("Rosie Bennett's plan");
        Html.Parse(await graceClient.GetStringAsync("/escalations/mine")).QuerySelector("[data-testid=my-escalations]")!.TextContent
            .ShouldContain("Rosie Bennett's plan");
    }
}
