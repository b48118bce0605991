using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Access;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Children.Family;

/// <summary>
/// End one of the child's relationships on the day it ended (a carer moved out, a household member left), with why. It is
/// then in the child's chronology; the relative stays on the record as an ended relationship.
/// </summary>
public sealed class EndModel(PersonFamilyRecords family, SafeguardDbContext db, ChangesSince changes, NeedToKnow needToKnow)
    : PersonEditPage(db, changes, needToKnow, "ending a relationship")
{
    /// <summary>Which of the relationships with the relative is ending (a relative can be both parent and carer).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty, Display(Name = "Date it ended", Description = "For example, 27 2 2026")]
    public GovUkDate EndedOn { get; set; } = new();

    [BindProperty, Display(Name = "Why did it end? (optional)", Description = "For example, moved out to live with their partner.")]
    public string? Reason { get; set; }

    /// <summary>The relationship to end; null once someone else has ended it.</summary>
    public CurrentRelationship? Relationship { get; private set; }

    /// <summary>The relative as this reader may see them: a restricted relative is not named.</summary>
    public string RelativeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid relatedId)
    {
        if (!await LoadAsync(id, freshForm: true) || ChosenKind is not { } kind || !await LoadRelationshipAsync(id, relatedId, kind)) return NotFound();
        await RecordViewedAsync(id, PersonName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid relatedId)
    {
        if (!await LoadAsync(id, freshForm: false) || ChosenKind is not { } kind) return NotFound();
        await LoadRelationshipAsync(id, relatedId, kind);
        ModelState.Clear();
        var ended = TypedFields.Date(ModelState, nameof(EndedOn), "The date it ended", EndedOn);
        var result = await family.EndRelationshipAsync(id, relatedId, kind, new RelationshipEndInput(ended, Reason), Version);
        switch (result.Outcome)
        {
            case HouseholdOutcome.NotFound:
                return NotFound();
            case HouseholdOutcome.ChangedElsewhere:
                // Someone else may have ended it meanwhile: the page then says so instead of offering the form.
                Relationship = null;
                await LoadRelationshipAsync(id, relatedId, kind);
                return await ChangedElsewhereAsync(id);
            case HouseholdOutcome.Invalid:
                TypedFields.AddErrors(ModelState, result.Errors);
                return this.PageWithErrors();
        }
        TempData["Success"] = $"{RelativeName} is no longer recorded as {HouseholdWords.AKind(kind)}";
        return Redirect($"/children/{id}#family");
    }

    private RelationshipKind? ChosenKind =>
        Enum.TryParse<RelationshipKind>(Kind, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Kind, out _) ? kind : null;

    private async Task<bool> LoadRelationshipAsync(Guid id, Guid relatedId, RelationshipKind kind)
    {
        if (await family.CurrentRelationshipAsync(id, relatedId, kind) is not { } relationship) return false;
        Relationship = relationship;
        RelativeName = await NameAsSeenAsync(relatedId, relationship.RelatedName);
        return true;
    }
}
