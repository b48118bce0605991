using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Assessments;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Assessments.Shared;

namespace Safeguard.Web.Pages.Assessments.Record;

/// <summary>
/// A child and family assessment. The worker who holds it records it here, saving as they go, and completes it for a
/// manager to authorise; anyone else who may see the child reads it. A child restricted from the reader answers 404.
/// </summary>
[KeepsDrafts]
public sealed class IndexModel(ChildAndFamilyAssessments assessments, NeedToKnow needToKnow) : PageModel
{
    [BindProperty]
    public AssessmentForm Form { get; set; } = new();

    public AssessmentView Assessment { get; private set; } = default!;

    /// <summary>The signed-in person is its worker and it is theirs to change (not completed).</summary>
    public bool Editable { get; private set; }

    public bool MayAuthorise { get; private set; }

    private bool MayRecord => User.HasClaim(SafeguardClaims.Permission, Core.Security.Permissions.RecordAssessments) && assessments.MayRecord(Assessment);

    public bool ChangedElsewhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await needToKnow.RecordViewedAsync(Assessment.PersonId, Assessment.ChildName);
        Form = AssessmentForm.From(Assessment);
        return Page();
    }

    /// <param name="id">The assessment.</param>
    /// <param name="action">"complete" to complete it; anything else saves it as it is.</param>
    public async Task<IActionResult> OnPostAsync(Guid id, string? action)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!MayRecord) return Forbid();
        ModelState.Clear();
        var complete = action == "complete";
        var input = Form.Read(id, ModelState);
        if (!ModelState.IsValid) return this.PageWithErrors();
        var result = await assessments.SaveAsync(input, complete);
        switch (result.Outcome)
        {
            case AssessmentChange.Saved:
                TempData["Success"] = complete
                    ? $"Assessment of {Assessment.ChildName} completed: it is with your manager to authorise"
                    : $"Assessment of {Assessment.ChildName} saved";
                return Redirect(complete ? $"/children/{Assessment.PersonId}" : $"/assessments/{id}");
            case AssessmentChange.Invalid:
                AssessmentForm.AddErrors(result, ModelState);
                return this.PageWithErrors();
            case AssessmentChange.ChangedElsewhere:
                await LoadAsync(id);
                Form.Version = Assessment.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
            case AssessmentChange.NotAllowed:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var found = await assessments.FindAsync(id);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the assessment page")) return false;
        Assessment = found;
        Editable = MayRecord && found.Stage == AssessmentStage.InProgress;
        MayAuthorise = found.Stage == AssessmentStage.AwaitingAuthorisation && await assessments.MayAuthoriseAsync(found);
        return true;
    }
}
