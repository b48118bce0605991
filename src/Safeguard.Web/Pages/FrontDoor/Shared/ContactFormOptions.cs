using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Web.Pages.FrontDoor.Shared;

public static class ContactFormOptions
{
    public static readonly IReadOnlyList<SelectListItem> Categories =
        ConcernCategories.All.Select(c => new SelectListItem(c.Label, c.Code)).ToList();

    public static readonly IReadOnlyList<SelectListItem> YesNo = [new("Yes", "yes"), new("No", "no")];

    public static readonly IReadOnlyList<SelectListItem> YesNoNotKnown = [new("Yes", "yes"), new("No", "no"), new("Not known", "not-known")];

    public static readonly IReadOnlyList<SelectListItem> Sexes =
        [new("Female", "Female"), new("Male", "Male"), new("Indeterminate", "Indeterminate"), new("Not known", "Unknown")];
}

/// <summary>A page that shows the contact form partial.</summary>
public interface IContactFormPage
{
    ContactForm Form { get; }

    /// <summary>Possible existing records for each child, by child index, after "Check for existing records".</summary>
    IReadOnlyDictionary<int, IReadOnlyList<Safeguard.Core.People.PersonCandidateView>> Candidates { get; }

    bool IsPartner { get; }
}
