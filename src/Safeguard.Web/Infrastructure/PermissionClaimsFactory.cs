using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Infrastructure;

/// <summary>Puts the user's permissions (from their roles), name, team and organisation into the sign-in cookie.</summary>
public sealed class PermissionClaimsFactory(UserManager<StaffUser> users, RoleManager<StaffRole> roles, IOptions<IdentityOptions> options,
    SafeguardDbContext db, IOptions<Core.Security.TwoFactorSettings> twoFactor)
    : UserClaimsPrincipalFactory<StaffUser, StaffRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SafeguardClaims.DisplayName, user.DisplayName));
        if (user.TeamId is { } team) identity.AddClaim(new Claim(SafeguardClaims.TeamId, team.ToString()));
        if (user.OrganisationId is { } org) identity.AddClaim(new Claim(SafeguardClaims.OrganisationId, org.ToString()));
        if (user.MustChangePassword)
        {
            // Until the administrator's password is changed the person may do nothing else (MustChangePasswordGate).
            identity.AddClaim(new Claim(SafeguardClaims.MustChangePassword, "true"));
            return identity;
        }
        var userRoles = await UserManager.GetRolesAsync(user);
        if (TwoFactorGate.MustSetUp(twoFactor.Value, userRoles, user.TwoFactorEnabled))
        {
            identity.AddClaim(new Claim(TwoFactorGate.ClaimType, "true"));
            return identity;
        }
        // A retired organisation can no longer refer: its people keep no partner permission (checked again each minute).
        var retired = user.OrganisationId is { } organisation
            && await db.Organisations.AnyAsync(o => o.Id == organisation && o.RetiredAt != null);
        foreach (var permission in RolePermissions.ForRoles(userRoles))
        {
            if (retired && permission == Permissions.ReferAsPartner) continue;
            identity.AddClaim(new Claim(SafeguardClaims.Permission, permission));
        }
        return identity;
    }
}
