using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Escalations;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Escalations.View;

/// <summary>
/// One escalation, for whoever raised it, whoever it was raised with, the director and (when the raiser chose) their
/// line manager: anyone else, and anyone who may not see the child it names, gets 404. Reading it is recorded. The
/// director or delegate answers it here; of two answers at once, the second is told and keeps what they typed.
/// </summary>
public sealed class IndexModel(EscalationRecords escalations, TimeProvider time) : PageModel
{
    public EscalationView Escalation { get; private set; } = default!;
    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [Display(Name = "Outcome")]
    public string? Outcome { get; set; }

    [BindProperty]
    [Display(Name = "Your response", Description = "What you found and what will happen. The person who raised it will read this. You can enter up to 4,000 characters.")]
    public string? Answer { get; set; }

    public bool ChangedElsewhere { get; private set; }

    public static IReadOnlyList<SelectListItem> OutcomeItems { get; } =
        Enum.GetValues<EscalationOutcome>().Select(o => new SelectListItem(o.Words(), o.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Escalation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Clear();
        var result = await escalations.RespondAsync(new EscalationResponseInput(id, Version, Outcome, Answer));
        switch (result.Outcome)
        {
            case EscalationChange.Done:
                TempData["Success"] = "Your response has been saved and the person who raised the concern can read it.";
                return Redirect("/escalations");
            case EscalationChange.NotFound:
                return NotFound();
            case EscalationChange.Invalid:
                foreach (var (field, message) in result.Errors) ModelState.AddModelError(field == "Response" ? nameof(Answer) : field, message);
                if (!await LoadAsync(id)) return NotFound();
                return this.PageWithErrors();
            default:
                if (!await LoadAsync(id)) return NotFound();
                Version = Escalation.Version;
                ChangedElsewhere = true;
                return this.PageChangedElsewhere();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Now = time.GetUtcNow();
        var escalation = await escalations.ReadAsync(id);
        if (escalation is null) return false;
        Escalation = escalation;
        return true;
    }
}
