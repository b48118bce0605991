using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.Documents;
using Safeguard.Core.People.Access;
using Safeguard.Core.Records;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Children.Chronology;

/// <summary>
/// A child's chronology (docs/chronology.md): every step of their story read from the typed events, the latest first, on
/// the MOJ Frontend timeline; filtered by kind, dates, source and significance with a plain GET form, and widened to the
/// other children of the household (a family chronology). Workers who record case notes mark entries significant and add
/// significant events the system does not record, from forms in native disclosure widgets, so all of it works without
/// JavaScript. Every view is audited; a restricted child the reader may not see is not found.
/// </summary>
public sealed class IndexModel(ChildChronologies chronologies, SignificantEvents significant, PersonRecords records, SafeguardDbContext db,
    NeedToKnow needToKnow, TimeProvider time) : PageModel
{
    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = "";

    public ChildChronology Chronology { get; private set; } = new([], [], 0);

    /// <summary>The child's identifiers as a printed chronology shows them: name, date of birth, NHS number.</summary>
    public string Identifiers { get; private set; } = "";

    /// <summary>A restricted record's printout says so.</summary>
    public bool Restricted { get; private set; }

    public string PrintedOn => TimeZoneInfo.ConvertTime(time.GetUtcNow(), WorkingDayCalendar.UkTime).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The children whose entries are shown: the child, and in a family chronology the household's other children.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Children { get; private set; } = [];

    public bool CanAnnotate => User.HasClaim(SafeguardClaims.Permission, Permissions.RecordCaseNotes);

    [BindProperty(SupportsGet = true), Display(Name = "What happened", Description = "Leave all unticked to see everything.")]
    public List<string> Kind { get; set; } = [];

    [BindProperty(SupportsGet = true), Display(Name = "From", Description = "For example, 27 3 2025")]
    public GovUkDate From { get; set; } = new();

    [BindProperty(SupportsGet = true), Display(Name = "To", Description = "For example, 27 3 2026")]
    public GovUkDate To { get; set; } = new();

    [BindProperty(SupportsGet = true), Display(Name = "Source")]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignificantOnly { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Family { get; set; }

    /// <summary>The entry being marked significant, and why.</summary>
    [BindProperty]
    public long? EntryId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty, Display(Name = "Date it happened", Description = "For example, 27 3 2026")]
    public GovUkDate HappenedOn { get; set; } = new();

    [BindProperty, Display(Name = "Time (optional)", Description = "For example, 14:30")]
    public string? HappenedTime { get; set; }

    [BindProperty, Display(Name = "What kind of event", Description = "Injuries and missing episodes count towards the pattern alerts")]
    public string? AddedKind { get; set; } = nameof(AddedEventKind.Other);

    [BindProperty, Display(Name = "What happened")]
    public string? What { get; set; }

    [BindProperty, Display(Name = "Where the information came from", Description = "For example, a phone call from the hospital's safeguarding nurse")]
    public string? AddedSource { get; set; }

    /// <summary>Open the form to add an event (it holds what was typed, or something wrong).</summary>
    public bool AddOpen { get; private set; }

    public bool Filtered => Kind.Count > 0 || !From.IsEmpty || !To.IsEmpty || !string.IsNullOrEmpty(Source) || SignificantOnly;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await FindAsync(id) is { } missing) return missing;
        ModelState.Clear();
        await LoadAsync(id);
        return ModelState.IsValid ? Page() : this.PageWithErrors();
    }

    /// <summary>The chronology as the page shows it (the same filters, the family's when chosen) as a PDF to download; the download is audited.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id, [FromServices] ChildDocuments documents, [FromServices] SiteSettings site)
    {
        if (await FindAsync(id) is { } missing) return missing;
        ModelState.Clear();
        var filter = ReadFilter();
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            await LoadAsync(id);
            return this.PageWithErrors();
        }
        var document = await documents.ChronologyAsync(id, await OthersAsync(id), filter, site.CouncilOnDocuments());
        return document is null ? NotFound() : this.Download(document);
    }

    public async Task<IActionResult> OnPostMarkAsync(Guid id)
    {
        if (await FindAsync(id) is { } missing) return missing;
        if (!CanAnnotate) return Forbid();
        ModelState.Clear();
        var result = await significant.MarkAsync(id, EntryId ?? 0, Reason);
        return await AfterAsync(id, result, "Entry marked significant", $"entry-{EntryId}");
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id)
    {
        if (await FindAsync(id) is { } missing) return missing;
        if (!CanAnnotate) return Forbid();
        ModelState.Clear();
        DateTimeOffset? at = null;
        var timeRead = TimeOnly.TryParseExact(HappenedTime?.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var clock);
        if (!string.IsNullOrWhiteSpace(HappenedTime) && !timeRead)
        {
            ModelState.AddModelError(nameof(HappenedTime), "Enter the time as hours and minutes, for example 14:30");
        }
        if (HappenedOn.TryGetDate(out var day)) at = TimeLimits.UkLocal(day, timeRead ? clock : TimeOnly.MinValue);
        else if (!HappenedOn.IsEmpty) ModelState.AddModelError(nameof(HappenedOn), "The date it happened must be a real date");
        var kind = AddedEventKind.Other;
        if (!string.IsNullOrEmpty(AddedKind) && !(Enum.TryParse(AddedKind, out kind) && Enum.IsDefined(kind)))
        {
            ModelState.AddModelError(nameof(AddedKind), "Choose what kind of event it was from the list");
        }
        var input = new SignificantEventInput(at, What, AddedSource, kind);
        if (!ModelState.IsValid)
        {
            // Everything else that is wrong, at once.
            foreach (var (field, message) in SignificantEvents.Check(input, time.GetUtcNow()).Where(e => e.Field != "HappenedOn" || HappenedOn.IsEmpty))
            {
                ModelState.AddModelError(FormField(field), message);
            }
            AddOpen = true;
            await LoadAsync(id);
            return this.PageWithErrors();
        }
        AddOpen = true;
        return await AfterAsync(id, await significant.AddAsync(id, input), "Significant event added", "chronology");
    }

    private async Task<IActionResult> AfterAsync(Guid id, SignificanceResult result, string done, string anchor)
    {
        switch (result.Outcome)
        {
            case SignificanceOutcome.Saved:
                TempData["Success"] = done;
                return Redirect($"/children/{id}/chronology{FilterQuery()}#{anchor}");
            case SignificanceOutcome.NotFound:
                return NotFound();
            case SignificanceOutcome.Invalid:
                foreach (var (field, message) in result.Errors) ModelState.AddModelError(FormField(field), message);
                await LoadAsync(id);
                return this.PageWithErrors();
            default:
                ModelState.AddModelError("", result.Outcome == SignificanceOutcome.AlreadyMarked
                    ? "Someone else marked this entry significant first: their reason is shown on it"
                    : $"Someone else added to {ChildName}\u2019s chronology at the same moment, so this was not saved: look again and save it if it is still needed");
                await LoadAsync(id);
                var page = Page();
                page.StatusCode = StatusCodes.Status409Conflict;
                return page;
        }
    }

    /// <summary>The filters chosen, as a query string (empty when none): forms post with them and come back to them.</summary>
    public string FilterQuery(string? handler = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (handler is not null) pairs.Add(new("handler", handler));
        pairs.AddRange(Kind.Select(k => new KeyValuePair<string, string?>(nameof(Kind), k)));
        foreach (var (name, date) in new[] { (nameof(From), From), (nameof(To), To) })
        {
            if (date.IsEmpty) continue;
            pairs.Add(new($"{name}.Day", date.Day));
            pairs.Add(new($"{name}.Month", date.Month));
            pairs.Add(new($"{name}.Year", date.Year));
        }
        if (!string.IsNullOrEmpty(Source)) pairs.Add(new(nameof(Source), Source));
        if (SignificantOnly) pairs.Add(new(nameof(SignificantOnly), "true"));
        if (Family) pairs.Add(new(nameof(Family), "true"));
        return QueryString.Create(pairs).ToString();
    }

    private static string FormField(string field) => field switch { "What" => nameof(What), "Source" => nameof(AddedSource), _ => field };

    /// <summary>Not found (a child who does not exist or whom the reader may not see), or a merged record's survivor; null when found.</summary>
    private async Task<IActionResult?> FindAsync(Guid id)
    {
        if (!await needToKnow.CheckAsync(id, "the child's chronology")) return NotFound();
        var person = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { Name = p.GivenName + " " + p.FamilyName, p.MergedIntoPersonId, p.DateOfBirth, p.NhsNumber, p.IsRestricted })
            .SingleOrDefaultAsync();
        if (person is null) return NotFound();
        if (person.MergedIntoPersonId is { } survivor) return Redirect($"/children/{survivor}/chronology{Request.QueryString}");
        (ChildId, ChildName, Restricted) = (id, person.Name.Trim(), person.IsRestricted);
        Identifiers = $"{ChildName}, born {(person.DateOfBirth is { } born ? born.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "not known")}, "
            + $"NHS number {(person.NhsNumber is { Length: 10 } n ? $"{n[..3]} {n[3..6]} {n[6..]}" : "not known")}";
        return null;
    }

    /// <summary>The chronology as filtered; a filter value that cannot be read is told to the reader in words, never a default.</summary>
    private async Task LoadAsync(Guid id)
    {
        var filter = ReadFilter();
        Children = [(id, ChildName), .. await OthersAsync(id)];
        Chronology = await chronologies.ForChildrenAsync(Children, filter);
        foreach (var (child, name) in Children) await needToKnow.RecordViewedAsync(child, name);
    }

    /// <summary>The filters chosen, as far as they can be read; what cannot be read is a model error.</summary>
    private ChronologyFilter ReadFilter()
    {
        var kinds = Kind.Select(k => Enum.TryParse<ChronologyKind>(k, out var kind) && Enum.IsDefined(kind) ? kind : (ChronologyKind?)null).ToList();
        if (kinds.Contains(null)) ModelState.AddModelError(nameof(Kind), "Choose what happened from the list");
        var from = Day(From, nameof(From), "The \u2018from\u2019 date must be a real date");
        var to = Day(To, nameof(To), "The \u2018to\u2019 date must be a real date");
        if (from is { } f && to is { } t && t < f) ModelState.AddModelError(nameof(To), "The \u2018to\u2019 date must be the same as or after the \u2018from\u2019 date");
        return new ChronologyFilter(kinds.OfType<ChronologyKind>().ToHashSet(), from, to, Source, SignificantOnly);
    }

    /// <summary>In a family chronology, the household's other children the reader may see; otherwise none.</summary>
    private async Task<IReadOnlyList<(Guid Id, string Name)>> OthersAsync(Guid id) =>
        Family ? (await records.HouseholdChildrenAsync(id)).Select(h => (h.PersonId, h.Name.Trim())).ToList() : [];

    private DateOnly? Day(GovUkDate date, string field, string message)
    {
        if (date.IsEmpty) return null;
        if (date.TryGetDate(out var day)) return day;
        ModelState.AddModelError(field, message);
        return null;
    }
}
