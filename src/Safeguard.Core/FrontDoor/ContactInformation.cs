using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// More information a partner sent about a referral (contact) already made: its own row, so what the referrer first
/// said is never rewritten. Read by the front door: a decided contact's new information is a work item until marked read.
/// </summary>
public sealed class ContactInformation
{
    public const int MaxTextLength = 20000;
    public const int MaxFromLength = 200;

    private ContactInformation() { }

    public ContactInformation(Guid contactId, Guid? organisationId, string text, string? from, DateTimeOffset receivedAt,
        Guid? addedByUserId, string? idempotencyKey = null, string? requestHash = null)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("The information is empty.", nameof(text));
        Id = NewId.Next();
        ContactId = contactId;
        OrganisationId = organisationId;
        Text = text.Trim();
        From = string.IsNullOrWhiteSpace(from) ? null : from.Trim();
        ReceivedAt = receivedAt;
        AddedByUserId = addedByUserId;
        IdempotencyKey = idempotencyKey;
        RequestHash = requestHash;
    }

    public Guid Id { get; private set; }
    public Guid ContactId { get; private set; }
    /// <summary>The partner organisation that sent it.</summary>
    public Guid? OrganisationId { get; private set; }
    public string Text { get; private set; } = "";
    /// <summary>Who sent it, as the partner named them (optional).</summary>
    public string? From { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>The partner's user when sent from the partner page; null from the API.</summary>
    public Guid? AddedByUserId { get; private set; }
    /// <summary>The API's Idempotency-Key (unique per organisation) and the hash of the request it came with.</summary>
    public string? IdempotencyKey { get; private set; }
    public string? RequestHash { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public Guid? ReadByUserId { get; private set; }

    public void MarkRead(Guid? byUserId, DateTimeOffset at)
    {
        if (ReadAt is not null) return;
        ReadAt = at;
        ReadByUserId = byUserId;
    }
}
