using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.People;

using Safeguard.Core.Records;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.People.Duplicates;

/// <summary>One possible duplicate side by side, with the engine's explanation; merge (choosing the survivor) or "not the same person", each with a reason.</summary>
public sealed class ReviewModel(DuplicateReview review, PersonMerging merging, Core.People.Access.NeedToKnow needToKnow) : PageModel
{
    public DuplicateReviewView View { get; private set; } = default!;

    [BindProperty, Display(Name = "Which record should be kept?", Description = "The other record is merged into it. Its contacts, referrals, addresses and history move with it, and the merge can be undone.")]
    public Guid? SurvivorId { get; set; }

    [BindProperty, Display(Name = "Why are these the same person?")]
    public string? MergeReason { get; set; }

    [BindProperty, Display(Name = "Why are these different people?")]
    public string? NotDuplicateReason { get; set; }

    public bool CanDecide => View.Status == DuplicateStatus.Open && View.First.Person.MergedIntoPersonId is null && View.Second.Person.MergedIntoPersonId is null;

    public List<SelectListItem> SurvivorOptions => [.. new[] { View.First, View.Second }.Select(s => new SelectListItem(
        $"{s.Person.GivenName} {s.Person.FamilyName}" + (s.Person.DateOfBirth is { } d ? $", born {d:d MMMM yyyy}" : "") + $" ({s.Contacts} contacts, {s.Referrals} referrals)",
        s.Person.Id.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var view = await LoadAsync(id, recordView: true);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id)
    {
        var view = await LoadAsync(id, recordView: false);
        if (view is null) return NotFound();
        View = view;
        ModelState.Clear();
        var ids = new[] { view.First.Person.Id, view.Second.Person.Id };
        if (SurvivorId is not { } survivor || !ids.Contains(survivor)) ModelState.AddModelError(nameof(SurvivorId), "Select the record to keep");
        if (string.IsNullOrWhiteSpace(MergeReason)) ModelState.AddModelError(nameof(MergeReason), "Enter why these records are the same person");
        else if (MergeReason.Length > 2000) ModelState.AddModelError(nameof(MergeReason), "Reason must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return this.PageWithErrors();
        var merged = ids.Single(x => x != SurvivorId);
        try
        {
            await merging.MergeAsync(SurvivorId!.Value, merged, MergeReason!, id);
        }
        catch (PersonIndexException ex)
        {
            ModelState.AddModelError(nameof(SurvivorId), ex.Message);
            return this.PageWithErrors();
        }
        TempData["Success"] = "The records have been merged";
        return Redirect($"/children/{SurvivorId}");
    }

    public async Task<IActionResult> OnPostNotDuplicateAsync(Guid id)
    {
        var view = await LoadAsync(id, recordView: false);
        if (view is null) return NotFound();
        View = view;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(NotDuplicateReason)) ModelState.AddModelError(nameof(NotDuplicateReason), "Enter why these are not the same person");
        else if (NotDuplicateReason.Length > 2000) ModelState.AddModelError(nameof(NotDuplicateReason), "Reason must be 2,000 characters or fewer");
        if (!ModelState.IsValid) return this.PageWithErrors();
        try
        {
            await review.NotDuplicateAsync(id, NotDuplicateReason!);
        }
        catch (PersonIndexException ex)
        {
            ModelState.AddModelError(nameof(NotDuplicateReason), ex.Message);
            return this.PageWithErrors();
        }
        return RedirectToPage("/People/Duplicates/Index");
    }

    /// <summary>The pair, when the user may see both people (a refusal is recorded and answered as "not found").</summary>
    private async Task<DuplicateReviewView?> LoadAsync(Guid id, bool recordView)
    {
        var view = await review.ViewAsync(id);
        if (view is null) return null;
        Guid[] people = [view.First.Person.Id, view.Second.Person.Id];
        if (!await needToKnow.CheckAllAsync(people, "duplicate review", nameof(DuplicateCandidate), id)) return null;
        if (recordView) await needToKnow.RecordListedAsync("duplicate review", people);
        return view;
    }
}
