using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

/// <summary>A partner organisation's API key. Only a SHA-256 hash of the key is stored; the prefix finds it.</summary>
public sealed class PartnerApiKey
{
    private PartnerApiKey() { }

    public PartnerApiKey(Guid organisationId, string prefix, string hash, string name, DateTimeOffset createdAt)
    {
        Id = NewId.Next();
        OrganisationId = organisationId;
        Prefix = prefix;
        Hash = hash;
        Name = name;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>Remembers an Idempotency-Key so a retried POST returns the same referral.</summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public IdempotencyRecord(Guid organisationId, string key, string requestHash, Guid contactId, DateTimeOffset createdAt)
    {
        Id = NewId.Next();
        OrganisationId = organisationId;
        Key = key;
        RequestHash = requestHash;
        ContactId = contactId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Key { get; private set; } = "";
    public string RequestHash { get; private set; } = "";
    public Guid ContactId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
