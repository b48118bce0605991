using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Partner;

/// <summary>The partner organisation of the signed-in referrer: a partner sees only what it referred.</summary>
public static class PartnerAccount
{
    public static Guid? OrganisationId(System.Security.Claims.ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(SafeguardClaims.OrganisationId)?.Value, out var id) ? id : null;

    public static async Task<string?> OrganisationNameAsync(SafeguardDbContext db, Guid organisationId) =>
        await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync();
}
