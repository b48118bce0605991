using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Children.Names;

/// <summary>Record a previous name or an alias, so searches and matching find the child by it.</summary>
public sealed class AddModel(PersonFamilyRecords family, SafeguardDbContext db, ChangesSince changes, Core.People.Access.NeedToKnow needToKnow)
    : PersonEditPage(db, changes, needToKnow, "adding a name")
{
    [BindProperty, Display(Name = "What kind of name is it?")]
    public string? Kind { get; set; }

    [BindProperty, Display(Name = "First name")]
    public string? GivenName { get; set; }

    [BindProperty, Display(Name = "Last name")]
    public string? FamilyName { get; set; }

    public static readonly IReadOnlyList<SelectListItem> Kinds =
        [new("A previous name", nameof(PersonNameKind.Previous)), new("Also known as (alias)", nameof(PersonNameKind.Alias))];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, freshForm: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id, freshForm: false)) return NotFound();
        ModelState.Clear();
        var kind = Enum.TryParse<PersonNameKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (PersonNameKind?)null;
        if (kind is null) ModelState.AddModelError(nameof(Kind), "Select what kind of name it is");
        if (string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(FamilyName))
            ModelState.AddModelError(nameof(GivenName), "Enter a first name, a last name or both");
        if (GivenName is { Length: > 100 }) ModelState.AddModelError(nameof(GivenName), "First name must be 100 characters or fewer");
        if (FamilyName is { Length: > 100 }) ModelState.AddModelError(nameof(FamilyName), "Last name must be 100 characters or fewer");
        if (!ModelState.IsValid) return this.PageWithErrors();

        var saved = await family.AddNameAsync(id, kind!.Value, GivenName ?? "", FamilyName ?? "", Version);
        return saved == EditOutcome.Saved ? Redirect($"/children/{id}") : await ChangedElsewhereAsync(id);
    }
}
