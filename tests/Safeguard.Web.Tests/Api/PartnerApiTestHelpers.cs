using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Api;

public static class PartnerApiTestHelpers
{
    public static async Task<CreatedPartnerKey> CreateKeyAsync(this SafeguardAppFactory app, string organisation)
    {
        await using var db = app.CreateDbContext();
        return await new PartnerKeys(db).CreateAsync(organisation, "Test key");
    }

    public static HttpClient ApiClient(this SafeguardAppFactory app, string? key)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static JsonObject Referral(string given = "Mia", string family = "Hart", string dob = "2019-04-23", string? nhs = null,
        string[]? categories = null, bool immediateRisk = false, bool injury = false) => new()
    {
        ["children"] = new JsonArray(new JsonObject
        {
            ["givenName"] = given,
            ["familyName"] = family,
            ["dateOfBirth"] = dob,
            ["sex"] = "female",
            ["nhsNumber"] = nhs,
            ["address"] = new JsonObject { ["line1"] = "4 Mill Lane", ["town"] = "Northbridge", ["postcode"] = "NB2 4QT" },
        }),
        ["referrer"] = new JsonObject
        {
            ["name"] = "DC Alex Moore",
            ["organisation"] = "Northbridge Police",
            ["role"] = "Detective constable",
            ["email"] = "alex.moore@police.example",
            ["phone"] = "01234 567890",
        },
        ["concern"] = "Officers attended a domestic incident at 02:00; the child was present and distressed.",
        ["categories"] = new JsonArray((categories ?? ["domestic-abuse"]).Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        ["injury"] = injury,
        ["immediateRisk"] = immediateRisk,
        ["parentsAware"] = true,
    };

    public static Task<HttpResponseMessage> PostReferralAsync(this HttpClient client, JsonNode body, string? idempotencyKey = null) =>
        client.PostRawAsync(body.ToJsonString(), idempotencyKey ?? Guid.NewGuid().ToString());

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body, string? idempotencyKey,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with the status and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        problem.GetProperty("type").GetString().ShouldStartWith("urn:safeguard:problem:");
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static string[] Errors(this JsonElement problem, string path) =>
        problem.GetProperty("errors").TryGetProperty(path, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToArray()
            : throw new ShouldAssertException($"No error for '{path}' in {problem.GetProperty("errors")}");
}
