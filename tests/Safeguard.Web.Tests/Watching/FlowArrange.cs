using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Oversight;
using Safeguard.Core.Oversight.Flow;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Watching;

/// <summary>A flow alert as the watch leaves one: the last working day's check of a stage and an alert about it, on the front door team.</summary>
public static class FlowArrange
{
    public static async Task<Guid> RaiseAsync(SafeguardAppFactory app, FlowStage stage = FlowStage.AssessmentsStarted)
    {
        await using var db = app.CreateDbContext();
        var team = await db.Teams.Where(t => t.Name == DemoAccounts.FrontDoorTeam).Select(t => t.Id).SingleAsync();
        var now = app.Time.GetUtcNow();
        var day = WorkingDayCalendar.Default().AddWorkingDays(TimeLimits.UkDay(now), -1);
        // The app's own watch may have checked that day already: its check is reused.
        var check = await db.FlowChecks.SingleOrDefaultAsync(c => c.Key == FlowCheck.KeyOf(day, stage, null));
        if (check is null)
        {
            check = new FlowCheck(stage, null, new FlowDay(day, 1, 10, 10, false, FlowStatus.Dropped), now);
            db.FlowChecks.Add(check);
        }
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Kind == AlertKind.FlowDropped && a.SubjectId == check.Id);
        if (alert is null)
        {
            alert = new Alert(AlertKind.FlowDropped, check.Id, team, $"{stage.Words()} fell to 1 on {day:d MMMM yyyy}, against a usual 10.", now);
            db.Alerts.Add(alert);
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The app's watch checked the day between the look and the save: look again.
            return await RaiseAsync(app, stage);
        }
        return alert.Id;
    }
}
