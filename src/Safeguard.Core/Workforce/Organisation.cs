using Safeguard.Core.Data;

namespace Safeguard.Core.Workforce;

public enum OrganisationKind { LocalAuthority, Police, Health, Education, Voluntary, Other }

/// <summary>The council itself or a partner agency that refers children to it.</summary>
public sealed class Organisation
{
    private Organisation() { }

    public Organisation(string name, OrganisationKind kind, string? cinReferralSourceCode = null)
    {
        Id = NewId.Next();
        Name = name;
        Kind = kind;
        CinReferralSourceCode = cinReferralSourceCode;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }

    /// <summary>Its own CIN census referral source code (1A..10); null means the default for its kind.</summary>
    public string? CinReferralSourceCode { get; private set; }

    /// <summary>When it stopped referring: a retired organisation's keys and accounts are refused and it is not offered in lists.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Optimistic concurrency token: goes up by one with every change.</summary>
    public int Version { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public void Change(string name, OrganisationKind kind, string? cinReferralSourceCode)
    {
        Name = name;
        Kind = kind;
        CinReferralSourceCode = cinReferralSourceCode;
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
