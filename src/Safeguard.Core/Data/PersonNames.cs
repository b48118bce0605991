using Microsoft.EntityFrameworkCore;

namespace Safeguard.Core.Data;

/// <summary>A person's name as work titles and events write it.</summary>
public static class PersonNames
{
    /// <summary>"Given Family" of a person who must exist.</summary>
    public static async Task<string> PersonNameAsync(this SafeguardDbContext db, Guid personId, CancellationToken ct = default) =>
        (await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct)).Trim();
}
