using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.AnnexA;
using Safeguard.Core.Timescales;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Returns.AnnexA;

/// <summary>
/// Ofsted's Annex A lists 1 to 7 for a period, asked for by the performance analyst and managers (<c>reports.view</c>)
/// and written in the background (<see cref="ExportModel"/> shows the progress and the download). Like the CIN census
/// download it is the council's return, so it holds every child in the period, restricted or not; each export and each
/// download is audited (<see cref="AnnexAExported"/>, <see cref="AnnexADownloaded"/>).
/// </summary>
public sealed class IndexModel(AnnexAJobs jobs, AnnexAJobSignal signal, TimeProvider time) : PageModel
{
    [BindProperty]
    [Display(Name = "From", Description = "The period's first day, for example 1 4 2025")]
    public GovUkDate From { get; set; } = new();

    [BindProperty]
    [Display(Name = "To", Description = "The period's last day, for example 31 3 2026")]
    public GovUkDate To { get; set; } = new();

    public IReadOnlyList<AnnexAList> Lists => AnnexALists.All;

    /// <summary>By default the 12 months to yesterday, Ofsted's usual period.</summary>
    public void OnGet()
    {
        var yesterday = TimeLimits.UkDay(time.GetUtcNow()).AddDays(-1);
        From = GovUkDate.From(yesterday.AddYears(-1).AddDays(1));
        To = GovUkDate.From(yesterday);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var start = Day(From, nameof(From), "the first day");
        var end = Day(To, nameof(To), "the last day");
        if (start is { } s && end is { } e && s > e) ModelState.AddModelError(nameof(To), "The last day must be the same as or after the first day");
        if (!ModelState.IsValid) return this.PageWithErrors();

        // A large council's lists take tens of seconds: they are written in the background, and the page they lead to
        // shows how far the export has got.
        var id = await jobs.StartAsync(new ReturnPeriod(start!.Value, end!.Value), HttpContext.RequestAborted);
        signal.Wake();
        return Redirect($"/returns/annex-a/{id}");
    }

    private DateOnly? Day(GovUkDate typed, string field, string which)
    {
        if (typed.TryGetDate(out var day)) return day;
        ModelState.AddModelError(field, typed.IsEmpty ? $"Enter {which} of the period" : $"{char.ToUpperInvariant(which[0])}{which[1..]} of the period must be a real date");
        return null;
    }
}
