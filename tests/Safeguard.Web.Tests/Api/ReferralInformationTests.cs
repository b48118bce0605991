using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Seeding;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Api;

/// <summary>A partner adds information to a referral already sent: the API, the partner page and the front door's side.</summary>
public sealed class ReferralInformationTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string PolicePartner = "pc.jones@police.example";
    private const string SchoolPartner = "mr.singh@riverside.example";
    private const string FrontDoorWorker = "priya.shah@northbridge.example";

    private static int _births;

    private async Task<(HttpClient Client, Guid ReferralId)> PoliceReferralAsync(string family)
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var client = App.ApiClient(key.Key);
        // Each test's Tom is born on his own day: two Toms with one birthday at one address would be linked as one child.
        var dob = new DateOnly(2019, 1, 1).AddDays(Interlocked.Increment(ref _births) * 3).ToString("yyyy-MM-dd");
        var created = await client.PostReferralAsync(PartnerApiTestHelpers.Referral("Tom", family, dob));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (client, (await created.JsonAsync()).GetProperty("id").GetGuid());
    }

    private static Task<HttpResponseMessage> PostInformationAsync(HttpClient client, Guid referralId, string body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/referrals/{referralId}/information")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    private static string Body(string text, string? from = null) =>
        new JsonObject { ["text"] = text, ["from"] = from }.ToJsonString();

    private async Task DecideAsync(Guid contactId)
    {
        var decider = await App.UserIdAsync(FrontDoorWorker);
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScreeningDecisions>()
            .DecideAsync(new DecisionInput(contactId, ScreeningOutcome.EarlyHelp, "Early help with the family's agreement", null), decider, false);
    }

    [Fact]
    public async Task Api_AddsInformation_201_AndItIsOnTheDecisionPageAndInTheChildsHistory()
    {
        var (client, id) = await PoliceReferralAsync("Apiadded");

        var response = await PostInformationAsync(client, id, Body("Tom's father was arrested last night.", "DC Alex Moore"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body.GetProperty("referralId").GetGuid().ShouldBe(id);
        body.GetProperty("from").GetString().ShouldBe("DC Alex Moore");
        body.GetProperty("receivedAt").GetDateTimeOffset().ShouldBe(App.Time.GetUtcNow());
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/referrals/{id}");

        var worker = await App.SignInAsync(FrontDoorWorker);
        var page = await Html.ParseAsync(await worker.GetAsync($"/front-door/contacts/{id}"));
        var added = page.QuerySelector("[data-testid=added-information]").ShouldNotBeNull().TextContent;
        added.ShouldContain("Information added by the referrer (DC Alex Moore)");
        added.ShouldContain("Tom's father was arrested last night.");
        await using var db = App.CreateDbContext();
        var personId = await db.ContactChildren.Where(cc => cc.ContactId == id).Select(cc => cc.PersonId).SingleAsync();
        (await worker.GetStringAsync($"/children/{personId}")).ShouldContain("Information added by the referrer from DC Alex Moore");
        (await db.WorkItems.SingleAsync(w => w.SubjectId == id && w.Kind == WorkKind.ScreeningDecision)).Title.ShouldEndWith("(new information added)");
    }

    [Fact]
    public async Task Api_TheSameKeyAndBodyTwice_Replays200WithOneRow_AndTheKeyWithOtherTextIs422()
    {
        var (client, id) = await PoliceReferralAsync("Replayed");
        var key = Guid.NewGuid().ToString();

        var first = await PostInformationAsync(client, id, Body("Seen again at 22:00."), key);
        var again = await PostInformationAsync(client, id, Body("Seen again at 22:00."), key);
        var other = await PostInformationAsync(client, id, Body("Something else."), key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await again.JsonAsync()).GetProperty("id").GetGuid().ShouldBe((await first.JsonAsync()).GetProperty("id").GetGuid());
        (await other.ProblemAsync(422)).GetProperty("type").GetString().ShouldBe("urn:safeguard:problem:idempotency-key-reused");
        await using var db = App.CreateDbContext();
        (await db.ContactInformation.CountAsync(i => i.ContactId == id)).ShouldBe(1);
    }

    [Fact]
    public async Task Api_AnotherOrganisationsReferral_Is404_AndNothingIsAdded()
    {
        var (_, id) = await PoliceReferralAsync("Notyours");
        var school = App.ApiClient((await App.CreateKeyAsync(DemoAccounts.School)).Key);

        var response = await PostInformationAsync(school, id, Body("Not ours."));

        await response.ProblemAsync(404);
        await using var db = App.CreateDbContext();
        (await db.ContactInformation.CountAsync(i => i.ContactId == id)).ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Api_EmptyText_Is400ProblemNamingTheField(string? text)
    {
        var (client, id) = await PoliceReferralAsync("Emptytext");

        var response = await PostInformationAsync(client, id, new JsonObject { ["text"] = text }.ToJsonString());

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("errors").GetProperty("text")[0].GetString()!.ShouldContain("'text' is required");
    }

    /// <summary>PostgreSQL cannot keep a NUL character in text: found by the fuzz suite as a 500 when saving.</summary>
    [Fact]
    public async Task Api_ANulCharacterInTheTextOrName_Is400ProblemNamingTheField_AndNothingIsAdded()
    {
        var (client, id) = await PoliceReferralAsync("Nulchar");

        var response = await PostInformationAsync(client, id, Body("Seen at \0 the school gate", "DC \0 Moore"));

        var errors = (await response.ProblemAsync(400)).GetProperty("errors");
        errors.GetProperty("text")[0].GetString()!.ShouldContain("NUL character");
        errors.GetProperty("from")[0].GetString()!.ShouldContain("NUL character");
        await using var db = App.CreateDbContext();
        (await db.ContactInformation.CountAsync(i => i.Text.Contains("school gate"))).ShouldBe(0);
    }

    [Fact]
    public async Task Api_OversizedTextOrName_Is400Problem_AndAnUnknownFieldIsRefused()
    {
        var (client, id) = await PoliceReferralAsync("Oversized");

        var tooLong = await PostInformationAsync(client, id, Body(new string('x', ContactInformation.MaxTextLength + 1), new string('y', 201)));
        var unknown = await PostInformationAsync(client, id, "{\"text\":\"ok\",\"urgent\":true}");

        var errors = (await tooLong.ProblemAsync(400)).GetProperty("errors");
        errors.GetProperty("text")[0].GetString()!.ShouldContain("at most 20,000 characters");
        errors.GetProperty("from")[0].GetString()!.ShouldContain("at most 200 characters");
        (await unknown.ProblemAsync(400)).GetProperty("errors").GetProperty("urgent")[0].GetString()!.ShouldContain("Unknown field");
    }

    [Fact]
    public async Task Api_WithoutAKey_Is401_AndWithoutAnIdempotencyKey_Is400()
    {
        var (client, id) = await PoliceReferralAsync("Nokey");

        var anonymous = await PostInformationAsync(App.ApiClient(null), id, Body("Hello"));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/referrals/{id}/information") { Content = new StringContent(Body("Hello"), Encoding.UTF8, "application/json") };
        var noIdempotencyKey = await client.SendAsync(request);

        await anonymous.ProblemAsync(401);
        (await noIdempotencyKey.ProblemAsync(400)).GetProperty("errors").GetProperty("Idempotency-Key").ShouldNotBe(default);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheInformationEndpoint()
    {
        var document = await App.CreateClient().GetStringAsync("/openapi/v1.json");
        var json = JsonNode.Parse(document)!;

        var post = json["paths"]!["/api/v1/referrals/{id}/information"]!["post"]!;
        post["summary"]!.GetValue<string>().ShouldBe("Add information to one of your organisation's referrals");
        post["description"]!.GetValue<string>().ShouldContain("Idempotency-Key");
        post["responses"]!["404"].ShouldNotBeNull();
    }

    [Fact]
    public async Task PartnerPage_AddsInformationToADecidedReferral_TheFrontDoorGetsAReadItem_AndMarkingItReadClosesIt()
    {
        var (_, id) = await PoliceReferralAsync("Pageadded");
        await DecideAsync(id);
        var partner = await App.SignInAsync(PolicePartner);

        var response = await SafeguardAppFactory.PostFormAsync(partner, $"/partner/referrals/{id}",
            new() { ["Text"] = "Tom has been missing since this morning.", ["From"] = "PC Jones" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var own = await Html.ParseAsync(await partner.GetAsync($"/partner/referrals/{id}"));
        own.QuerySelector("[data-testid=added-information]").ShouldNotBeNull().TextContent.ShouldContain("Tom has been missing since this morning.");
        await using var db = App.CreateDbContext();
        var informationId = await db.ContactInformation.Where(i => i.ContactId == id).Select(i => i.Id).SingleAsync();
        var status = await db.Contacts.Where(c => c.Id == id).Select(c => c.Status).SingleAsync();
        status.ShouldBe(ContactStatus.Decided);
        var item = await db.WorkItems.AsNoTracking().SingleAsync(w => w.SubjectId == informationId);
        item.Kind.ShouldBe(WorkKind.ReadNewInformation);
        item.Title.ShouldBe("Read new information about Tom Pageadded");
        item.ClosedAt.ShouldBeNull();
        var worker = await App.SignInAsync(FrontDoorWorker);
        (await Html.ParseAsync(await worker.GetAsync("/front-door"))).QuerySelector("[data-testid=new-information]").ShouldNotBeNull()
            .TextContent.ShouldContain("Tom Pageadded");

        var read = await SafeguardAppFactory.PostFormAsync(worker, $"/front-door/contacts/{id}/information/read", [], $"/front-door/contacts/{id}");

        read.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == item.Id)).ClosedAt.ShouldNotBeNull();
        // Other tests in this class leave information unread; this referral's is no longer listed.
        var tray = await Html.ParseAsync(await worker.GetAsync("/front-door"));
        (tray.QuerySelector("[data-testid=new-information]")?.TextContent ?? "").ShouldNotContain("Tom Pageadded");
    }

    [Fact]
    public async Task MarkingInformationRead_IsRefusedToAPartner_AndLeavesItUnread()
    {
        var (_, id) = await PoliceReferralAsync("Readrefused");
        await DecideAsync(id);
        var partner = await App.SignInAsync(PolicePartner);
        await SafeguardAppFactory.PostFormAsync(partner, $"/partner/referrals/{id}", new() { ["Text"] = "More news." });
        var token = SafeguardAppFactory.AntiforgeryToken(await partner.GetStringAsync($"/partner/referrals/{id}"));

        var response = await partner.PostAsync($"/front-door/contacts/{id}/information/read",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.ContactInformation.SingleAsync(i => i.ContactId == id)).ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task PartnerPage_WithNoText_IsRefusedWithAMessage_KeepingTheName()
    {
        var (_, id) = await PoliceReferralAsync("Pageempty");
        var partner = await App.SignInAsync(PolicePartner);

        var response = await SafeguardAppFactory.PostFormAsync(partner, $"/partner/referrals/{id}", new() { ["Text"] = " ", ["From"] = "PC Jones (typed)" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Enter the information you want to add");
        page.QuerySelector("[name='From']")!.GetAttribute("value").ShouldBe("PC Jones (typed)");
    }

    [Fact]
    public async Task PartnerPage_AnotherOrganisationsReferral_Is404_AndAFrontDoorWorkerIsRefused()
    {
        var (_, id) = await PoliceReferralAsync("Pageothers");
        var school = await App.SignInAsync(SchoolPartner);
        var worker = await App.SignInAsync(FrontDoorWorker);
        // The worker's own antiforgery token, from a page they may use: the refusal is the page's rule, not the token.
        var token = SafeguardAppFactory.AntiforgeryToken(await worker.GetStringAsync("/front-door/contacts/new"));

        (await school.GetAsync($"/partner/referrals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await worker.GetAsync($"/partner/referrals/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var post = await worker.PostAsync($"/partner/referrals/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = "Written by the wrong person", ["__RequestVerificationToken"] = token,
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.ContactInformation.CountAsync(i => i.ContactId == id)).ShouldBe(0);
    }
}
