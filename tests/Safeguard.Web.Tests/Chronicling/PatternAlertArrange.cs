using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Chronology;
using Safeguard.Core.Chronology.Patterns;
using Safeguard.Core.Security;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Chronicling;

/// <summary>Makes a pattern alert about a demo child the way it happens: events a worker adds, then the pattern sweep.</summary>
public static class PatternAlertArrange
{
    /// <summary>
    /// Adds <paramref name="count"/> events of <paramref name="kind"/> to the child's chronology (a missing episode on a
    /// plan, or two injuries, makes an alert), runs the sweep, and answers the child's open alert of <paramref name="rule"/>.
    /// </summary>
    public static async Task<Guid> RaiseAsync(SafeguardAppFactory app, Guid child, AddedEventKind kind, int count, PatternRule rule)
    {
        await using (var db = app.Database.CreateContext(app.Time, new Actor(Guid.NewGuid(), "Hannah Wright")))
        {
            for (var i = 0; i < count; i++)
            {
                var added = await new SignificantEvents(db).AddAsync(child,
                    new SignificantEventInput(app.Time.GetUtcNow().AddDays(-10 * i - 1), $"Reported by phone ({i + 1})", "Phone call from the GP", kind));
                added.ShouldBe(SignificanceResult.Saved);
            }
        }
        await using (var db = app.CreateDbContext())
        {
            var settings = Options.Create(new PatternAlertSettings());
            var alerts = new Core.Chronology.Patterns.PatternAlerts(db,
                new Core.Work.WorkItems(db, new Core.Work.WorkClocks(Core.Timescales.WorkingDayCalendar.Default())), settings);
            await new PatternSweep(db, alerts, settings).CatchUpAsync();
        }
        await using var read = app.CreateDbContext();
        return await read.PatternAlerts.Where(a => a.PersonId == child && a.Rule == rule && a.AcknowledgedAt == null).Select(a => a.Id).SingleAsync();
    }
}
