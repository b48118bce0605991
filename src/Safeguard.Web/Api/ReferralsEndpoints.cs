using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Intake;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Api;

/// <summary>
/// /api/v1/referrals: a partner refers children to the front door (POST, recorded by <see cref="ContactIntake"/> through the group-commit <see cref="IntakeWriter"/>) and
/// follows its own referrals (GET). Validation errors are 400; a reused Idempotency-Key with a different body is 422.
/// </summary>
public static partial class ReferralsEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxIdempotencyKeyLength = 200;

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    private static readonly JsonSerializerOptions ResponseJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The request as understood, in a fixed shape: its SHA-256 is the idempotency hash.</summary>
    private static readonly JsonSerializerOptions CanonicalJson = new(JsonSerializerDefaults.Web);

    public static void Map(RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/referrals").WithTags("Referrals");

        referrals.MapPost("", CreateAsync)
            .WithName("CreateReferral")
            .WithSummary("Refer one or more children to the front door")
            .WithDescription("Records a contact with the council's front door. Send an Idempotency-Key (your own unique value, "
                + "at most 200 characters) with every POST: a retry with the same key and body returns the same referral "
                + "(200 with Idempotent-Replayed: true); the same key with a different body is 422. 503 (with Retry-After): the "
                + "service cannot take it now; send it again after that many seconds with the same key and body.")
            .Accepts<ReferralRequest>("application/json")
            .Produces<ReferralResponse>(StatusCodes.Status201Created)
            .Produces<ReferralResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable, ApiProblems.ContentType);

        referrals.MapGet("/{id:guid}", GetAsync)
            .WithName("GetReferral")
            .WithSummary("One of your organisation's referrals, with the decision once it is made")
            .Produces<ReferralResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable, ApiProblems.ContentType);

        referrals.MapGet("", ListAsync)
            .WithName("ListReferrals")
            .WithSummary("Your organisation's referrals received at or after 'since', oldest first")
            .Produces<ReferralList>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable, ApiProblems.ContentType);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        IntakeWriter intake, IActorContext actors, PartnerReferrals referrals, TimeProvider time, ScreeningDecisionClock clock, CancellationToken ct)
    {
        var (body, key, refused) = await ReadPostAsync(http.Request, idempotencyKey, "referral", ct);
        if (refused is not null) return refused;

        ReferralRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ReferralRequest>(body, RequestJson);
        }
        catch (JsonException ex)
        {
            return Malformed(ex);
        }
        if (parsed is null) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object."] });

        var organisationId = OrganisationOf(http.User);
        var organisationName = OrganisationNameOf(http.User);
        var errors = new Dictionary<string, string[]>();
        var contact = ReferralRequestValidator.Validate(parsed, ContactContentRule.Today(time.GetUtcNow()), organisationId,
            organisationName, errors);
        if (contact is null) return ApiProblems.Invalid(errors);

        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(parsed, CanonicalJson)));
        // Group commit: answered only once the batch holding this referral is committed (durable).
        var outcome = await intake.RecordAsync(contact, new IdempotencyClaim(organisationId, key, hash), actors.Current, ct);
        var location = $"/api/v1/referrals/{outcome.ContactId}";
        switch (outcome.Result)
        {
            case IntakeResult.Recorded:
                return Results.Json(ToResponse(PartnerReferrals.JustRecorded(clock, contact, outcome.Recorded!)), ResponseJson,
                        statusCode: StatusCodes.Status201Created)
                    .WithLocation(http, location);
            case IntakeResult.Replayed:
                var current = await referrals.OneAsync(organisationId, outcome.ContactId, ct);
                http.Response.Headers[ReplayedHeader] = "true";
                http.Response.Headers.Location = location;
                return Results.Json(current is null ? null : ToResponse(current), ResponseJson, statusCode: StatusCodes.Status200OK);
            default:
                return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, ApiProblems.IdempotencyKeyReused,
                    "Idempotency-Key already used",
                    $"This Idempotency-Key was already used for a different referral ({location}). Use a new key for a new referral; "
                    + "when retrying, send exactly the same body as the first attempt.");
        }
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, PartnerReferrals referrals, CancellationToken ct)
    {
        var referral = await referrals.OneAsync(OrganisationOf(http.User), id, ct);
        return referral is null
            ? ApiProblems.NotFoundResult($"Your organisation has no referral with id {id}.")
            : Results.Json(ToResponse(referral), ResponseJson);
    }

    private static async Task<IResult> ListAsync(HttpContext http, PartnerReferrals referrals, string? since, int? limit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DateTimeOffset from = DateTimeOffset.MinValue;
        if (since is not null && !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from))
        {
            errors["since"] = [$"'{since}' is not an ISO 8601 date and time, for example 2026-03-02T09:00:00Z."];
        }
        var take = limit ?? 100;
        if (take is < 1 or > 500) errors["limit"] = ["limit must be between 1 and 500."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var rows = await referrals.SinceAsync(OrganisationOf(http.User), from, take, ct);
        return Results.Json(new ReferralList(rows.Select(ToResponse).ToList()), ResponseJson);
    }

    /// <summary>The wire shape of what a partner may see (<see cref="PartnerReferralView"/>).</summary>
    private static ReferralResponse ToResponse(PartnerReferralView view) => new(view.Id, view.Reference,
        StatusName(view.Decided ? ContactStatus.Decided : ContactStatus.AwaitingDecision),
        view.ChildrenAsSent.Select(c => new ReferralChildName(c.GivenName ?? "", c.FamilyName ?? "")).ToList(),
        PriorityName(view.Priority), view.ReceivedAt.UtcDateTime, view.DecisionDueAt.UtcDateTime, view.FeedbackDueAt.UtcDateTime,
        view.Decision is { } d ? new ReferralDecision(OutcomeText.ApiName(d.Outcome), d.Reasons, d.DecidedAt.UtcDateTime) : null);

    public static string StatusName(ContactStatus status) => status switch
    {
        ContactStatus.Decided => "decided",
        _ => "awaiting-decision",
    };

    public static string PriorityName(Priority priority) => priority switch
    {
        Priority.ChildProtection => "child-protection",
        Priority.Urgent => "urgent",
        _ => "standard",
    };

    internal static Guid OrganisationOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(SafeguardClaims.OrganisationId)!);

    private static string OrganisationNameOf(ClaimsPrincipal user)
    {
        var display = user.FindFirstValue(SafeguardClaims.DisplayName) ?? "";
        return display.EndsWith(" (API)", StringComparison.Ordinal) ? display[..^" (API)".Length] : display;
    }

    /// <summary>The body, or null when it is over the limit (whatever Content-Length said).</summary>
    /// <summary>
    /// What every partner POST checks before reading its JSON: a JSON content type (415), a body within the limit (413) and
    /// a usable Idempotency-Key (400). <paramref name="what"/> names what the key must be unique to, for the message.
    /// </summary>
    internal static async Task<(byte[] Body, string Key, IResult? Refused)> ReadPostAsync(HttpRequest request, string? idempotencyKey,
        string what, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            var (type, title, detail) = ApiProblems.ForStatus(StatusCodes.Status415UnsupportedMediaType);
            return ([], "", ApiProblems.Result(StatusCodes.Status415UnsupportedMediaType, type, title, detail));
        }
        if (request.ContentLength > PartnerApiOptions.MaxBodyBytes) return ([], "", TooLarge());
        var body = await ReadBodyAsync(request, ct);
        if (body is null) return ([], "", TooLarge());

        var key = idempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > MaxIdempotencyKeyLength || key.Any(c => c is < ' ' or > '~'))
        {
            return (body, "", ApiProblems.Invalid(new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = [string.IsNullOrEmpty(key)
                    ? $"Send an Idempotency-Key header with every POST: a value unique to this {what} (a UUID is ideal). Send the same value if you retry."
                    : $"The Idempotency-Key must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters."],
            }));
        }
        return (body, key, null);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and <= PartnerApiOptions.MaxBodyBytes ? (int)request.ContentLength : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > PartnerApiOptions.MaxBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    internal static IResult TooLarge()
    {
        var (type, title, detail) = ApiProblems.ForStatus(StatusCodes.Status413PayloadTooLarge);
        return ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, type, title, detail);
    }

    internal static IResult Malformed(JsonException ex)
    {
        var path = ex.Path is null or "$" ? "$" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path;
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
        string message;
        if (UnmappedProperty().Match(ex.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            if (path == "$") path = name;
            message = $"Unknown field '{name}'. Check its spelling against the API documentation; unknown fields are refused so that nothing you send is silently ignored.";
        }
        else if (ConvertTarget().Match(ex.Message) is { Success: true } target)
        {
            message = $"Expected {Describe(target.Groups[1].Value)} here{where}.";
        }
        else
        {
            path = path.Length == 0 ? "$" : path;
            message = $"The body is not valid JSON{where}. Send a JSON object as described in the API documentation.";
        }
        return ApiProblems.Result(StatusCodes.Status400BadRequest, ApiProblems.MalformedJson, "The request body could not be read",
            "The body is not valid JSON or has a value of the wrong type. See 'errors'.", new Dictionary<string, string[]> { [path] = [message] });
    }

    private static string Describe(string clrType) => clrType switch
    {
        var t when t.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        "System.String" => "a string (in double quotes)",
        var t when t.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) => "an array",
        var t when t.StartsWith("Safeguard.", StringComparison.Ordinal) => "an object",
        _ => "a different kind of value",
    };

    [GeneratedRegex("The JSON property '(.+?)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"could not be converted to (\S+?)\.?\s+Path")]
    private static partial Regex ConvertTarget();

    private static IResult WithLocation(this IResult result, HttpContext http, string location)
    {
        http.Response.Headers.Location = location;
        return result;
    }
}
