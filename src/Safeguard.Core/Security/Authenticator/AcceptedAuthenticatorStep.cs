namespace Safeguard.Core.Security.Authenticator;

/// <summary>
/// The last time step whose authenticator code an account signed in with (or set up with): a code of that step or an
/// earlier one is refused, so a code seen over someone's shoulder or caught in transit cannot be used again.
/// </summary>
public sealed class AcceptedAuthenticatorStep
{
    private AcceptedAuthenticatorStep() { }

    internal AcceptedAuthenticatorStep(Guid userId, long step)
    {
        UserId = userId;
        Step = step;
    }

    public Guid UserId { get; private set; }

    /// <summary>RFC 6238's count of 30-second steps since 1970 (<see cref="AuthenticatorCodes.StepAt"/>).</summary>
    public long Step { get; private set; }
}
