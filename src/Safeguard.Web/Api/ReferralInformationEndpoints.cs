using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Web.Api;

[Description("More information about a referral your organisation already sent.")]
public sealed class ReferralInformationRequest
{
    [Required, Description("The information, in your words (at most 20,000 characters).")]
    public string? Text { get; set; }

    [Description("Who is sending it, e.g. 'DC Alex Moore' (at most 200 characters). Optional.")]
    public string? From { get; set; }
}

[Description("Information added to a referral.")]
public sealed record ReferralInformationResponse(
    [property: Description("Identifier of this piece of information.")] Guid Id,
    [property: Description("The referral it was added to.")] Guid ReferralId,
    [property: Description("When the council received it (UTC).")] DateTime ReceivedAt,
    [property: Description("Who sent it, if given.")] string? From);

/// <summary>
/// POST /api/v1/referrals/{id}/information: a partner adds information to one of its own referrals
/// (<see cref="ContactInformationRecords"/>). Another organisation's referral is 404, as if it did not exist.
/// </summary>
public static class ReferralInformationEndpoints
{

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    private static readonly JsonSerializerOptions ResponseJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGroup("/referrals").WithTags("Referrals")
            .MapPost("/{id:guid}/information", AddAsync)
            .WithName("AddReferralInformation")
            .WithSummary("Add information to one of your organisation's referrals")
            .WithDescription("Adds something you have learned since referring: the front door is told and reads it (if the referral "
                + "is already decided, it becomes a task on the front door's tray, due within one working day). What you first sent "
                + "is kept as it was. Send an Idempotency-Key with every POST: a retry with the same key and body returns the same "
                + "information (200 with Idempotent-Replayed: true); the same key with a different body is 422. A referral your "
                + "organisation did not make is 404.")
            .Accepts<ReferralInformationRequest>("application/json")
            .Produces<ReferralInformationResponse>(StatusCodes.Status201Created)
            .Produces<ReferralInformationResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable, ApiProblems.ContentType);
    }

    private static async Task<IResult> AddAsync(Guid id, HttpContext http, [FromHeader(Name = ReferralsEndpoints.IdempotencyHeader)] string? idempotencyKey,
        ContactInformationRecords information, CancellationToken ct)
    {
        var (body, key, refused) = await ReferralsEndpoints.ReadPostAsync(http.Request, idempotencyKey, "request", ct);
        if (refused is not null) return refused;

        ReferralInformationRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ReferralInformationRequest>(body, RequestJson);
        }
        catch (JsonException ex)
        {
            return ReferralsEndpoints.Malformed(ex);
        }
        if (parsed is null) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object."] });

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(parsed.Text)) errors["text"] = ["Enter the information: 'text' is required and must not be blank."];
        else if (parsed.Text.Length > ContactInformation.MaxTextLength)
            errors["text"] = [$"'text' must be at most {ContactInformation.MaxTextLength:N0} characters (it has {parsed.Text.Length:N0})."];
        else if (Core.Text.StorableText.HasNul(parsed.Text)) errors["text"] = [$"'text' {Core.Text.StorableText.NulProblem}."];
        if (parsed.From is { Length: > ContactInformation.MaxFromLength })
            errors["from"] = [$"'from' must be at most {ContactInformation.MaxFromLength} characters."];
        else if (Core.Text.StorableText.HasNul(parsed.From)) errors["from"] = [$"'from' {Core.Text.StorableText.NulProblem}."];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        // The referral is part of the request: one key sent for two referrals is a reused key, not a replay.
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new { id, parsed.Text, parsed.From }, ResponseJson);
        var hash = Convert.ToHexStringLower(SHA256.HashData(canonical));
        var organisationId = ReferralsEndpoints.OrganisationOf(http.User);
        var added = await information.AddAsync(id, organisationId, parsed.Text!, parsed.From, null, new InformationKey(key, hash), ct);
        if (added is null) return ApiProblems.NotFoundResult($"Your organisation has no referral with id {id}.");

        var response = new ReferralInformationResponse(added.Id, added.ContactId, added.ReceivedAt.UtcDateTime, added.From);
        http.Response.Headers.Location = $"/api/v1/referrals/{added.ContactId}";
        switch (added.Result)
        {
            case InformationResult.Added:
                return Results.Json(response, ResponseJson, statusCode: StatusCodes.Status201Created);
            case InformationResult.Replayed:
                http.Response.Headers[ReferralsEndpoints.ReplayedHeader] = "true";
                return Results.Json(response, ResponseJson, statusCode: StatusCodes.Status200OK);
            default:
                http.Response.Headers.Remove("Location");
                return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, ApiProblems.IdempotencyKeyReused,
                    "Idempotency-Key already used",
                    "This Idempotency-Key was already used for a different request. Use a new key for new information; "
                    + "when retrying, send exactly the same body to the same referral as the first attempt.");
        }
    }
}
