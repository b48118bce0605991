using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Safeguard.Core.Seeding;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Api;

/// <summary>Whatever a partner sends, the answer is a 4xx problem, never a 5xx.</summary>
public sealed class PartnerApiRobustnessTests(SafeguardAppFactory app) : AppTests(app)
{
    public static IEnumerable<string> GarbageBodies()
    {
        yield return "";
        yield return " ";
        yield return "null";
        yield return "[]";
        yield return "123";
        yield return "\"referral\"";
        yield return "true";
        yield return "{";
        yield return "}";
        yield return "{}";
        yield return "{\"children\":null}";
        yield return "{\"children\":[null]}";
        yield return "{\"children\":[1,2,3]}";
        yield return "{\"children\":{}}";
        yield return "{\"children\":[{}]}";
        yield return "{\"children\":[{\"givenName\":{\"a\":1}}]}";
        yield return "{\"children\":[{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"9999-99-99\"}]}";
        yield return "{\"children\":[{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"0001-01-01\"}]}";
        yield return "{\"children\":[{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":20190101}]}";
        yield return "{\"children\":[{\"givenName\":\"A\",\"familyName\":\"B\",\"expectedDateOfBirth\":\"9999-12-31\"}]}";
        yield return "{\"injury\":1e999999}";
        yield return "{\"injury\":NaN}";
        yield return "{\"injury\":true,\"injury\":false}";
        yield return "{\"concern\":\"\\u0000\\ud800\"}";
        yield return "{\"categories\":[null,1,{},[]]}";
        yield return "{\"categories\":\"neglect\"}";
        yield return "{\"referrer\":\"DC Moore\"}";
        yield return "{\"referrer\":{\"name\":null,\"email\":\"@@@\"}}";
        yield return "{/* comment */}";
        yield return "{'single':'quotes'}";
        yield return "{\"a\":1,}";
        yield return new string('[', 5000) + new string(']', 5000);
        yield return "{\"children\":[" + string.Join(",", Enumerable.Repeat("{\"givenName\":\"A\"}", 200)) + "]}";
        yield return "<referral><child/></referral>";
        yield return "\ufeff{\"children\":[]}";
        var valid = PartnerApiTestHelpers.Referral();
        valid["children"]![0]!["nhsNumber"] = new string('9', 5000);
        yield return valid.ToJsonString();
        var tooMany = PartnerApiTestHelpers.Referral();
        tooMany["children"]![0]!["givenName"] = new string('a', 101);
        tooMany["referrer"]!["phone"] = new string('1', 41);
        tooMany["children"]![0]!["address"] = null;
        yield return tooMany.ToJsonString();
        var unicode = PartnerApiTestHelpers.Referral(given: "Zoë 🙂 \u202e", family: "O'Brien-Łukasz");
        yield return unicode.ToJsonString();
    }

    [Fact]
    public async Task GarbageBodies_NeverGetA5xx()
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);
        var client = App.ApiClient(key.Key);
        var failures = new List<string>();

        var bodies = GarbageBodies().Select(b => Encoding.UTF8.GetBytes(b)).ToList();
        bodies.Add([0xff, 0xfe, 0x00, 0x7b, 0xc3, 0x28]); // invalid UTF-8
        bodies.Add([.. Encoding.UTF8.GetBytes("{\"concern\":\""), 0xc3, 0x28, .. Encoding.UTF8.GetBytes("\"}")]);
        var random = new Random(20260302);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(1, 2000)];
            random.NextBytes(bytes);
            bodies.Add(bytes);
        }

        foreach (var body in bodies)
        {
            foreach (var contentType in new[] { "application/json", "application/json; charset=utf-16", "text/plain", "application/problem+json" })
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
                {
                    failures.Add($"{status} for {contentType} {Encoding.UTF8.GetString(body)[..Math.Min(60, body.Length)]}: {text[..Math.Min(300, text.Length)]}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>PostgreSQL cannot keep a NUL character in text: found by the fuzz suite as a 500 when saving.</summary>
    [Fact]
    public async Task ANulCharacterInAnyText_Is400ProblemNamingEachField_NotAServerError()
    {
        var client = App.ApiClient((await App.CreateKeyAsync(DemoAccounts.Police)).Key);
        var referral = PartnerApiTestHelpers.Referral(given: "Mi\0a");
        referral["children"]![0]!["address"]!["line1"] = "\0\0\0";
        referral["concern"] = "Officers attended \0 a domestic incident.";

        var problem = await (await client.PostReferralAsync(referral)).ProblemAsync(400);

        problem.Errors("children[0].givenName").ShouldHaveSingleItem().ShouldContain("NUL character");
        problem.Errors("children[0].address.line1").ShouldHaveSingleItem().ShouldContain("NUL character");
        problem.Errors("concern").ShouldHaveSingleItem().ShouldContain("NUL character");
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/referrals")]
    [InlineData("PUT", "/api/v1/referrals/00000000-0000-0000-0000-000000000001")]
    [InlineData("GET", "/api/v1/nothing-here")]
    [InlineData("GET", "/api/v2/referrals")]
    [InlineData("GET", "/api/v1/referrals?limit=100000")]
    [InlineData("GET", "/api/v1/referrals?limit=abc")]
    [InlineData("GET", "/api/v1/referrals?since=")]
    public async Task OddRequests_AreProblemsNotPagesOrErrors(string method, string path)
    {
        var key = await App.CreateKeyAsync(DemoAccounts.Police);

        var response = await App.ApiClient(key.Key).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        ((int)response.StatusCode).ShouldBeInRange(400, 499, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer sgk_")]
    [InlineData("Bearer sgk_abcdefgh_")]
    [InlineData("Bearer sgk_abcdefgh_' OR 1=1 --xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task OddAuthorizationHeaders_Are401(string header)
    {
        var client = App.ApiClient(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var response = await client.GetAsync("/api/v1/referrals");

        await response.ProblemAsync(401);
    }
}

/// <summary>The app with a limit of three requests a minute per key.</summary>
public sealed class RateLimitedAppFactory : SafeguardAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PartnerApi:RequestsPerMinute", "3");
    }
}

public sealed class PartnerApiRateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task OverTheLimit_Is429WithRetryAfter_PerKey()
    {
        var busy = await app.CreateKeyAsync(DemoAccounts.Police);
        var quiet = await app.CreateKeyAsync(DemoAccounts.Health);
        var client = app.ApiClient(busy.Key);

        for (var i = 0; i < 3; i++)
        {
            (await client.PostReferralAsync(PartnerApiTestHelpers.Referral())).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        var limited = await client.PostReferralAsync(PartnerApiTestHelpers.Referral());

        await limited.ProblemAsync(429);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        (await app.ApiClient(quiet.Key).GetAsync("/api/v1/referrals")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
