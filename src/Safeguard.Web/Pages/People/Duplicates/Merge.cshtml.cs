using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.People;

using Safeguard.Core.Records;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.People.Duplicates;

/// <summary>A merge: what moved, who and why; and the unmerge that restores exactly what moved.</summary>
public sealed class MergeModel(DuplicateReview review, PersonMerging merging, Core.People.Access.NeedToKnow needToKnow) : PageModel
{
    public MergeView View { get; private set; } = default!;

    [BindProperty, Display(Name = "Why is the merge being undone?")]
    public string? UnmergeReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var view = await LoadAsync(id, recordView: true);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostUnmergeAsync(Guid id)
    {
        var view = await LoadAsync(id, recordView: false);
        if (view is null) return NotFound();
        View = view;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(UnmergeReason)) ModelState.AddModelError(nameof(UnmergeReason), "Enter why the merge is being undone");
        else if (UnmergeReason.Length > 2000) ModelState.AddModelError(nameof(UnmergeReason), "Reason must be 2,000 characters or fewer");
        if (ModelState.IsValid)
        {
            try
            {
                await merging.UnmergeAsync(id, UnmergeReason!);
                return Redirect($"/children/{view.MergedId}");
            }
            catch (PersonIndexException ex)
            {
                ModelState.AddModelError(nameof(UnmergeReason), ex.Message);
            }
        }
        return this.PageWithErrors();
    }

    /// <summary>The merge, when the user may see both people (a refusal is recorded and answered as "not found").</summary>
    private async Task<MergeView?> LoadAsync(Guid id, bool recordView)
    {
        var view = await review.MergeAsync(id);
        if (view is null) return null;
        Guid[] people = [view.SurvivorId, view.MergedId];
        if (!await needToKnow.CheckAllAsync(people, "a merge of records", nameof(PersonMerge), id)) return null;
        if (recordView) await needToKnow.RecordListedAsync("a merge of records", people);
        return view;
    }
}
