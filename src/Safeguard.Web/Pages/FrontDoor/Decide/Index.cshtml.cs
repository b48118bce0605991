using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Work;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.FrontDoor.Decide;

/// <summary>
/// The screening decision: the contact and each child's previous contacts and referrals on screen, then the
/// outcome and reasons. Managers also confirm or return "no further action" on child protection concerns and
/// can change the priority with a reason. Social workers and others who act on a contact may read it; only deciders
/// decide. Each form posts the contact's version as it was shown: if someone else decided or changed it meanwhile,
/// nothing is saved and the page says what they did (409).
/// </summary>
public sealed class IndexModel(ContactDetails details, ScreeningDecisions decisions, TimeProvider time,
    ContactAccess contactAccess, ContactsOnOpenCases openCases, Core.Chronology.HistoryAtDecision history) : PageModel
{
    /// <summary>Each child's history before the decision, by child.</summary>
    public IReadOnlyDictionary<Guid, Core.Chronology.DecisionHistory> Histories { get; private set; } = new Dictionary<Guid, Core.Chronology.DecisionHistory>();

    public ContactView Contact { get; private set; } = default!;
    public DecisionState State { get; private set; } = default!;
    public DateTimeOffset Now { get; private set; }
    public bool IsManager => User.Can(Permissions.ManageFrontDoor);
    public bool CanDecide => User.Can(Permissions.DecideContacts);

    /// <summary>The contact is about a child whose case the reader holds, and they have not yet marked it read.</summary>
    public bool UnreadByMe { get; private set; }

    /// <summary>The contact's version as the person saw it, posted back with each form.</summary>
    [BindProperty]
    public int? Version { get; set; }

    /// <summary>What someone else did first, when this person's change was not saved.</summary>
    public string? ChangedElsewhere { get; private set; }

    [BindProperty, Display(Name = "Decision")]
    public string? Outcome { get; set; }

    [BindProperty, Display(Name = "Reasons for the decision", Description = "These are kept on the child's record.")]
    public string? Reasons { get; set; }

    [BindProperty, Display(Name = "What to tell the referrer", Description = "Written for the referrer. Leave blank to send the reasons above.")]
    public string? Feedback { get; set; }

    [BindProperty, Display(Name = "New priority")]
    public string? NewPriority { get; set; }

    [BindProperty, Display(Name = "Reason for changing the priority")]
    public string? PriorityReason { get; set; }

    [BindProperty, Display(Name = "Why are you returning this decision?")]
    public string? ReturnReason { get; set; }

    public static readonly IReadOnlyList<SelectListItem> Outcomes =
        Enum.GetValues<ScreeningOutcome>().Select(o => new SelectListItem(Capitalise(OutcomeText.Of(o)), o.ToString())).ToList();

    public static readonly IReadOnlyList<SelectListItem> Priorities =
    [
        new("Child protection", nameof(Priority.ChildProtection)), new("Urgent", nameof(Priority.Urgent)), new("Standard", nameof(Priority.Standard)),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, recordView: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!CanDecide) return Forbid();
        if (!await LoadAsync(id, recordView: false)) return NotFound();
        ModelState.Clear();
        if (Contact.Status != ContactStatus.AwaitingDecision) return await ChangedElsewhereAsync(await decisions.AsItStandsAsync(id));
        var outcome = Enum.TryParse<ScreeningOutcome>(Outcome, out var o) && Enum.IsDefined(o) ? o : (ScreeningOutcome?)null;
        if (outcome is null) ModelState.AddModelError(nameof(Outcome), "Select the decision");
        Text(nameof(Reasons), Reasons, "Enter the reasons for the decision", Core.FrontDoor.Contact.DecisionReasonsMaxLength, required: true);
        Text(nameof(Feedback), Feedback, "What to tell the referrer", 8000, required: false);
        if (!ModelState.IsValid) return this.PageWithErrors();

        var attempt = await decisions.DecideAsync(new DecisionInput(id, outcome!.Value, Reasons!, Feedback, Version), User.UserIdOrEmpty(), IsManager);
        if (attempt.Conflict is { } conflict) return await ChangedElsewhereAsync(conflict);
        TempData["Success"] = attempt.Result == DecisionResult.AwaitingManagerConfirmation
            ? $"Decision on {Contact.Reference} sent to a manager to confirm"
            : $"Decision on {Contact.Reference} recorded";
        return RedirectToPage("/FrontDoor/Tray/Index");
    }

    /// <summary>The worker who holds a child's case marks this new contact about the child read.</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid id)
    {
        if (!await LoadAsync(id, recordView: false)) return NotFound();
        var read = await openCases.MarkReadAsync(id, User.UserIdOrEmpty());
        TempData["Success"] = read ? $"Contact {Contact.Reference} marked as read" : $"Contact {Contact.Reference} was already marked as read";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id)
    {
        if (!IsManager) return Forbid();
        if (!await LoadAsync(id, recordView: false)) return NotFound();
        if (await decisions.ConfirmAsync(id, User.UserIdOrEmpty(), Version) is { } conflict) return await ChangedElsewhereAsync(conflict);
        TempData["Success"] = $"No further action on {Contact.Reference} confirmed";
        return RedirectToPage("/FrontDoor/Tray/Index");
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id)
    {
        if (!IsManager) return Forbid();
        if (!await LoadAsync(id, recordView: false)) return NotFound();
        ModelState.Clear();
        if (Contact.Status != ContactStatus.AwaitingManagerConfirmation) return await ChangedElsewhereAsync(await decisions.AsItStandsAsync(id));
        Text(nameof(ReturnReason), ReturnReason, "Enter why you are returning this decision", 4000, required: true);
        if (!ModelState.IsValid) return this.PageWithErrors();
        if (await decisions.ReturnAsync(id, ReturnReason!.Trim(), Version) is { } conflict) return await ChangedElsewhereAsync(conflict);
        TempData["Success"] = $"{Contact.Reference} returned to be decided again";
        return RedirectToPage("/FrontDoor/Tray/Index");
    }

    public async Task<IActionResult> OnPostPriorityAsync(Guid id)
    {
        if (!IsManager) return Forbid();
        if (!await LoadAsync(id, recordView: false)) return NotFound();
        ModelState.Clear();
        if (Contact.Status == ContactStatus.Decided) return await ChangedElsewhereAsync(await decisions.AsItStandsAsync(id));
        var priority = Enum.TryParse<Priority>(NewPriority, out var p) && Enum.IsDefined(p) ? p : (Priority?)null;
        if (priority is null) ModelState.AddModelError(nameof(NewPriority), "Select the new priority");
        Text(nameof(PriorityReason), PriorityReason, "Enter the reason for changing the priority", Core.FrontDoor.Contact.ManagerPriorityReasonMaxLength, required: true);
        if (!ModelState.IsValid) return this.PageWithErrors();
        if (await details.ChangePriorityAsync(id, priority!.Value, PriorityReason!, Version) is { } conflict) return await ChangedElsewhereAsync(conflict);
        TempData["Success"] = $"Priority of {Contact.Reference} changed";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Someone else got there first: nothing of this person's was saved. The page shows the contact as it stands, says
    /// what the other person did, and keeps what this person typed (409).
    /// </summary>
    private async Task<IActionResult> ChangedElsewhereAsync(ContactChangedElsewhere conflict)
    {
        await LoadAsync(conflict.ContactId, recordView: false);
        ChangedElsewhere = ChangedElsewhereText.Describe(conflict, Now);
        return this.PageChangedElsewhere();
    }

    private async Task<bool> LoadAsync(Guid id, bool recordView)
    {
        Now = time.GetUtcNow();
        if (!await contactAccess.CheckAsync(id, "the contact and decision page")) return false;
        // The state first: a change between the two reads then shows as a newer contact than the version posted back.
        if (await decisions.StateAsync(id) is not { } state) return false;
        State = state;
        var contact = await details.ViewAsync(id, recordView);
        if (contact is null) return false;
        Contact = contact;
        UnreadByMe = await openCases.UnreadByAsync(id, User.UserId());
        var histories = new Dictionary<Guid, Core.Chronology.DecisionHistory>();
        foreach (var child in contact.Children) histories[child.PersonId] = await history.ForChildAsync(child.PersonId, id, child.Status);
        Histories = histories;
        if (recordView && contact.Status != ContactStatus.Decided)
        {
            foreach (var shown in histories.Values) await history.RecordShownAsync(shown, "the screening decision");
        }
        return true;
    }

    private void Text(string key, string? value, string message, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value)) ModelState.AddModelError(key, message);
        else if (value is { } v && v.Length > max) ModelState.AddModelError(key, $"{message.Replace("Enter ", "")} must be {max} characters or fewer");
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
