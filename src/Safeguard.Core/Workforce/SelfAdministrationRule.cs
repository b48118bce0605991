using Safeguard.Core.Security;

namespace Safeguard.Core.Workforce;

/// <summary>
/// Separation of duties: nobody changes the access of the account they are acting from (its roles, team, partner
/// organisation or whether it is disabled); another administrator must. ISO/IEC 27001:2022 Annex A 5.3 (segregation of duties).
/// The rule can check only the actor's own account id: a second account made for oneself under another address is
/// left to review of the <see cref="AccountCreated"/> events, which name who made each account (docs/operations.md).
/// </summary>
public static class SelfAdministrationRule
{
    public const string Refusal = "You cannot change your own account. Ask another administrator to change it";

    public static bool Refuses(Actor actor, Guid accountId) => actor.UserId == accountId;
}
