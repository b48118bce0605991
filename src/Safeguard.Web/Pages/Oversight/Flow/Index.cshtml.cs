using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Oversight;
using Safeguard.Core.Oversight.Flow;
using Safeguard.Web.Charts;

namespace Safeguard.Web.Pages.Oversight.Flow;

/// <summary>
/// The flow of work: every watched stage with today's count, its usual level, how its last checked day was judged and
/// its last 8 weeks as a chart; and the flow alerts still open.
/// </summary>
public sealed class IndexModel(FlowWatch watch, SafeguardDbContext db) : PageModel
{
    public sealed record StageRow(FlowStage Stage, DateOnly Day, int Count, double? Usual, FlowStatus? Status, DateOnly? CheckedDay, Chart Chart);

    public IReadOnlyList<StageRow> Stages { get; private set; } = [];

    public IReadOnlyList<Alert> OpenAlerts { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (today, lastDue) = watch.Clock();
        Today = today;
        var checks = await db.FlowChecks.AsNoTracking()
            .Where(c => c.OrganisationId == null && c.Day == lastDue)
            .ToDictionaryAsync(c => c.Stage, ct);
        var rows = new List<StageRow>();
        foreach (var stage in FlowStages.Watched)
        {
            var series = await watch.SeriesAsync(stage, null, today, ct: ct);
            var latest = series.Count > 0 ? series[^1] : null;
            var check = checks.GetValueOrDefault(stage);
            rows.Add(new StageRow(stage, latest?.Day ?? today, latest?.Count ?? 0, latest?.Expected, check?.Status, check?.Day,
                FlowCharts.For($"flow-{stage}", $"{stage.Words()}: each working day over the last 8 weeks", series)));
        }
        Stages = rows;
        OpenAlerts = await ManagerAlerts.Open(db).Where(a => FlowWatch.AlertKinds.Contains(a.Kind))
            .OrderByDescending(a => a.RaisedAt).Take(50).ToListAsync(ct);
    }
}
