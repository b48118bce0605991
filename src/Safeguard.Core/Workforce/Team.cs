using Safeguard.Core.Data;

namespace Safeguard.Core.Workforce;

public enum TeamKind { FrontDoor, Assessment, ChildInNeed, ChildProtection, EarlyHelp, Conference }

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
}
