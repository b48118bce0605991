using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Api;

public static class PartnerApiClaims
{
    /// <summary>The 8-character prefix of the API key the request came with (partition key for rate limiting).</summary>
    public const string KeyPrefix = "safeguard:api-key";
}

/// <summary>
/// Authenticates `Authorization: Bearer sgk_...` against <see cref="PartnerKeys"/>. The principal carries the partner
/// organisation (<see cref="SafeguardClaims.OrganisationId"/>) and a display name "Organisation (API)" that
/// <see cref="HttpActorContext"/> writes on events. 401 and 403 are problem+json, never a redirect. A key that checked
/// out is trusted for <see cref="PartnerKeys.VerifiedFor"/> (5 s) without a query: revoking in this process takes
/// effect at once, revoking from the CLI or another server within those seconds.
/// </summary>
public sealed class PartnerApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PartnerKeys keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PartnerApiKey";
    private const string FailureItem = "safeguard:api-auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header)) return Fail("Send your API key in the header 'Authorization: Bearer <key>'.");
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("The Authorization header must use the Bearer scheme: 'Authorization: Bearer <key>'.");
        }

        PartnerKeyCheck check;
        VerifiedPartnerKey? key;
        try
        {
            (check, key) = await keys.VerifyRecentAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        }
        catch (Exception ex) when (DatabaseUnavailable.IsTransient(ex))
        {
            DatabaseUnavailableAnswer.SignInCheckFailed(Context, ex);
            return AuthenticateResult.Fail(ex);
        }
        switch (check)
        {
            case PartnerKeyCheck.Malformed:
                return Fail("This is not a Safeguard API key. Keys look like sgk_xxxxxxxx_ followed by 40 characters.");
            case PartnerKeyCheck.Unknown:
                return Fail("This API key is not known. Check that it was copied whole, or ask the council for a new key.");
            case PartnerKeyCheck.Revoked:
                return Fail("This API key has been revoked. Ask the council for a new key.");
            case PartnerKeyCheck.OrganisationRetired:
                return Fail("The organisation this API key belongs to has been retired by the council, so it can no longer send referrals.");
        }

        var display = $"{key!.OrganisationName} (API)";
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, display),
            new Claim(SafeguardClaims.DisplayName, display),
            new Claim(SafeguardClaims.OrganisationId, key.OrganisationId.ToString()),
            new Claim(PartnerApiClaims.KeyPrefix, key.Prefix),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private AuthenticateResult Fail(string message)
    {
        Context.Items[FailureItem] = message;
        return AuthenticateResult.Fail(message);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Items[FailureItem] as string ?? "Send your API key in the header 'Authorization: Bearer <key>'.";
        var presented = Request.Headers.Authorization.Count > 0;
        Response.Headers.WWWAuthenticate = presented
            ? "Bearer realm=\"safeguard\", error=\"invalid_token\""
            : "Bearer realm=\"safeguard\"";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, ApiProblems.Unauthorised, "Not authenticated", failure);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, ApiProblems.Forbidden, "Forbidden",
            "This API key may not do this.");
}
