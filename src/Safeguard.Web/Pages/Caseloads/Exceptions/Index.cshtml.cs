using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Allocation;
using Safeguard.Core.People.Access;
using Safeguard.Core.Timescales;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Caseloads.Exceptions;

/// <summary>
/// Allocations outside the rules: the competence overrides and the allocations beyond capacity in a period (by default
/// the last three months), for one team or all, newest first, each with its reason. Also as a CSV file of the same rows.
/// </summary>
public sealed class IndexModel(AllocationExceptions exceptions, Core.Allocation.Caseloads caseloads, NeedToKnow needToKnow, TimeProvider time)
    : PageModel
{
    /// <summary>Where the people listed were seen, for the audit trail.</summary>
    public const string Where = "the allocations outside the rules page";

    [BindProperty(SupportsGet = true), Display(Name = "From", Description = "For example, 1 9 2026")]
    public GovUkDate From { get; set; } = new();

    [BindProperty(SupportsGet = true), Display(Name = "To")]
    public GovUkDate To { get; set; } = new();

    /// <summary>A team's id as typed in the address (kept as text so a bad one is shown back, not lost).</summary>
    [BindProperty(SupportsGet = true), Display(Name = "Team")]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];

    public ExceptionsPeriod? Period { get; private set; }

    public string? TeamName { get; private set; }

    public AllocationExceptionsPage? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var teams = await caseloads.TeamsAsync();
        TeamItems = [new SelectListItem("All teams", ""), .. teams.Select(t => new SelectListItem(t.Retired ? $"{t.Name} (retired)" : t.Name, t.Id.ToString()))];
        // A mangled page number in a pasted link is not the user's mistake: show the first page.
        if (ModelState.Remove(nameof(PageNumber))) PageNumber = 1;

        var fallback = ExceptionsPeriod.Default(TimeLimits.UkDay(time.GetUtcNow()));
        var from = TypedFields.PeriodEnd(ModelState, From, nameof(From), fallback.From);
        var to = TypedFields.PeriodEnd(ModelState, To, nameof(To), fallback.To);
        if (from is { } f && to is { } t)
        {
            if (t < f) ModelState.AddModelError($"{nameof(To)}.Day", "The 'to' date must be the same as or after the 'from' date");
            else if (ExceptionsPeriod.IsTooLong(f, t))
                ModelState.AddModelError($"{nameof(From)}.Day", $"The period must be {ExceptionsPeriod.MaxYears} years or shorter");
        }
        Guid? teamId = null;
        if (!string.IsNullOrWhiteSpace(Team))
        {
            var chosen = teams.FirstOrDefault(x => Guid.TryParse(Team.Trim(), out var id) && x.Id == id);
            if (chosen is null) ModelState.AddModelError(nameof(Team), "Select a team from the list");
            else (teamId, TeamName) = (chosen.Id, chosen.Name);
        }
        if (!ModelState.IsValid) return this.PageWithErrors();

        Period = new ExceptionsPeriod(from!.Value, to!.Value);
        // Show the period used in the boxes left empty, so the form says what the list covers.
        if (From.IsEmpty) From = GovUkDate.From(Period.From);
        if (To.IsEmpty) To = GovUkDate.From(Period.To);
        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase)) return await CsvAsync(Period, teamId);
        Results = await exceptions.ListAsync(Period, teamId, Math.Max(1, PageNumber));
        await needToKnow.RecordListedAsync(Where, Results.Shown.Select(r => r.PersonId).ToList());
        return Page();
    }

    /// <summary>Every row of the period (restricted children left out, as on the page), as one file; its children audited as listed.</summary>
    private async Task<IActionResult> CsvAsync(ExceptionsPeriod period, Guid? teamId)
    {
        var rows = new List<AllocationException>();
        for (var page = 1; ; page++)
        {
            var found = await exceptions.ListAsync(period, teamId, page, ExceptionsCsv.PageSize);
            rows.AddRange(found.Shown);
            if (!found.HasMore || found.Shown.Count == 0) break;
        }
        await needToKnow.RecordListedAsync(Where, rows.Select(r => r.PersonId).ToList());
        return File(ExceptionsCsv.Write(rows), "text/csv; charset=utf-8",
            $"allocations-outside-the-rules-{period.From:yyyy-MM-dd}-to-{period.To:yyyy-MM-dd}.csv");
    }

    /// <summary>This address with another page number (or format), keeping the filter.</summary>
    public string LinkWith(string key, string value)
    {
        var query = Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        query[key] = value;
        return "?" + string.Join("&", query.Where(q => q.Value.Length > 0)
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
    }

    public string PageLink(int page) => LinkWith("pageNumber", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
