using Safeguard.Core.Data;

namespace Safeguard.Core.Workforce;

public enum TeamKind
{
    FrontDoor, Assessment, ChildInNeed, ChildProtection, EarlyHelp, Conference,
    /// <summary>The director's office: owns escalations to the director, so they never show on a practice team's tray.</summary>
    Leadership,
}

/// <summary>A team of the council. Its tray owns work that no named worker owns yet.</summary>
public sealed class Team
{
    private Team() { }

    public Team(string name, TeamKind kind)
    {
        Id = NewId.Next();
        Name = name;
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public TeamKind Kind { get; private set; }

    /// <summary>When it stopped taking work: a retired team is given no new work and is not offered in lists.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Optimistic concurrency token: goes up by one with every change.</summary>
    public int Version { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public void Change(string name, TeamKind kind)
    {
        Name = name;
        Kind = kind;
        Version++;
    }

    public void Retire(DateTimeOffset at)
    {
        if (IsRetired) throw new InvalidOperationException($"{Name} is already retired.");
        RetiredAt = at;
        Version++;
    }

    public void Reinstate()
    {
        if (!IsRetired) throw new InvalidOperationException($"{Name} is not retired.");
        RetiredAt = null;
        Version++;
    }
}
