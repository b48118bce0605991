using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Assessments;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Assessments.Authorise;

/// <summary>
/// A manager of the worker reads the completed assessment and authorises it (the CIN census authorisation date), or sends
/// it back to the worker saying what to change. Anyone else is refused (403); a child restricted from them answers 404.
/// </summary>
public sealed class IndexModel(ChildAndFamilyAssessments assessments, NeedToKnow needToKnow) : PageModel
{
    public AssessmentView Assessment { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [Display(Name = "What does the worker need to change?", Description = "Only if you are sending it back. The worker sees this on the assessment.")]
    public string? ReturnReason { get; set; }

    public bool ChangedElsewhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        await needToKnow.RecordViewedAsync(Assessment.PersonId, Assessment.ChildName);
        Version = Assessment.Version;
        return Page();
    }

    /// <param name="id">The assessment.</param>
    /// <param name="action">"return" sends it back with <see cref="ReturnReason"/>; anything else authorises it.</param>
    public async Task<IActionResult> OnPostAsync(Guid id, string? action)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var sendBack = action == "return";
        var result = sendBack ? await assessments.ReturnAsync(id, Version, ReturnReason) : await assessments.AuthoriseAsync(id, Version);
        switch (result.Outcome)
        {
            case AssessmentChange.Saved:
                TempData["Success"] = sendBack
                    ? $"Assessment of {Assessment.ChildName} sent back to {Assessment.WorkerName}"
                    : $"Assessment of {Assessment.ChildName} authorised";
                return Redirect($"/assessments/{id}");
            case AssessmentChange.Invalid:
                foreach (var (_, message) in result.Errors) ModelState.AddModelError(nameof(ReturnReason), message);
                return this.PageWithErrors();
            case AssessmentChange.ChangedElsewhere:
                await LoadAsync(id);
                Version = Assessment.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            case AssessmentChange.NotAllowed:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var found = await assessments.FindAsync(id);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "authorising the assessment")) return NotFound();
        Assessment = found;
        // Once decided, the page shows what was decided rather than a form.
        if (!await assessments.MayAuthoriseAsync(found)) return Forbid();
        return null;
    }
}
