using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Children.Address;

/// <summary>
/// Record that a child moved: the new address and the day they moved. The address they left ends the day before, and the
/// move is in their chronology.
/// </summary>
public sealed class ChangeModel(PersonFamilyRecords family, SafeguardDbContext db, ChangesSince changes, Core.People.Access.NeedToKnow needToKnow)
    : PersonEditPage(db, changes, needToKnow, "changing an address")
{
    [BindProperty, Display(Name = "Address line 1")]
    public string? Line1 { get; set; }

    [BindProperty, Display(Name = "Town or city")]
    public string? Town { get; set; }

    [BindProperty, Display(Name = "Postcode")]
    public string? Postcode { get; set; }

    [BindProperty, Display(Name = "Date they moved", Description = "For example, 27 2 2026")]
    public GovUkDate MovedOn { get; set; } = new();

    /// <summary>The address they live at now, as the record shows it.</summary>
    public CurrentAddress? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id, freshForm: true)) return NotFound();
        Current = await family.CurrentAddressAsync(id);
        await RecordViewedAsync(id, PersonName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id, freshForm: false)) return NotFound();
        ModelState.Clear();
        var moved = TypedFields.Date(ModelState, nameof(MovedOn), "The date they moved", MovedOn);
        var result = await family.ChangeAddressAsync(id, new AddressInput(Line1, Town, Postcode, moved), Version);
        if (result.Outcome == HouseholdOutcome.ChangedElsewhere) return await ChangedElsewhereAsync(id);
        if (result.Outcome == HouseholdOutcome.Invalid || !ModelState.IsValid)
        {
            TypedFields.AddErrors(ModelState, result.Errors);
            Current = await family.CurrentAddressAsync(id);
            return this.PageWithErrors();
        }
        TempData["Success"] = "Address changed";
        return Redirect($"/children/{id}");
    }
}
