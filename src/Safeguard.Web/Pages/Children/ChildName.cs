using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Web.Pages.Children;

public static class ChildName
{
    /// <summary>The name of a person whose record can still be changed (not merged away), or null.</summary>
    public static Task<string?> OfLiveRecordAsync(SafeguardDbContext db, Guid id) =>
        db.People.Where(p => p.Id == id && p.MergedIntoPersonId == null)
            .Select(p => p.GivenName + " " + p.FamilyName).SingleOrDefaultAsync();
}
