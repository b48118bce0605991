using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Api;

public sealed class ReferralsApiTests(SafeguardAppFactory app) : AppTests(app)
{
    [Fact]
    public async Task Post_ValidReferral_Returns201WithLocationAndDueTimesFromTheCalendar()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var client = App.ApiClient(key.Key);

        var response = await client.PostReferralAsync(PartnerApiTestHelpers.Referral(categories: ["physical-abuse"]));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/referrals/{id}");
        body.GetProperty("reference").GetString().ShouldStartWith("C");
        body.GetProperty("status").GetString().ShouldBe("awaiting-decision");
        body.GetProperty("priority").GetString().ShouldBe("child-protection");
        body.TryGetProperty("decision", out _).ShouldBeFalse();

        var now = App.Time.GetUtcNow();
        body.GetProperty("receivedAt").GetString().ShouldEndWith("Z");
        body.GetProperty("receivedAt").GetDateTimeOffset().ShouldBe(now);
        // Child protection runs on the urgent clock: 17:00 UK time the same working day (received Monday 09:00).
        body.GetProperty("decisionDueAt").GetDateTimeOffset().ShouldBe(
            App.Services.GetRequiredService<ScreeningDecisionClock>().DecisionDue(now, Core.Work.Priority.ChildProtection));
        body.GetProperty("decisionDueAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));
        body.GetProperty("feedbackDueAt").GetDateTimeOffset().ShouldBe(TimeLimits.ReferrerFeedbackDue(now));

        await using var db = App.CreateDbContext();
        var contact = await db.Contacts.Include(c => c.Children).SingleAsync(c => c.Id == id);
        contact.Channel.ShouldBe(ContactChannel.PartnerApi);
        contact.ReferringOrganisationId.ShouldBe(key.OrganisationId);
        contact.ReferrerEmail.ShouldBe("alex.moore@police.example");
        var actors = await db.Events.Where(e => e.SubjectId == id).Select(e => e.ActorName).Distinct().ToListAsync();
        actors.ShouldBe([$"{DemoAccounts.Police} (API)"]);
    }

    [Fact]
    public async Task Post_OverABankHoliday_DecisionIsDueOnTheNextWorkingDay()
    {
        // A council of its own: the clock only moves forward, and this test moves it a month on.
        var app = new SafeguardAppFactory();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var key = await app.CreateKeyAsync(DemoAccounts.Police);
            app.Time.SetUtcNow(new DateTimeOffset(2026, 4, 2, 14, 0, 0, TimeSpan.Zero)); // Thursday before Good Friday

            // A standard referral (one working day); urgent ones are due by 17:00 the same day.
            var response = await app.ApiClient(key.Key).PostReferralAsync(PartnerApiTestHelpers.Referral(categories: ["other"]));

            var body = await response.JsonAsync();
            var due = body.GetProperty("decisionDueAt").GetDateTimeOffset();
            due.ShouldBe(app.Services.GetRequiredService<IWorkingDayCalendar>().ScreeningDecisionDue(app.Time.GetUtcNow()));
            due.Date.ShouldBe(new DateTime(2026, 4, 7)); // Good Friday and Easter Monday skipped
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Get_ShowsTheDecisionOnlyOnceDecided()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var client = App.ApiClient(key.Key);
        var created = await (await client.PostReferralAsync(PartnerApiTestHelpers.Referral(categories: ["neglect"]))).JsonAsync();
        var id = created.GetProperty("id").GetGuid();

        var before = await (await client.GetAsync($"/api/v1/referrals/{id}")).JsonAsync();
        before.GetProperty("status").GetString().ShouldBe("awaiting-decision");
        before.TryGetProperty("decision", out _).ShouldBeFalse();
        before.GetProperty("reference").GetString().ShouldBe(created.GetProperty("reference").GetString());

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var decisions = scope.ServiceProvider.GetRequiredService<ScreeningDecisions>();
            await decisions.DecideAsync(new DecisionInput(id, ScreeningOutcome.EarlyHelp, "Internal note: family known to early help",
                "The family have been offered early help."), await App.UserIdAsync(DemoAccounts.ForRole(Core.Security.Roles.FrontDoorWorker).Email), false);
        }

