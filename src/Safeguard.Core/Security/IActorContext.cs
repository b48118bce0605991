namespace Safeguard.Core.Security;

/// <summary>Who is acting now: a signed-in user, a partner organisation's API key, or the system itself.</summary>
public interface IActorContext
{
    Actor Current { get; }
}

public sealed record Actor(Guid? UserId, string Name, Guid? OrganisationId = null)
{
    public static readonly Actor System = new(null, "Safeguard (system)");
}

/// <summary>An actor fixed at construction: for the CLI, background work and tests.</summary>
public sealed class FixedActorContext(Actor actor) : IActorContext
{
    public Actor Current { get; } = actor;
}
