using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.Validation;
using Safeguard.Core.Timescales;

namespace Safeguard.Web.Pages.Returns.CinCensus;

/// <summary>
/// The Children in Need census for a year, for the performance analyst and managers (<c>reports.view</c>): the download
/// of the XML, and the validation report, each failure with DfE's rule code and message, linked to the child's record
/// where it can be fixed (a record restricted from the reader is named as such, without a link; a failure of the return
/// as a whole, such as too few disability codes, names no child). Downloads are audited.
/// </summary>
public sealed class IndexModel(CinCensusExport export, CinCensusValidation validation, NeedToKnow needToKnow, SafeguardDbContext db, TimeProvider time)
    : PageModel
{
    public CensusYear Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<CensusFailure> Failures { get; private set; } = [];

    public IReadOnlySet<Guid> Hidden { get; private set; } = new HashSet<Guid>();

    public int Errors => Failures.Count(f => f.Severity == RuleSeverity.Error);

    public int Queries => Failures.Count(f => f.Severity == RuleSeverity.Query);

    public int RulesChecked => CensusRules.All.Count;

    public async Task<IActionResult> OnGetAsync(int? year)
    {
        if (!Choose(year)) return NotFound();
        Failures = (await validation.CheckAsync(Year, HttpContext.RequestAborted)).OrderBy(f => f.Severity).ThenBy(f => f.Code).ThenBy(f => f.LaChildId).ToList();
        Hidden = await needToKnow.HiddenAmongAsync(Failures.Select(f => f.PersonId));
        await needToKnow.RecordListedAsync("the CIN census validation report",
            Failures.Select(f => f.PersonId).OfType<Guid>().Where(id => !Hidden.Contains(id)).Distinct().ToList());
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int? year)
    {
        if (!Choose(year)) return NotFound();
        db.Record(new CensusDownloaded(Year.EndingIn));
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        // The writer writes synchronously, which a response body refuses; a temporary file also keeps a big council's
        // census out of memory. It is deleted when the response has been sent.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await export.WriteAsync(Year, file, ct: HttpContext.RequestAborted);
        file.Position = 0;
        return File(file, "application/xml", $"cin-census-{Year.EndingIn}.xml");
    }

    /// <summary>
    /// The census year asked for: by default the latest whose 31 March has passed; the year in progress and the four
    /// before the latest may be chosen.
    /// </summary>
    private bool Choose(int? year)
    {
        var today = TimeLimits.UkDay(time.GetUtcNow());
        var latest = today > new DateOnly(today.Year, 3, 31) ? today.Year : today.Year - 1;
        Years = Enumerable.Range(0, 6).Select(i => latest + 1 - i).ToList();
        var chosen = year ?? latest;
        if (!Years.Contains(chosen)) return false;
        Year = new CensusYear(chosen);
        return true;
    }
}
