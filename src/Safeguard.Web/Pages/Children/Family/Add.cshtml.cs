using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Children.Family;

/// <summary>
/// Record a parent, step-parent, sibling, carer or household member. The relative is looked up in the person
/// index first, so someone already known is linked rather than typed in again.
/// </summary>
public sealed class AddModel(PersonFamilyRecords family, SafeguardDbContext db, ChangesSince changes, TimeProvider time,
    Core.People.Access.NeedToKnow needToKnow) : PersonEditPage(db, changes, needToKnow, "adding a family member")
{
    [BindProperty, Display(Name = "Who are they to the child?")]
    public string? Kind { get; set; }

    [BindProperty, Display(Name = "First name")]
    public string? GivenName { get; set; }

    [BindProperty, Display(Name = "Last name")]
    public string? FamilyName { get; set; }

    [BindProperty, Display(Name = "Date of birth (if known)", Description = "For example, 14 2 1988")]
    public GovUkDate DateOfBirth { get; set; } = new();

    [BindProperty, Display(Name = "Postcode (if known)")]
    public string? Postcode { get; set; }

    [BindProperty, Display(Name = "Since when? (if known)", Description = "When they became this to the child, for example 1 9 2025")]
    public GovUkDate Since { get; set; } = new();

    public static readonly IReadOnlyList<SelectListItem> Kinds = Enum.GetValues<RelationshipKind>()
        .Select(k => new SelectListItem(PersonRelationship.Describe(k), k.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, freshForm: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id, freshForm: false)) return NotFound();
        ModelState.Clear();
        var kind = Enum.TryParse<RelationshipKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (RelationshipKind?)null;
        if (kind is null) ModelState.AddModelError(nameof(Kind), "Select who they are to the child");
        if (string.IsNullOrWhiteSpace(GivenName)) ModelState.AddModelError(nameof(GivenName), "Enter their first name");
        else if (GivenName.Length > 100) ModelState.AddModelError(nameof(GivenName), "First name must be 100 characters or fewer");
        if (string.IsNullOrWhiteSpace(FamilyName)) ModelState.AddModelError(nameof(FamilyName), "Enter their last name");
        else if (FamilyName.Length > 100) ModelState.AddModelError(nameof(FamilyName), "Last name must be 100 characters or fewer");
        DateOnly? dob = null;
        if (!DateOfBirth.IsEmpty)
        {
            if (!DateOfBirth.TryGetDate(out var d)) ModelState.AddModelError($"{nameof(DateOfBirth)}.Day", "Date of birth must be a real date");
            else if (DateRules.DateOfBirthProblem(d, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) is { } problem)
                ModelState.AddModelError(nameof(DateOfBirth), problem);
            else dob = d;
        }
        DateOnly? since = null;
        if (!Since.IsEmpty)
        {
            if (!Since.TryGetDate(out var s)) ModelState.AddModelError($"{nameof(Since)}.Day", "The date since when must be a real date");
            else if (DateRules.DateOfBirthProblem(s, Core.Timescales.TimeLimits.UkDay(time.GetUtcNow()), "The date since when") is { } problem)
                ModelState.AddModelError(nameof(Since), problem);
            else since = s;
        }
        if (!string.IsNullOrWhiteSpace(Postcode) && !Core.People.Identifiers.Postcode.TryParse(Postcode, out _))
            ModelState.AddModelError(nameof(Postcode), "Enter a real postcode, like NB1 4QT");
        if (!ModelState.IsValid) return this.PageWithErrors();

        var relative = new NewChild(LinkChoice.NotChosen, GivenName!.Trim(), FamilyName!.Trim(), dob, null, Sex.Unknown, null, null, null, Postcode, null);
        var (saved, _) = await family.AddRelationshipAsync(id, relative, kind!.Value, Version, since);
        return saved == EditOutcome.Saved ? Redirect($"/children/{id}#family") : await ChangedElsewhereAsync(id);
    }
}
