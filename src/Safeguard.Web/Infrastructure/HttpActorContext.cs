using System.Security.Claims;
using Safeguard.Core.Security;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// The actor for events written during a web request: the signed-in user, or "anonymous"; outside any request
/// (background work in the web process) the system itself.
/// </summary>
public sealed class HttpActorContext(IHttpContextAccessor accessor) : IActorContext
{
    private static readonly Actor Anonymous = new(null, "Anonymous (not signed in)");

    public Actor Current
    {
        get
        {
            if (accessor.HttpContext is not { } context) return Actor.System;
            var user = context.User;
            if (user?.Identity?.IsAuthenticated != true) return Anonymous;
            return new Actor(
                Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
                user.FindFirstValue(SafeguardClaims.DisplayName) ?? user.Identity.Name ?? "Unknown",
                Guid.TryParse(user.FindFirstValue(SafeguardClaims.OrganisationId), out var org) ? org : null);
        }
    }
}

public static class ClaimsPrincipalExtensions
{
    public static bool Can(this ClaimsPrincipal user, string permission) => user.HasClaim(SafeguardClaims.Permission, permission);

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid UserIdOrEmpty(this ClaimsPrincipal user) => user.UserId() ?? Guid.Empty;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(SafeguardClaims.DisplayName) ?? user.Identity?.Name ?? "";
}
