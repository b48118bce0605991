using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.Oversight.Flow;
using Safeguard.Web.Charts;

namespace Safeguard.Web.Pages.Oversight.Flow;

/// <summary>One flow alert: what fell, in words, and its stage's daily counts over the 8 weeks to that day against the usual level.</summary>
public sealed class AlertModel(FlowWatch watch, SafeguardDbContext db) : PageModel
{
    public Alert Alert { get; private set; } = default!;

    public FlowCheck Check { get; private set; } = default!;

    public string StageName { get; private set; } = "";

    public Chart Chart { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && FlowWatch.AlertKinds.Contains(a.Kind), ct);
        var check = alert is null ? null : await db.FlowChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == alert.SubjectId, ct);
        if (alert is null || check is null) return NotFound();
        Alert = alert;
        Check = check;
        var organisation = check.OrganisationId is { } org
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync(ct)
            : null;
        StageName = organisation is null ? check.Stage.Words() : $"{check.Stage.Words()} from {organisation}";
        var series = await watch.SeriesAsync(check.Stage, check.OrganisationId, check.Day, ct: ct);
        Chart = FlowCharts.For("flow-alert", $"{StageName}: each working day over the 8 weeks to {FlowCharts.Label(check.Day)}", series);
        return Page();
    }
}
