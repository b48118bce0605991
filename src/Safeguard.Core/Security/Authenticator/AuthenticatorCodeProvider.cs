using Microsoft.AspNetCore.Identity;

namespace Safeguard.Core.Security.Authenticator;

/// <summary>
/// Identity's authenticator token provider, replaced: the same Base32 key Identity stores, but the time is the injected
/// <see cref="TimeProvider"/> (Identity's reads the machine clock), and a code is accepted only once: its time step must
/// be later than the last one the account used (<see cref="AuthenticatorSteps"/>). Registered under
/// <see cref="TokenOptions.DefaultAuthenticatorProvider"/>, so set-up and sign-in both go through it.
/// </summary>
public sealed class AuthenticatorCodeProvider<TUser>(TimeProvider time, AuthenticatorSteps steps) : IUserTwoFactorTokenProvider<TUser>
    where TUser : class
{
    /// <summary>The app makes the code; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<TUser> manager, TUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<TUser> manager, TUser user)
    {
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } stored) return false;
        if (AuthenticatorKeys.FromBase32(stored) is not { } key) return false;
        if (AuthenticatorCodes.MatchingStep(key, token, time.GetUtcNow()) is not { } step) return false;
        return await steps.TryTakeAsync(Guid.Parse(await manager.GetUserIdAsync(user)), step);
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<TUser> manager, TUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
}
