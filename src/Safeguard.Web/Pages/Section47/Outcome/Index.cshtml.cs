using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Enquiries;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Section47.Outcome;

/// <summary>
/// Concluding a section 47 enquiry: its outcome and reasons ("conference not required" with the reason it is not), by
/// someone who may record strategy discussions and may see the child (restricted: 404). Once concluded, the page shows
/// the outcome.
/// </summary>
public sealed class IndexModel(Section47Outcomes outcomes, NeedToKnow needToKnow) : PageModel
{
    public EnquiryView Enquiry { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [Display(Name = "What is the outcome of the enquiry?")]
    public string? Outcome { get; set; }

    [BindProperty]
    [Display(Name = "Reasons", Description = "If a conference is not required, say why.")]
    public string? Reasons { get; set; }

    public bool ChangedElsewhere { get; private set; }

    public static IReadOnlyList<SelectListItem> OutcomeItems { get; } =
        Enum.GetValues<Section47Outcome>().Select(o => new SelectListItem(o.Words(), o.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await needToKnow.RecordViewedAsync(Enquiry.PersonId, Enquiry.ChildName);
        Version = Enquiry.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Section47Outcome? outcome = Enum.TryParse<Section47Outcome>(Outcome, out var o) && Enum.IsDefined(o) && !int.TryParse(Outcome, out _) ? o : null;
        var result = await outcomes.ConcludeAsync(id, Version, outcome, Reasons);
        switch (result.Outcome)
        {
            case StrategyOutcome.Recorded:
                TempData["Success"] = $"Section 47 enquiry about {Enquiry.ChildName} concluded";
                return Redirect($"/children/{Enquiry.PersonId}");
            case StrategyOutcome.Invalid:
                foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
                return this.PageWithErrors();
            case StrategyOutcome.ChangedElsewhere:
                await LoadAsync(id);
                Version = Enquiry.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var found = await outcomes.FindAsync(id);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the section 47 enquiry outcome page")) return false;
        Enquiry = found with { ChildName = found.ChildName.Trim() };
        return true;
    }
}
