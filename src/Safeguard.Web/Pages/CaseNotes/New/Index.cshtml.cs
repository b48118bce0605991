using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.People.Access;
using Safeguard.Core.Timescales;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Shared;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.CaseNotes.New;

/// <summary>
/// Recording a case note (a visit, phone call, meeting, email or letter) from the child's record, on one page: for those
/// who may record case notes (<c>casenotes.record</c>) and may see the child (restricted: 404).
/// </summary>
[KeepsDrafts]
public sealed class IndexModel(Core.CaseNotes.CaseNotes notes, NeedToKnow needToKnow, TimeProvider time) : PageModel
{
    public string ChildName { get; private set; } = "";

    public Guid PersonId { get; private set; }

    [BindProperty]
    [Display(Name = "What kind of contact was it?")]
    public string? Kind { get; set; }

    [BindProperty]
    [Display(Name = "Date", Description = "For example, 27 3 2027")]
    public GovUkDate HeldOn { get; set; } = new();

    [BindProperty]
    [Display(Name = "Time", Description = "For example, 09:30 or 14:15")]
    public string? HeldTime { get; set; }

    [BindProperty]
    [Display(Name = "Who took part", Description = "Family members and professionals, with their roles.")]
    public string? Participants { get; set; }

    [BindProperty]
    [Display(Name = "For a visit: was the child seen?")]
    public string? ChildSeen { get; set; }

    [BindProperty]
    [Display(Name = "For a visit: was the child seen alone?")]
    public string? ChildSeenAlone { get; set; }

    [BindProperty]
    [Display(Name = "Note", Description = "What happened; for a visit, what you observed.")]
    public string? Note { get; set; }

    public static IReadOnlyList<SelectListItem> KindItems { get; } =
        Enum.GetValues<CaseNoteKind>().Select(k => new SelectListItem(k.Words(), k.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "yes"), new("No", "no")];

    /// <param name="personId">The child.</param>
    /// <param name="kind">The kind to start with, when the link knows it (a visit due on the tray): one choice fewer to make.</param>
    public async Task<IActionResult> OnGetAsync(Guid personId, [FromQuery] string? kind)
    {
        if (!await LoadAsync(personId)) return NotFound();
        await needToKnow.RecordViewedAsync(personId, ChildName);
        if (Enum.TryParse<CaseNoteKind>(kind, ignoreCase: false, out var known) && Enum.IsDefined(known)) Kind = known.ToString();
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), WorkingDayCalendar.UkTime);
        HeldOn = GovUkDate.From(DateOnly.FromDateTime(local.DateTime));
        HeldTime = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId)
    {
        if (!await LoadAsync(personId)) return NotFound();
        ModelState.Clear();
        var at = HeldForms.ReadHeldAt(HeldOn, HeldTime, ModelState, nameof(HeldOn), nameof(HeldTime), "the contact");
        var kind = HeldForms.ReadEnum<CaseNoteKind>(Kind, ModelState, nameof(Kind), "Select what kind of contact it was");
        var input = new CaseNoteInput(kind, at, Participants, Note, YesOrNo(ChildSeen), YesOrNo(ChildSeenAlone));
        var (id, errors) = await notes.RecordAsync(personId, input, checkOnly: !ModelState.IsValid);
        if (id is null)
        {
            HeldForms.AddErrors(errors, ModelState, "", "OccurredAt");
            return this.PageWithErrors();
        }
        TempData["Success"] = $"{kind!.Value.Words()} recorded";
        return Redirect($"/children/{personId}#case-notes");
    }

    private static bool? YesOrNo(string? posted) => posted switch { "yes" => true, "no" => false, _ => null };

    private async Task<bool> LoadAsync(Guid personId)
    {
        if (!await needToKnow.CheckAsync(personId, "recording a case note")) return false;
        var name = await notes.ChildNameAsync(personId);
        if (name is null) return false;
        (PersonId, ChildName) = (personId, name);
        return true;
    }
}
