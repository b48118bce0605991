using Safeguard.Core.Data;

namespace Safeguard.Core.Workforce;

public enum OrganisationKind { LocalAuthority, Police, Health, Education, Voluntary, Other }

/// <summary>The council itself or a partner agency that refers children to it.</summary>
public sealed class Organisation
{
    private Organisation() { }

    public Organisation(string name, OrganisationKind kind)
    {
        Id = NewId.Next();
        Name = name;
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
}
