using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Attachments;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Children.Documents;

/// <summary>
/// A child's documents (docs/attachments.md): every file attached to their record or one of its steps, the latest first,
/// each a download; and, for workers who record case notes, the form to attach another. Viewing is a view of the record
/// (audited); a restricted child the reader may not see is not found.
/// </summary>
[UploadLimits]
public sealed class IndexModel(Attachments attachments, SafeguardDbContext db, NeedToKnow needToKnow, IOptions<AttachmentSettings> settings) : PageModel
{
    public long MaxBytes => settings.Value.MaxBytes;

    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = "";

    public IReadOnlyList<AttachmentLine> Documents { get; private set; } = [];

    public IReadOnlyList<AttachmentStep> Steps { get; private set; } = [];

    public bool CanAttach => User.HasClaim(SafeguardClaims.Permission, Permissions.RecordCaseNotes);

    [BindProperty, Display(Name = "Upload a file")]
    public IFormFile? Upload { get; set; }

    [BindProperty, Display(Name = "What is it? (optional)", Description = "For example, hospital discharge letter")]
    public string? Description { get; set; }

    /// <summary>The step it belongs to, as <c>Kind:id</c>; empty for the record as a whole.</summary>
    [BindProperty, Display(Name = "Which part of the record is it about?")]
    public string? Step { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await FindAsync(id) is { } missing) return missing;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await FindAsync(id) is { } missing) return missing;
        if (!CanAttach) return Forbid();
        ModelState.Clear();
        var (kind, stepId) = ReadStep();
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return this.PageWithErrors();
        }
        await using var content = Upload?.OpenReadStream();
        var result = await attachments.AttachAsync(id, new AttachmentUpload(Upload?.FileName, content, Description, kind, stepId));
        switch (result.Outcome)
        {
            case AttachOutcome.Attached:
                TempData["Success"] = $"{AttachmentFileNames.Clean(Upload!.FileName)} attached";
                return Redirect($"/children/{id}/documents");
            case AttachOutcome.NotFound:
                return NotFound();
            default:
                foreach (var (field, message) in result.Errors) ModelState.AddModelError(field == "File" ? nameof(Upload) : field, message);
                await LoadAsync();
                return this.PageWithErrors();
        }
    }

    /// <summary>The option value of a step: its kind and id.</summary>
    public static string StepValue(AttachmentStep step) => $"{step.Kind}:{step.Id}";

    private (AttachmentStepKind?, Guid?) ReadStep()
    {
        if (string.IsNullOrEmpty(Step)) return (null, null);
        var parts = Step.Split(':');
        if (parts.Length == 2 && Enum.TryParse<AttachmentStepKind>(parts[0], out var kind) && Enum.IsDefined(kind) && Guid.TryParse(parts[1], out var stepId))
        {
            return (kind, stepId);
        }
        ModelState.AddModelError(nameof(Step), "Choose a step of the child\u2019s record from the list");
        return (null, null);
    }

    /// <summary>Not found (a child who does not exist or whom the reader may not see), or a merged record's survivor; null when found.</summary>
    private async Task<IActionResult?> FindAsync(Guid id)
    {
        if (!await needToKnow.CheckAsync(id, "the child's documents")) return NotFound();
        var person = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { Name = p.GivenName + " " + p.FamilyName, p.MergedIntoPersonId }).SingleOrDefaultAsync();
        if (person is null) return NotFound();
        if (person.MergedIntoPersonId is { } survivor) return Redirect($"/children/{survivor}/documents");
        (ChildId, ChildName) = (id, person.Name.Trim());
        return null;
    }

    private async Task LoadAsync()
    {
        Documents = await attachments.ListAsync(ChildId);
        if (CanAttach) Steps = await attachments.StepsAsync(ChildId);
        await needToKnow.RecordViewedAsync(ChildId, ChildName);
    }
}
