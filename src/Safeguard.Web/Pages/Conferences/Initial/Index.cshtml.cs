using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Conferences;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Pages.Conferences.Shared;

namespace Safeguard.Web.Pages.Conferences.Initial;

/// <summary>
/// Recording the initial child protection conference that follows a section 47 enquiry: by someone who may record
/// conferences (<c>conferences.record</c>: chairs and managers) and may see the child (restricted: 404). Once held, the
/// page leads to the conference.
/// </summary>
[KeepsDrafts]
public sealed class IndexModel(ChildProtectionConferences conferences, NeedToKnow needToKnow, TimeProvider time,
    Core.Chronology.HistoryAtDecision history) : PageModel, IConferenceFormPage
{
    /// <summary>The child's history before the conference's decision is recorded.</summary>
    public Core.Chronology.DecisionHistory History { get; private set; } = default!;

    [BindProperty]
    public ConferenceForm Form { get; set; } = new();

    public IReadOnlyList<SelectListItem> ChairItems { get; private set; } = [];

    public bool IsReview => false;

    public InitialConferenceContext Enquiry { get; private set; } = default!;

    public bool ChangedElsewhere { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid enquiryId)
    {
        if (!await LoadAsync(enquiryId)) return NotFound();
        if (Enquiry.ConferenceId is { } held) return Redirect($"/conferences/{held}");
        await needToKnow.RecordViewedAsync(Enquiry.PersonId, Enquiry.ChildName);
        await history.RecordShownAsync(History, "an initial child protection conference");
        var me = User.UserIdOrEmpty();
        Form = ConferenceForm.Start(time.GetUtcNow(), ChairItems.Any(c => c.Value == me.ToString()) ? me : null, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enquiryId)
    {
        if (!await LoadAsync(enquiryId)) return NotFound();
        ModelState.Clear();
        var result = await conferences.HoldInitialAsync(enquiryId, Form.Read(ModelState), checkOnly: !ModelState.IsValid);
        switch (result.Outcome)
        {
            case ConferenceOutcome.Recorded:
                TempData["Success"] = $"Initial child protection conference about {Enquiry.ChildName} recorded";
                return Redirect($"/conferences/{result.Id}");
            case ConferenceOutcome.Invalid:
                ConferenceForm.AddErrors(result.Errors, ModelState);
                Form.Pad();
                return this.PageWithErrors();
            case ConferenceOutcome.ChangedElsewhere:
                await LoadAsync(enquiryId);
                ChangedElsewhere = true;
                Form.Pad();
                return this.PageChangedElsewhere();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid enquiryId)
    {
        var found = await conferences.InitialContextAsync(enquiryId);
        if (found is null || !await needToKnow.CheckAsync(found.PersonId, "the initial conference page")) return false;
        Enquiry = found;
        ChairItems = ConferenceForm.Chairs(await conferences.ChairChoicesAsync());
        History = await history.ForChildAsync(found.PersonId);
        return true;
    }
}
