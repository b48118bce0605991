using Safeguard.Core.Data;

namespace Safeguard.Core.People.Access;

/// <summary>
/// One name on a restricted child's access list: this user may see the child. A grant that <see cref="HoldsList"/> is
/// a manager who holds the list: they may also add and remove names, and lift the restriction (with the
/// <see cref="Security.Permissions.RestrictChildRecords"/> permission). One grant per user and child.
/// </summary>
public sealed class PersonAccessGrant
{
    private PersonAccessGrant() { }

    public PersonAccessGrant(Guid personId, Guid userId, bool holdsList, string reason, Security.Actor grantedBy, DateTimeOffset at)
    {
        Id = NewId.Next();
        PersonId = personId;
        UserId = userId;
        HoldsList = holdsList;
        Reason = reason;
        GrantedByUserId = grantedBy.UserId;
        GrantedByName = grantedBy.Name;
        GrantedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid UserId { get; private set; }
    public bool HoldsList { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid? GrantedByUserId { get; private set; }
    public string GrantedByName { get; private set; } = "";
    public DateTimeOffset GrantedAt { get; private set; }

    public const int MaxReasonLength = 2000;
}
