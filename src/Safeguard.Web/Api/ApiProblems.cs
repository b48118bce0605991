using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Safeguard.Web.Api;

/// <summary>
/// RFC 9457 problem details for the partner API. Every error a partner can cause is one of these, with a stable
/// <c>type</c> (catalogued in docs/partner-api.md) and, for request errors, <c>errors</c> keyed by JSON path.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";
    public const string TypeBase = "urn:safeguard:problem:";

    public const string InvalidRequest = "invalid-request";
    public const string MalformedJson = "malformed-json";
    public const string Unauthorised = "unauthorised";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string TooLarge = "request-too-large";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string RateLimited = "rate-limited";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string ServerError = "server-error";
    public const string ServiceUnavailable = "service-unavailable";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ProblemDetails Create(int status, string type, string title, string detail,
        IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Type = TypeBase + type;
        problem.Title = title;
        problem.Status = status;
        problem.Detail = detail;
        return problem;
    }

    public static IResult Result(int status, string type, string title, string detail, IDictionary<string, string[]>? errors = null) =>
        Results.Json((object)Create(status, type, title, detail, errors), Json, ContentType, status);

    public static IResult Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        Result(StatusCodes.Status400BadRequest, InvalidRequest, "The request is not valid",
            detail ?? "One or more fields are missing or not valid. See 'errors', keyed by the JSON path of each field.", errors);

    public static IResult NotFoundResult(string detail) =>
        Result(StatusCodes.Status404NotFound, NotFound, "Not found", detail);

    /// <summary>Writes a problem straight to the response, for middleware and authentication handlers.</summary>
    public static Task WriteAsync(HttpContext context, int status, string type, string title, string detail,
        IDictionary<string, string[]>? errors = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        var problem = Create(status, type, title, detail, errors);
        return context.Response.WriteAsJsonAsync((object)problem, Json, ContentType);
    }

    /// <summary>
    /// 503 for a database that cannot be used just now. Whatever the request did is either wholly recorded or not at all,
    /// and the answer may have been lost either way: the same request with the same Idempotency-Key is recorded once.
    /// </summary>
    public static Task WriteUnavailableAsync(HttpContext context, int retryAfterSeconds) =>
        WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ServiceUnavailable, "Sorry, the service is unavailable",
            $"The service cannot take or answer requests now. Send the same request again in {retryAfterSeconds} seconds "
            + "(the Retry-After header). For a referral, send it with the same Idempotency-Key and the same body: it will be recorded once.");

    /// <summary>A problem for a bare status code that some other part of the pipeline set without a body.</summary>
    public static (string Type, string Title, string Detail) ForStatus(int status) => status switch
    {
        404 => (NotFound, "Not found", "There is nothing at this address. Check the path against the API documentation (/openapi/v1.json)."),
        405 => (MethodNotAllowed, "Method not allowed", "This address does not accept this HTTP method."),
        413 => (TooLarge, "Request too large", $"The request body must be at most {PartnerApiOptions.MaxBodyBytes / 1024} KB."),
        415 => (UnsupportedMediaType, "Unsupported media type", "Send the request body as JSON with 'Content-Type: application/json'."),
        400 => (InvalidRequest, "Bad request", "The request could not be read."),
        _ when status >= 500 => (ServerError, "Server error", "Something went wrong on our side. It has been logged; try again later."),
        _ => ("http-" + status, "Request failed", $"The request failed with status {status}."),
    };
}
