using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;

namespace Safeguard.Web.Pages.Children;

/// <summary>
/// A page that changes a person's record. Its form carries the version of the record it showed and the last event
/// it saw, so a save made after someone else changed the record is refused (409), and the page comes back with what
/// changed and what was typed.
/// </summary>
public abstract class PersonEditPage(SafeguardDbContext db, ChangesSince changes, NeedToKnow needToKnow, string doing) : PageModel
{
    public string PersonName { get; private set; } = "";

    /// <summary>The version of the record the form was made from.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The last event on the record when the form was made.</summary>
    [BindProperty]
    public long Seen { get; set; }

    /// <summary>Changes someone else saved since the form was made; shown when a save was refused.</summary>
    public IReadOnlyList<ChangeSeen>? ChangedElsewhere { get; private set; }

    /// <summary>
    /// Reads the person (a record merged away cannot be changed, and one restricted from this user is not found, the
    /// attempt audited); a fresh form also takes its version now.
    /// </summary>
    protected async Task<bool> LoadAsync(Guid id, bool freshForm)
    {
        if (!await needToKnow.CheckAsync(id, doing)) return false;
        var person = await db.People.AsNoTracking().Where(p => p.Id == id && p.MergedIntoPersonId == null)
            .Select(p => new { Name = p.GivenName + " " + p.FamilyName, p.Version }).SingleOrDefaultAsync();
        if (person is null) return false;
        PersonName = person.Name;
        if (freshForm)
        {
            Version = person.Version;
            Seen = await changes.MarkAsync(id);
        }
        return true;
    }

    /// <summary>Another person's name as the signed-in person may see it: a record restricted from them is not named.</summary>
    protected async Task<string> NameAsSeenAsync(Guid personId, string name) =>
        (await needToKnow.HiddenAmongAsync([personId])).Contains(personId) ? NeedToKnow.RestrictedTitle : name;

    /// <summary>Audits that the signed-in person was shown this person's data.</summary>
    protected Task RecordViewedAsync(Guid id, string name) => needToKnow.RecordViewedAsync(id, name);

    /// <summary>The page again with what changed, ready to save on top of the record as it is now.</summary>
    protected async Task<IActionResult> ChangedElsewhereAsync(Guid id)
    {
        ChangedElsewhere = await changes.ForPersonAsync(id, Seen);
        await LoadAsync(id, freshForm: true);
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
