using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Safeguard.Core.Data;
using Safeguard.Web.Api;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// A request that fails because the database cannot be used just now (<see cref="DatabaseUnavailable.IsTransient"/>) is
/// answered 503 with Retry-After: problem+json on /api (send it again, with the same Idempotency-Key), the "service is
/// unavailable" page elsewhere. Never 500, and never 400: a partner key or session check that failed used to escape
/// authentication to the error page, which answered a partner's POST 400 (its antiforgery check).
/// </summary>
public static class DatabaseUnavailableAnswer
{
    /// <summary>Long enough for PostgreSQL to restart or a long SQLite write to finish.</summary>
    public const int RetryAfterSeconds = 30;

    private const string FailedSignInCheck = "safeguard:database-unavailable";

    /// <summary>
    /// For the authentication handlers: the database could not be asked whether this request's key or session is good.
    /// The handler leaves the request anonymous and this middleware answers 503 (a sign-in check that fails must not look
    /// like a wrong key or an ended session).
    /// </summary>
    public static void SignInCheckFailed(HttpContext context, Exception cause) => context.Items[FailedSignInCheck] = cause;

    /// <summary>After authentication, so that its failure can be seen; before everything that may use the database.</summary>
    public static IApplicationBuilder UseDatabaseUnavailableAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The status page re-executed for the 503 is shown as to someone not signed in.
        if (context.Items[FailedSignInCheck] is Exception failure && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            await AnswerAsync(context, failure);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && DatabaseUnavailable.IsTransient(ex))
        {
            await AnswerAsync(context, ex);
        }
    });

    private static Task AnswerAsync(HttpContext context, Exception cause)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseUnavailableAnswer).FullName!)
            .LogWarning(cause, "The database is unavailable: {Method} {Path} answered 503", context.Request.Method, context.Request.Path);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        // Pages: no body here, so the status pages show /status/503.
        return context.Request.Path.StartsWithSegments("/api")
            ? ApiProblems.WriteUnavailableAsync(context, RetryAfterSeconds)
            : Task.CompletedTask;
    }
}
