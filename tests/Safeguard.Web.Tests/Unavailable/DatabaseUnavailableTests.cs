using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Web.Tests.Api;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Unavailable;

/// <summary>The app on a database the test can make unavailable (<see cref="DatabaseOutage"/>).</summary>
public sealed class OutageAppFactory : SafeguardAppFactory
{
    private DatabaseOutage? _outage;

    public DatabaseOutage Outage => _outage ?? throw new InvalidOperationException("Not started");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        _outage ??= new DatabaseOutage(Database);
        builder.UseSetting("ConnectionStrings:Safeguard", _outage.AppConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_outage is not null) await _outage.EndAsync();
        await base.DisposeAsync();
        if (_outage is not null) await _outage.DisposeAsync();
    }
}

/// <summary>
/// A database that cannot be used just now is answered 503 with Retry-After (never 400, 401 or 500), and the partner's
/// resend with the same Idempotency-Key, once it is back, is stored once.
/// </summary>
public sealed class DatabaseUnavailableTests(OutageAppFactory app) : IClassFixture<OutageAppFactory>
{
    private const string Police = DemoAccounts.Police;

    [Fact]
    public async Task Referral_WhenTheKeyCannotBeChecked_Is503_AndItsResendIsStoredOnce()
    {
        var key = await app.CreateKeyAsync(Police);
        using var client = app.ApiClient(key.Key);
        await SentDuringAnOutage_Is503_AndItsResendIsStoredOnceAsync(client);
    }

    [Fact]
    public async Task Referral_WhenTheWriterCannotRecordIt_Is503_AndItsResendIsStoredOnce()
    {
        var key = await app.CreateKeyAsync(Police);
        using var client = app.ApiClient(key.Key);
        // A referral just now: the key has checked out, so the next request reaches the intake writer without asking the database.
        (await client.PostReferralAsync(PartnerApiTestHelpers.Referral())).StatusCode.ShouldBe(HttpStatusCode.Created);
        await SentDuringAnOutage_Is503_AndItsResendIsStoredOnceAsync(client);
    }

    /// <summary>A new referral sent while the database is away: 503 problem, then stored once when resent after it returns.</summary>
    private async Task SentDuringAnOutage_Is503_AndItsResendIsStoredOnceAsync(HttpClient client)
    {
        var (body, concern, idempotencyKey) = NewReferral();

        await app.Outage.BeginAsync();
        HttpResponseMessage refused;
        try
        {
            refused = await client.PostReferralAsync(body, idempotencyKey);
        }
        finally
        {
            await app.Outage.EndAsync();
        }

        await ShouldBeUnavailableProblemAsync(refused);
        await ResendUntilAnsweredAsync(client, body, idempotencyKey);
        await ShouldBeStoredOnceAsync(concern, idempotencyKey);
    }

    [Fact]
    public async Task Referrals_InFlightWhenTheDatabaseGoesAway_AreAnsweredOnlyRecordedOr503_AndEachIsStoredOnce()
    {
        var key = await app.CreateKeyAsync(Police);
        using var client = app.ApiClient(key.Key);
        (await client.PostReferralAsync(PartnerApiTestHelpers.Referral())).StatusCode.ShouldBe(HttpStatusCode.Created);
        var referrals = Enumerable.Range(0, 24).Select(_ => NewReferral()).ToList();

        var sending = referrals.Select(r => client.PostReferralAsync(r.Body, r.Key)).ToList();
        await Task.Delay(50);
        await app.Outage.BeginAsync();
        await Task.Delay(1500);
        await app.Outage.EndAsync();
        var answers = await Task.WhenAll(sending);

        foreach (var answer in answers)
        {
            ((int)answer.StatusCode).ShouldBeOneOf([201, 503], await answer.Content.ReadAsStringAsync());
            if (answer.StatusCode == HttpStatusCode.ServiceUnavailable) await ShouldBeUnavailableProblemAsync(answer);
        }
        foreach (var (body, concern, idempotencyKey) in referrals)
        {
            await ResendUntilAnsweredAsync(client, body, idempotencyKey);
            await ShouldBeStoredOnceAsync(concern, idempotencyKey);
        }
    }

    [Fact]
    public async Task StaffPage_WhileTheDatabaseIsUnavailable_IsTheServiceUnavailablePage()
    {
        using var client = await app.SignInAsRoleAsync(Roles.FrontDoorWorker);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Long enough that this request marks the session as seen: on SQLite that is the write the lock holds up.
        app.Time.Advance(TimeSpan.FromMinutes(2));

        await app.Outage.BeginAsync();
        HttpResponseMessage page;
        try
        {
            page = await client.GetAsync("/");
        }
        finally
        {
            await app.Outage.EndAsync();
        }

        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, html);
        page.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(30));
        page.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        html.ShouldContain("Sorry, the service is unavailable");

        // Back again: the same person, still signed in, sees the page (after at most a few dropped pooled connections).
        HttpResponseMessage again = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            again = await client.GetAsync("/");
            if (again.StatusCode != HttpStatusCode.ServiceUnavailable) break;
        }
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static (JsonObject Body, string Concern, string Key) NewReferral()
    {
        var body = PartnerApiTestHelpers.Referral();
        var concern = $"Seen by officers at the address, reference {Guid.NewGuid():N}.";
        body["concern"] = concern;
        return (body, concern, Guid.NewGuid().ToString());
    }

    private static async Task ShouldBeUnavailableProblemAsync(HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(503);
        problem.GetProperty("type").GetString().ShouldBe("urn:safeguard:problem:service-unavailable");
        problem.GetProperty("detail").GetString()!.ShouldContain("same Idempotency-Key");
        response.Headers.RetryAfter.ShouldNotBeNull();
        response.Headers.RetryAfter.Delta.ShouldBe(TimeSpan.FromSeconds(30));
    }

    /// <summary>As a partner does: sends the same referral with the same key until it is acknowledged (201, or 200 replayed).</summary>
    private static async Task ResendUntilAnsweredAsync(HttpClient client, JsonObject body, string idempotencyKey)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await client.PostReferralAsync(body, idempotencyKey);
            var status = (int)answer.StatusCode;
            if (status == 503 && attempt < 5) continue;
            status.ShouldBeOneOf([201, 200], await answer.Content.ReadAsStringAsync());
            break;
        }
        (await client.PostReferralAsync(body, idempotencyKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task ShouldBeStoredOnceAsync(string concern, string idempotencyKey)
    {
        await using var db = app.CreateDbContext();
        (await db.Contacts.CountAsync(c => c.Concern == concern)).ShouldBe(1);
        (await db.IdempotencyRecords.CountAsync(r => r.Key == idempotencyKey)).ShouldBe(1);
    }
}
