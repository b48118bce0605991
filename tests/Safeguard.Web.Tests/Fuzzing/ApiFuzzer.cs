using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Safeguard.Web.Tests.Api;

namespace Safeguard.Web.Tests.Fuzzing;

/// <summary>An operation of the partner API as its OpenAPI document describes it.</summary>
public sealed record ApiOperation(string Method, string Path)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// One generated API request: the operation, the key it is sent with, its Idempotency-Key, the id in its address, up to
/// four changes to a valid body (a value replaced by another type, a string from <see cref="FuzzValues"/>, a huge array,
/// deep nesting, a property removed or added), or a body that is not the JSON asked for at all, and a query.
/// </summary>
public sealed record ApiInput(int Operation, int Key, int Idempotency, int Id, (int Path, int Replacement, int Value)[] Changes, int Body, int Query);

/// <summary>Sends generated requests to every operation of the OpenAPI document: never a 5xx; every 4xx is problem+json.</summary>
public sealed class ApiFuzzer(FuzzApp app, IReadOnlyList<ApiOperation> operations, Guid ownReferral, Guid otherReferral)
{
    private const int Replacements = 12;
    private const int Bodies = 8;
    private readonly string _reusedKey = Guid.NewGuid().ToString();

    public int Sent;

    public static async Task<IReadOnlyList<ApiOperation>> OperationsAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => new ApiOperation(m.Name.ToUpperInvariant(), p.Name)))
            .Where(o => o.Method is "GET" or "POST" or "PUT" or "PATCH" or "DELETE").ToList();
    }

    public Gen<ApiInput> Inputs() => Gen.Select(
        Gen.Int[0, operations.Count - 1],
        Gen.Frequency((6, Gen.Const(0)), (4, Gen.Int[1, 7])),
        Gen.Frequency((6, Gen.Const(0)), (4, Gen.Int[1, app.Values.Count + 2])),
        Gen.Frequency((5, Gen.Const(0)), (5, Gen.Int[1, app.Values.Count + 3])),
        Gen.Select(Gen.Int[0, 63], Gen.Int[0, Replacements - 1], Gen.Int[0, app.Values.Count - 1]).Array[0, 4],
        Gen.Frequency((8, Gen.Const(0)), (2, Gen.Int[1, Bodies - 1])),
        Gen.Int[0, app.Values.Count - 1],
        (operation, key, idempotency, id, changes, body, query) => new ApiInput(operation, key, idempotency, id, changes, body, query));

    public string Print(ApiInput input)
    {
        using var request = Request(input);
        var body = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? "";
        return $"{request.Method} {request.RequestUri} key {input.Key} Idempotency-Key {input.Idempotency}: "
            + (body.Length > 400 ? body[..400] + $"… ({body.Length:N0} characters)" : body);
    }

    public async Task SendAsync(ApiInput input)
    {
        var client = app.ApiClient(null);
        using var request = Request(input);
        Interlocked.Increment(ref Sent);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        status.ShouldBeLessThan(500, $"{request.Method} {request.RequestUri}: {text}");
        if (status < 400) return;
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{status} to {request.Method} {request.RequestUri}: {text}");
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace(text);
        problem.RootElement.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace(text);
    }

    private HttpRequestMessage Request(ApiInput input)
    {
        var operation = operations[input.Operation];
        var path = operation.Path.Replace("{id}", Id(input.Id));
        if (operation.Method == "GET" && !operation.Path.Contains("{id}"))
        {
            var value = app.Values[input.Query];
            path += input.Query % 3 == 0
                ? $"?since={FuzzValues.Encode(value.Length > 2_000 ? value[..2_000] : value)}"
                : $"?since=2026-01-01T00:00:00Z&pageNumber={FuzzValues.Encode(value.Length > 100 ? value[..100] : value)}";
        }
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        SetKey(request, input.Key);
        if (operation.Method != "POST") return request;
        SetIdempotencyKey(request, input.Idempotency);
        request.Content = Body(operation, input);
        return request;
    }

    private string Id(int choice) => choice switch
    {
        0 => ownReferral.ToString(),
        1 => otherReferral.ToString(),
        2 => Guid.NewGuid().ToString(),
        _ => FuzzValues.PathSegment(app.Values[choice - 3]),
    };

    private void SetKey(HttpRequestMessage request, int choice)
    {
        var value = choice switch
        {
            0 => "Bearer " + app.ApiKeys.Own.Key,
            1 => null,
            2 => "Bearer " + app.ApiKeys.Other.Key,
            3 => "Bearer sgk_garbage",
            4 => "Bearer " + app.ApiKeys.Own.Key[..^4] + "AAAA",
            5 => "Basic " + Convert.ToBase64String("user:password"u8),
            6 => "Bearer " + new string('k', 10_000),
            _ => "Bearer",
        };
        if (value is not null) request.Headers.TryAddWithoutValidation("Authorization", value);
    }

    private void SetIdempotencyKey(HttpRequestMessage request, int choice)
    {
        var value = choice switch
        {
            0 => Guid.NewGuid().ToString(),
            1 => null,
            2 => _reusedKey,
            _ => app.Values[choice - 3],
        };
        // A header carries printable ASCII only: HttpClient refuses to send anything else, so there is nothing to test.
        if (value is not null && value.All(c => c is >= ' ' and <= '~')) request.Headers.TryAddWithoutValidation("Idempotency-Key", value);
    }

    private HttpContent Body(ApiOperation operation, ApiInput input)
    {
        const string Json = "application/json";
        return input.Body switch
        {
            0 => new StringContent(Changed(Template(operation), input).ToJsonString(), Encoding.UTF8, Json),
            1 => new StringContent(app.Values[input.Query], Encoding.UTF8, Json),
            2 => new StringContent(new string('[', 10_000) + new string(']', 10_000), Encoding.UTF8, Json),
            3 => new StringContent(Template(operation).ToJsonString(), Encoding.UTF8, "text/plain"),
            4 => new ByteArrayContent([0xff, 0xfe, 0x00, 0x7b, 0xc3, 0x28]) { Headers = { ContentType = new MediaTypeHeaderValue(Json) } },
            5 => new StringContent("[" + string.Join(",", Enumerable.Repeat(Template(operation).ToJsonString(), 300)) + "]", Encoding.UTF8, Json),
            6 => new StringContent(new string(' ', 300_000) + "{}", Encoding.UTF8, Json),
            _ => new ByteArrayContent(Encoding.UTF8.GetBytes(Template(operation).ToJsonString())),
        };
    }

    private static JsonNode Template(ApiOperation operation) => operation.Path.EndsWith("/information", StringComparison.Ordinal)
        ? new JsonObject { ["text"] = "The child told the school nurse more today.", ["from"] = "School nurse" }
        : PartnerApiTestHelpers.Referral();

    private JsonNode Changed(JsonNode body, ApiInput input)
    {
        foreach (var (pathChoice, replacement, value) in input.Changes)
        {
            var places = Places(body).ToList();
            if (places.Count == 0) break; // Every property already removed: nothing left to change.
            var (parent, key) = places[pathChoice % places.Count];
            var text = app.Values[value];
            JsonNode? node = replacement switch
            {
                0 => JsonValue.Create(text),
                1 => null,
                2 => JsonValue.Create(value % 2 == 0),
                3 => JsonNode.Parse(new[] { "2147483648", "-1", "1e308", "-0", "1.5", "9223372036854775808", "0" }[value % 7]),
                4 => new JsonObject(),
                5 => new JsonArray(),
                6 => new JsonArray([.. Enumerable.Range(0, 5_000).Select(i => (JsonNode?)JsonValue.Create(text.Length > 20 ? "x" : text))]),
                7 => Nested(value % 40 + 10),
                8 => JsonValue.Create(text + text),
                9 => JsonValue.Create(app.KnownIds[value % app.KnownIds.Count].ToString()),
                10 => new JsonArray(JsonValue.Create(text)),
                _ => "remove",
            };
            switch (parent)
            {
                case JsonObject o when replacement == Replacements - 1: o.Remove(key!); break;
                case JsonObject o: o[key!] = node; break;
                case JsonArray a when int.TryParse(key, out var i) && i < a.Count: a[i] = node; break;
            }
            if (replacement == 8 && body is JsonObject top) top["unexpected" + value % 3] = JsonValue.Create(text);
        }
        return body;
    }

    /// <summary>Every place in the body a value sits: (its object or array, its name or index).</summary>
    private static IEnumerable<(JsonNode Parent, string? Key)> Places(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    yield return (o, name);
                    if (child is not null) foreach (var place in Places(child)) yield return place;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, i.ToString());
                    if (a[i] is { } child) foreach (var place in Places(child)) yield return place;
                }
                break;
        }
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < depth; i++) node = new JsonObject { ["a"] = node };
        return node;
    }
}
