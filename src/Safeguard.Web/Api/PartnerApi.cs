using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Safeguard.Core.Data;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Api;

/// <summary>
/// The partner API under /api/v1: API-key authentication (scheme "PartnerApiKey", only for these routes; pages keep
/// the cookie), a per-key rate limit, problem+json for every error, and the OpenAPI document at /openapi/v1.json.
/// </summary>
public static class PartnerApi
{
    public const string Policy = "PartnerApi";
    public const string RateLimitPolicy = "PartnerApiPerKey";
    public const string DocumentName = "v1";

    public static void AddPartnerApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<PartnerApiOptions>(builder.Configuration.GetSection(PartnerApiOptions.Section));
        services.Configure<Core.Intake.IntakeWriterOptions>(builder.Configuration.GetSection(Core.Intake.IntakeWriterOptions.Section));
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, PartnerApiKeyHandler>(PartnerApiKeyHandler.SchemeName, null);
        // On /api the cookie scheme (the default) hands authentication and challenges to the API key scheme: a staff
        // cookie never opens the API, and anything that falls to the fallback policy gets 401 problem+json, not /sign-in.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
            o.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments("/api") ? PartnerApiKeyHandler.SchemeName : null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(PartnerApiKeyHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(SafeguardClaims.OrganisationId));

        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var prefix = context.User.FindFirstValue(PartnerApiClaims.KeyPrefix) ?? "";
                var perMinute = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<PartnerApiOptions>>()
                    .CurrentValue.RequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(prefix, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, perMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                    ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds))
                    : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, ApiProblems.RateLimited,
                    "Too many requests", $"This API key has used its allowance of requests for this minute. Try again in {seconds} seconds.");
            };
        });

        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Safeguard partner API",
                    Version = "v1",
                    Description = "Refer children to the council's front door and follow what was decided. "
                        + "Authenticate with 'Authorization: Bearer <key>'; send 'Idempotency-Key' with every POST. "
                        + "Errors are RFC 9457 problem details.",
                    License = new OpenApiLicense
                    {
                        Name = "Open Government Licence v3.0",
                        Url = new Uri("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"),
                    },
                };
                DescribeForLint(document);
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[PartnerApiKeyHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "sgk_<prefix>_<secret>",
                    Description = "The organisation's API key, made by the council with `safeguard partner-key create`.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(PartnerApiKeyHandler.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>What Redocly's "recommended" rules ask of the document beyond the endpoints (OpenApiLintTests).
    /// The server is "/", relative to where the document was read (each council's own address, behind any proxy),
    /// rather than the request's host with a trailing slash ("http://localhost/"); every tag has a description.</summary>
    private static void DescribeForLint(OpenApiDocument document)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "The Safeguard server this document was read from" }];
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var (name, description) in TagDescriptions)
        {
            var tag = document.Tags.FirstOrDefault(t => t.Name == name);
            if (tag is null) document.Tags.Add(tag = new OpenApiTag { Name = name });
            tag.Description = description;
        }
    }

    private static readonly (string Name, string Description)[] TagDescriptions =
    [
        ("Referrals", "Send a referral about one or more children to the council's front door, and read back what was decided."),
    ];

    public static void MapPartnerApi(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(ProblemsOnlyAsync));
        app.UseRateLimiter();

        app.MapOpenApi().AllowAnonymous();
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery();
        ReferralsEndpoints.Map(v1);
        ReferralInformationEndpoints.Map(v1);
    }

    /// <summary>
    /// On /api: no HTML status pages and no HTML error page. A bare error status becomes problem+json, a body over the
    /// limit becomes 413, and an unexpected exception becomes a logged 500 problem (never a stack trace); a database that
    /// cannot be used now is left to <see cref="DatabaseUnavailableAnswer"/> (503).
    /// </summary>
    private static async Task ProblemsOnlyAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = PartnerApiOptions.MaxBodyBytes;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            var (type, title, detail) = ApiProblems.ForStatus(ex.StatusCode);
            await ApiProblems.WriteAsync(context, ex.StatusCode, type, title, detail);
            return;
        }
        // A database that is unavailable is answered further out, 503 (DatabaseUnavailableAnswer). A cancellation the
        // client did not ask for (a timeout) is a failure like any other, not a reason to leave the API.
        catch (Exception ex) when (!context.Response.HasStarted && !DatabaseUnavailable.IsTransient(ex)
                                   && (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Safeguard.Web.Api")
                .LogError(ex, "Partner API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            var (type, title, detail) = ApiProblems.ForStatus(500);
            await ApiProblems.WriteAsync(context, 500, type, title, detail);
            return;
        }

        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted
            && context.Response.ContentType is null && context.Response.ContentLength is null)
        {
            var (type, title, detail) = ApiProblems.ForStatus(context.Response.StatusCode);
            await ApiProblems.WriteAsync(context, context.Response.StatusCode, type, title, detail);
        }
    }
}