        var response = await client.GetAsync($"/api/v1/referrals/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await response.JsonAsync();
        after.GetProperty("status").GetString().ShouldBe("decided");
        var decision = after.GetProperty("decision");
        decision.GetProperty("outcome").GetString().ShouldBe("early-help");
        decision.GetProperty("reasons").GetString().ShouldBe("The family have been offered early help.");
        decision.GetProperty("decidedAt").GetDateTimeOffset().ShouldBe(App.Time.GetUtcNow());
    }

    [Fact]
    public async Task Get_NoFurtherActionAwaitingAManager_IsNotShownAsDecided()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var client = App.ApiClient(key.Key);
        var id = (await (await client.PostReferralAsync(PartnerApiTestHelpers.Referral(categories: ["physical-abuse"]))).JsonAsync())
            .GetProperty("id").GetGuid();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var decisions = scope.ServiceProvider.GetRequiredService<ScreeningDecisions>();
            (await decisions.DecideAsync(new DecisionInput(id, ScreeningOutcome.NoFurtherAction, "Explained", null), Guid.NewGuid(), false))
                .Result.ShouldBe(DecisionResult.AwaitingManagerConfirmation);
        }

        var body = await (await client.GetAsync($"/api/v1/referrals/{id}")).JsonAsync();

        body.GetProperty("status").GetString().ShouldBe("awaiting-decision");
        body.TryGetProperty("decision", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Get_AnotherOrganisationsReferral_Is404()
    {
        var police = await App.CreateKeyAsync(DemoAccounts.Police);
        var health = await App.CreateKeyAsync(DemoAccounts.Health);
        var id = (await (await App.ApiClient(police.Key).PostReferralAsync(PartnerApiTestHelpers.Referral())).JsonAsync()).GetProperty("id").GetGuid();

        var other = await App.ApiClient(health.Key).GetAsync($"/api/v1/referrals/{id}");
        var unknown = await App.ApiClient(police.Key).GetAsync($"/api/v1/referrals/{Guid.NewGuid()}");
        var notAGuid = await App.ApiClient(police.Key).GetAsync("/api/v1/referrals/not-a-guid");

        await other.ProblemAsync(404);
        await unknown.ProblemAsync(404);
        await notAGuid.ProblemAsync(404);
    }

    [Fact]
    public async Task List_ShowsOnlyTheOrganisationsOwnReferrals()
    {
        var school = await App.CreateKeyAsync(DemoAccounts.School);
        var police = await App.CreateKeyAsync(DemoAccounts.Police);
        var mine = (await (await App.ApiClient(school.Key).PostReferralAsync(PartnerApiTestHelpers.Referral())).JsonAsync()).GetProperty("id").GetGuid();
        var theirs = (await (await App.ApiClient(police.Key).PostReferralAsync(PartnerApiTestHelpers.Referral())).JsonAsync()).GetProperty("id").GetGuid();

        var response = await App.ApiClient(school.Key).GetAsync("/api/v1/referrals?since=2026-01-01T00:00:00Z");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ids = (await response.JsonAsync()).GetProperty("referrals").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        ids.ShouldContain(mine);
        ids.ShouldNotContain(theirs);
        (await (await App.ApiClient(school.Key).GetAsync("/api/v1/referrals?since=yesterday")).ProblemAsync(400)).Errors("since").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Post_RetriedWithTheSameKeyAndBody_ReturnsTheSameReferralOnce()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var client = App.ApiClient(key.Key);
        var body = PartnerApiTestHelpers.Referral(given: "Retry");
        var idempotencyKey = Guid.NewGuid().ToString();

        var first = await client.PostReferralAsync(body, idempotencyKey);
        var second = await client.PostRawAsync(
            JsonNode.Parse(body.ToJsonString())!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), idempotencyKey);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK, await second.Content.ReadAsStringAsync());
        second.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        var id = (await first.JsonAsync()).GetProperty("id").GetGuid();
        (await second.JsonAsync()).GetProperty("id").GetGuid().ShouldBe(id);
        second.Headers.Location!.ToString().ShouldBe($"/api/v1/referrals/{id}");
        await using var db = App.CreateDbContext();
        (await db.IdempotencyRecords.CountAsync(r => r.Key == idempotencyKey)).ShouldBe(1);
        (await db.Contacts.CountAsync(c => c.Id == id)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_ConcurrentIdenticalRequests_MakeOneContact()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var client = App.ApiClient(key.Key);
        var body = PartnerApiTestHelpers.Referral(given: "Race");
        var idempotencyKey = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostReferralAsync(body, idempotencyKey)));

        responses.Select(r => (int)r.StatusCode).ShouldAllBe(s => s == 200 || s == 201);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("id").GetGuid()));
        ids.Distinct().Count().ShouldBe(1);
        await using var db = App.CreateDbContext();
        (await db.Contacts.CountAsync(c => c.ReferringOrganisationId == key.OrganisationId
            && db.ContactChildren.Any(cc => cc.ContactId == c.Id && db.People.Any(p => p.Id == cc.PersonId && p.GivenName == "Race")))).ShouldBe(1);
    }

    [Fact]
    public async Task Post_SameKeyDifferentBody_Is422()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var client = App.ApiClient(key.Key);
        var idempotencyKey = Guid.NewGuid().ToString();
        (await client.PostReferralAsync(PartnerApiTestHelpers.Referral(given: "First"), idempotencyKey)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await client.PostReferralAsync(PartnerApiTestHelpers.Referral(given: "Second"), idempotencyKey);

        var problem = await response.ProblemAsync(422);
        problem.GetProperty("type").GetString().ShouldBe("urn:safeguard:problem:idempotency-key-reused");
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyFromAnotherOrganisation_IsANewReferral()
    {
        var police = await App.CreateKeyAsync(DemoAccounts.Police);
        var health = await App.CreateKeyAsync(DemoAccounts.Health);
        var idempotencyKey = Guid.NewGuid().ToString();

        var first = await App.ApiClient(police.Key).PostReferralAsync(PartnerApiTestHelpers.Referral(), idempotencyKey);
        var second = await App.ApiClient(health.Key).PostReferralAsync(PartnerApiTestHelpers.Referral(), idempotencyKey);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.JsonAsync()).GetProperty("id").GetGuid().ShouldNotBe((await first.JsonAsync()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Post_BadNhsNumber_IsAFieldError()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);

        var response = await App.ApiClient(key.Key).PostReferralAsync(PartnerApiTestHelpers.Referral(nhs: "943 476 5918"));

        var problem = await response.ProblemAsync(400);
        problem.Errors("children[0].nhsNumber").Single().ShouldContain("check digit");
    }

    [Fact]
    public async Task Post_ValidNhsNumber_IsAccepted()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);

        var response = await App.ApiClient(key.Key).PostReferralAsync(PartnerApiTestHelpers.Referral(nhs: "943 476 5919"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Post_ManyProblems_AreAllReportedByJsonPath()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var body = PartnerApiTestHelpers.Referral(dob: "2019-02-30", categories: ["neglect", "bad-parenting"]);
        body["children"]![0]!["sex"] = "girl";
        body["children"]![0]!["givenName"] = "";
        body["children"]![0]!["address"]!["postcode"] = "NOT A POSTCODE";
        body["referrer"]!["email"] = "nobody";
        body.Remove("concern");
        body.Remove("immediateRisk");

        var problem = await (await App.ApiClient(key.Key).PostReferralAsync(body)).ProblemAsync(400);

        problem.Errors("children[0].dateOfBirth").Single().ShouldContain("YYYY-MM-DD");
        problem.Errors("children[0].sex").Single().ShouldContain("female, male, unknown or indeterminate");
        problem.Errors("children[0].givenName").ShouldNotBeEmpty();
        problem.Errors("children[0].address.postcode").ShouldNotBeEmpty();
        problem.Errors("referrer.email").ShouldNotBeEmpty();
        problem.Errors("concern").ShouldNotBeEmpty();
        problem.Errors("immediateRisk").ShouldNotBeEmpty();
        problem.Errors("categories[1]").Single().ShouldContain("neglect");
    }

    [Fact]
    public async Task Post_WrongTypesAndUnknownFields_AreMalformedWithAPath()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var client = App.ApiClient(key.Key);
        var wrongType = PartnerApiTestHelpers.Referral();
        wrongType["injury"] = "yes";
        var unknown = PartnerApiTestHelpers.Referral();
        unknown["children"]![0]!["dob"] = "2019-01-01";

        (await (await client.PostReferralAsync(wrongType)).ProblemAsync(400)).Errors("injury").Single().ShouldContain("true or false");
        (await (await client.PostReferralAsync(unknown)).ProblemAsync(400)).Errors("children[0].dob").Single().ShouldContain("Unknown field");
        (await (await client.PostRawAsync("{\"children\": [", Guid.NewGuid().ToString())).ProblemAsync(400)).GetProperty("errors").ValueKind
            .ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task Post_WithoutIdempotencyKey_Is400()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);

        var response = await App.ApiClient(key.Key).PostRawAsync(PartnerApiTestHelpers.Referral().ToJsonString(), idempotencyKey: null);

        (await response.ProblemAsync(400)).Errors("Idempotency-Key").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    [InlineData("sgk_abcdefgh_0000000000000000000000000000000000000000")]
    public async Task Post_NoOrInvalidKey_Is401WithBearerChallenge(string? presented)
    {
        var response = await App.ApiClient(presented).PostReferralAsync(PartnerApiTestHelpers.Referral());

        await response.ProblemAsync(401);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
    }

    [Fact]
    public async Task RevokedKey_Is401()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        (await App.ApiClient(key.Key).GetAsync($"/api/v1/referrals/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using (var db = App.CreateDbContext())
        {
            (await new PartnerKeys(db).RevokeAsync(key.Prefix)).ShouldBeTrue();
        }

        var response = await App.ApiClient(key.Key).PostReferralAsync(PartnerApiTestHelpers.Referral());

        (await response.ProblemAsync(401)).GetProperty("detail").GetString()!.ShouldContain("revoked");
    }

    [Fact]
    public async Task SignedInStaffCookie_DoesNotOpenTheApi_AndNeverRedirects()
    {
        var client = await App.SignInAsRoleAsync(Core.Security.Roles.FrontDoorWorker);

        var response = await client.GetAsync($"/api/v1/referrals/{Guid.NewGuid()}");

        await response.ProblemAsync(401);
    }

    [Fact]
    public async Task Post_WrongContentType_Is415()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);

        var response = await App.ApiClient(key.Key).PostRawAsync("children=1", Guid.NewGuid().ToString(), "application/x-www-form-urlencoded");

        await response.ProblemAsync(415);
    }

    [Fact]
    public async Task Post_OverTheSizeLimit_Is413()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var body = PartnerApiTestHelpers.Referral();
        body["concern"] = new string('x', 300 * 1024);

        var response = await App.ApiClient(key.Key).PostReferralAsync(body);

        await response.ProblemAsync(413);
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAnonymouslyAndNamesBothPaths()
    {
        var response = await App.CreateClient().GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await response.JsonAsync();
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/referrals", out var referrals).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/referrals/{id}", out _).ShouldBeTrue();
        referrals.GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("PartnerApiKey").GetProperty("scheme").GetString()
            .ShouldBe("bearer");
        document.GetProperty("components").GetProperty("schemas").TryGetProperty("ReferralRequest", out _).ShouldBeTrue();
    }
}
