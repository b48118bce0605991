using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Records;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Children.Census;

/// <summary>
/// A child's census details: the UPN or why there is none, a former UPN, ethnicity, disabilities, a date of death, and each
/// referral's primary need. Where the returns page sends a worker to fix a census failure. Audited; restricted: 404; a
/// record changed by someone else meanwhile is not overwritten.
/// </summary>
public sealed class IndexModel(CensusDetails census, SafeguardDbContext db, ChangesSince changes, Core.People.Access.NeedToKnow needToKnow,
    TimeProvider time)
    : PersonEditPage(db, changes, needToKnow, "the census details page")
{
    public CensusDetailsView Details { get; private set; } = default!;

    [BindProperty, Display(Name = "UPN (unique pupil number)", Description = "13 characters, for example A123456789012. Leave blank if not known.")]
    public string? Upn { get; set; }

    [BindProperty, Display(Name = "Why is the UPN not known?", Description = "Only if there is no UPN.")]
    public string? UpnUnknownReason { get; set; }

    [BindProperty, Display(Name = "Former UPN (optional)")]
    public string? FormerUpn { get; set; }

    [BindProperty, Display(Name = "Ethnicity")]
    public string? Ethnicity { get; set; }

    [BindProperty, Display(Name = "Disabilities", Description = "Select all that apply, or None.")]
    public List<string> Disabilities { get; set; } = [];

    [BindProperty, Display(Name = "Date of death (only if the child has died)", Description = "For example, 27 3 2026")]
    public GovUkDate DateOfDeath { get; set; } = new();

    /// <summary>Each referral's primary need, by referral id.</summary>
    [BindProperty]
    public Dictionary<Guid, string?> PrimaryNeeds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id, freshForm: true) || await census.FindAsync(id) is not { } details) return NotFound();
        Details = details;
        await RecordViewedAsync(id, details.ChildName);
        (Upn, FormerUpn, UpnUnknownReason, Ethnicity) = (details.Upn, details.FormerUpn, details.UpnUnknownReason, details.Ethnicity);
        Disabilities = [.. details.Disabilities];
        if (details.DateOfDeath is { } died) DateOfDeath = GovUkDate.From(died);
        PrimaryNeeds = details.Referrals.ToDictionary(r => r.Id, r => r.PrimaryNeedCode);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id, freshForm: false) || await census.FindAsync(id) is not { } details) return NotFound();
        Details = details;
        ModelState.Clear();
        DateOnly? died = null;
        if (DateOfDeath.TryGetDate(out var day)) died = day;
        else if (!DateOfDeath.IsEmpty) ModelState.AddModelError(nameof(DateOfDeath), "The date of death must be a real date");
        var known = details.Referrals.Select(r => r.Id).ToHashSet();
        var input = new CensusDetailsInput(Upn, FormerUpn, UpnUnknownReason, Ethnicity, Disabilities,
            died, PrimaryNeeds.Where(p => known.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value));
        var errors = CensusDetails.Check(input, details.DateOfBirth, Core.Timescales.TimeLimits.UkDay(time.GetUtcNow()));
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return this.PageWithErrors();

        var (outcome, _) = await census.SaveAsync(id, Version, input);
        if (outcome != EditOutcome.Saved) return await ChangedElsewhereAsync(id);
        TempData["Success"] = $"Census details of {details.ChildName} saved";
        return Redirect($"/children/{id}");
    }
}
