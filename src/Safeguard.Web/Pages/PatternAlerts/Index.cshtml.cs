using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Chronology.Patterns;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.PatternAlerts;

/// <summary>
/// One pattern alert about a child (docs/pattern-alerts.md): what the rule found, whose work it is, and a form to
/// acknowledge it with a note of what was done. Anyone who may see the child may read it; the child's worker, their
/// team (the front door team for a child nobody holds) and managers may acknowledge it. A restricted child the reader
/// may not see is not found.
/// </summary>
public sealed class IndexModel(Core.Chronology.Patterns.PatternAlerts alerts, NeedToKnow needToKnow) : PageModel
{
    public PatternAlertLine Alert { get; private set; } = default!;

    public string ChildName { get; private set; } = "";

    public bool MayAcknowledge { get; private set; }

    [BindProperty, Display(Name = "What was done", Description = "For example, who you spoke to, what you checked and what happens next")]
    public string? Note { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>Someone else acknowledged it while this reader was writing their note.</summary>
    public bool ChangedElsewhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await needToKnow.RecordViewedAsync(Alert.PersonId, ChildName);
        Version = Alert.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Alert.IsOpen) return AcknowledgedElsewhere();
        if (!MayAcknowledge) return Forbid();
        var result = await alerts.AcknowledgeAsync(id, User.UserIdOrEmpty(), Note, Version);
        switch (result.Outcome)
        {
            case AcknowledgeOutcome.Acknowledged:
                TempData["Success"] = $"Alert acknowledged: {Alert.Title}";
                return Redirect($"/children/{Alert.PersonId}#pattern-alerts");
            case AcknowledgeOutcome.Invalid:
                foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
                return this.PageWithErrors();
            case AcknowledgeOutcome.NotYours:
                return Forbid();
            case AcknowledgeOutcome.NotFound:
                return NotFound();
            default:
                await LoadAsync(id);
                return AcknowledgedElsewhere();
        }
    }

    /// <summary>Someone else acknowledged it first: the page shows theirs, and the note this reader typed.</summary>
    private IActionResult AcknowledgedElsewhere()
    {
        Version = Alert.Version;
        ChangedElsewhere = true;
        return this.PageChangedElsewhere();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var alert = await alerts.FindAsync(id);
        if (alert is null || !await needToKnow.CheckAsync(alert.PersonId, "a pattern alert about the child")) return false;
        Alert = alert;
        ChildName = await alerts.ChildNameAsync(alert.PersonId);
        MayAcknowledge = alert.IsOpen && await alerts.MayAcknowledgeAsync(id, User.UserIdOrEmpty());
        return true;
    }
}
