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

/// <summary>Existing records offered for one child on the contact form, the worker's choice (as posted) and any error about it.</summary>
public sealed record ChildCandidates(int Index, IReadOnlyList<Safeguard.Core.People.PersonCandidateView> Candidates, string? Selected,
    string? Error = null);

/// <summary>
/// A page that shows the contact form partial: the front door's "Record a contact" and a partner's "Make a referral"
/// share the form, its "Add another child" step and its checks.
/// </summary>
public abstract class ContactFormPageModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty]
    public ContactForm Form { get; set; } = new();

    /// <summary>Possible existing records for each child, by child index, after "Check for existing records".</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Safeguard.Core.People.PersonCandidateView>> Candidates { get; protected set; } =
        new Dictionary<int, IReadOnlyList<Safeguard.Core.People.PersonCandidateView>>();

    public abstract bool IsPartner { get; }

    /// <summary>
    /// The form's one-time key: made when the form is first shown, kept through its re-renders, and posted with it, so
    /// the same form sent twice (a double click, the browser sending it again) records one contact.
    /// </summary>
    [Microsoft.AspNetCore.Mvc.BindProperty]
    public Guid? SubmissionKey { get; set; }

    public Guid KeepSubmissionKey() => SubmissionKey ??= Guid.NewGuid();

    public Microsoft.AspNetCore.Mvc.RazorPages.PageResult OnPostAddChild()
    {
        ModelState.Clear();
        if (Form.Children.Count < ContactFormValidator.MaxChildren) Form.Children.Add(new ChildForm());
        return Page();
    }
}
