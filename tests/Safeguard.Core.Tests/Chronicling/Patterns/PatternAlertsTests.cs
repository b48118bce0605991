using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Chronology;
using Safeguard.Core.Chronology.Patterns;
using Safeguard.Core.Oversight;
using Safeguard.Core.Security;
using Safeguard.Core.Tests.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Tests.Chronicling.Patterns;

/// <summary>
/// The pattern sweep on the demo council: who the alert is work for, who may acknowledge it and what that needs, and that
/// nothing is raised twice. The rules' thresholds are tested on their own (<see cref="PatternRuleTests"/>).
/// </summary>
public sealed class PatternAlertsTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    private static readonly Actor Recorder = new(Guid.NewGuid(), "Hannah Wright");

    private Core.Data.SafeguardDbContext Context(Actor? actor = null) => demo.Database.CreateContext(demo.Time, actor ?? Recorder);

    private static PatternAlerts Alerts(Core.Data.SafeguardDbContext db) =>
        new(db, new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default())), Options.Create(new PatternAlertSettings()));

    private async Task<int> SweepAsync()
    {
        await using var db = Context();
        return await new PatternSweep(db, Alerts(db), Options.Create(new PatternAlertSettings())).RunAsync();
    }

    private async Task<Guid> ChildAsync(string given, string family)
    {
        await using var db = Context();
        return await db.People.Where(p => p.GivenName == given && p.FamilyName == family).Select(p => p.Id).SingleAsync();
    }

    private async Task<Guid> UserAsync(string name)
    {
        await using var db = Context();
        return await db.Users.Where(u => u.Email == $"{name}@northbridge.example").Select(u => u.Id).SingleAsync();
    }

    private async Task AddAsync(Guid child, AddedEventKind kind, int daysAgo, string what)
    {
        await using var db = Context();
        var result = await new SignificantEvents(db).AddAsync(child,
            new SignificantEventInput(demo.Time.GetUtcNow().AddDays(-daysAgo), what, "Phone call from the GP", kind));
        result.ShouldBe(SignificanceResult.Saved);
    }

    private async Task<List<PatternAlert>> AlertsAboutAsync(Guid child)
    {
        await using var db = Context();
        return await db.PatternAlerts.AsNoTracking().Where(a => a.PersonId == child).OrderBy(a => a.RaisedAt).ToListAsync();
    }

    [Fact]
    public async Task TheSweep_FindsTheBruisedBaby_AndMakesItWorkForTheFrontDoorTeam_AndAnAlertForItsManagers()
    {
        var noah = await ChildAsync("Noah", "Fletcher");

        await SweepAsync();

        var alert = (await AlertsAboutAsync(noah)).ShouldHaveSingleItem();
        alert.Rule.ShouldBe(PatternRule.InfantInjury);
        alert.Details.ShouldContain("An injury to a child under one");
        await using var db = Context();
        var frontDoor = await db.Teams.Where(t => t.Kind == Core.Workforce.TeamKind.FrontDoor).Select(t => t.Id).FirstAsync();
        var item = await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.PatternAlert && w.SubjectId == alert.Id);
        (item.OwnerTeamId, item.OwnerUserId, item.PersonId, item.IsOpen).ShouldBe((frontDoor, (Guid?)null, (Guid?)noah, true));
        item.Title.ShouldBe("Injury to a baby under one: Noah Fletcher");
        var managers = await ManagerAlerts.Open(db).SingleAsync(a => a.SubjectId == alert.Id);
        (managers.Kind, managers.TeamId).ShouldBe((AlertKind.PatternFound, frontDoor));
        var status = await new ChildStatuses(db, new ChildAlerts(db)).ForChildAsync(noah);
        status.Alerts.ShouldContain(a => a.Message.Contains("Injury to a baby under one"));
        (await db.Events.CountAsync(e => e.PersonId == noah && e.Type == PatternAlertRaised.Name)).ShouldBe(1);

        await SweepAsync();
        (await AlertsAboutAsync(noah)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ASecondInjuryAddedToAnAllocatedChild_IsWorkForTheirWorker_WhoAcknowledgesItWithANote()
    {
        var maya = await ChildAsync("Maya", "Green");
        var grace = await UserAsync("grace.lee");
        var chloe = await UserAsync("chloe.adams");
        var sam = await UserAsync("sam.okafor");
        await AddAsync(maya, AddedEventKind.Injury, 40, "Attended A&E with a burn to her hand");
        await AddAsync(maya, AddedEventKind.Injury, 2, "Bruise on her arm seen at school");

        await SweepAsync();

        var alert = (await AlertsAboutAsync(maya)).Where(a => a.Rule == PatternRule.RepeatInjury).ShouldHaveSingleItem();
        await using (var db = Context())
        {
            var item = await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.PatternAlert && w.SubjectId == alert.Id);
            item.OwnerUserId.ShouldBe(grace);
            var alerts = Alerts(db);
            (await alerts.MayAcknowledgeAsync(alert.Id, grace)).ShouldBeTrue();
            (await alerts.MayAcknowledgeAsync(alert.Id, chloe)).ShouldBeTrue();
            (await alerts.MayAcknowledgeAsync(alert.Id, sam)).ShouldBeFalse();
            (await alerts.AcknowledgeAsync(alert.Id, sam, "Not mine", alert.Version)).Outcome.ShouldBe(AcknowledgeOutcome.NotYours);
            var blank = await alerts.AcknowledgeAsync(alert.Id, grace, "  ", alert.Version);
            blank.Outcome.ShouldBe(AcknowledgeOutcome.Invalid);
            blank.Errors.ShouldBe([("Note", "Enter what was done about this alert")]);
        }

        await using (var db = Context(new Actor(grace, "Grace Lee")))
        {
            (await Alerts(db).AcknowledgeAsync(alert.Id, grace, "Spoke to the school nurse and mother; body map done; discussed with Chloe.", alert.Version))
                .Outcome.ShouldBe(AcknowledgeOutcome.Acknowledged);
        }

        await using (var db = Context())
        {
            var line = (await Alerts(db).ForChildAsync(maya)).Single(l => l.Id == alert.Id);
            (line.IsOpen, line.AcknowledgedByName, line.OwnerName).ShouldBe((false, "Grace Lee", "Grace Lee"));
            line.Note.ShouldStartWith("Spoke to the school nurse");
            (await db.WorkItems.SingleAsync(w => w.SubjectId == alert.Id)).IsOpen.ShouldBeFalse();
            (await ManagerAlerts.Open(db).AnyAsync(a => a.SubjectId == alert.Id)).ShouldBeFalse();
            (await db.Alerts.SingleAsync(a => a.SubjectId == alert.Id)).AcknowledgedByUserId.ShouldBe(grace);
            (await Alerts(db).AcknowledgeAsync(alert.Id, grace, "Again", line.Version)).Outcome.ShouldBe(AcknowledgeOutcome.AlreadyAcknowledged);
        }

        // Nothing new: no second alert. A third injury after the acknowledgement: a new one.
        await SweepAsync();
        (await AlertsAboutAsync(maya)).Count(a => a.Rule == PatternRule.RepeatInjury).ShouldBe(1);
        demo.Time.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(maya, AddedEventKind.Injury, 0, "Mark on her cheek seen at a visit");
        await SweepAsync();
        (await AlertsAboutAsync(maya)).Count(a => a.Rule == PatternRule.RepeatInjury && a.IsOpen).ShouldBe(1);
    }

    [Fact]
    public async Task TwoPeopleAcknowledgingAtOnce_OneIsSaved_TheOtherIsTold()
    {
        var ruby = await ChildAsync("Ruby", "Ahmed");
        var chloe = await UserAsync("chloe.adams");
        var michael = await UserAsync("michael.obrien");
        await AddAsync(ruby, AddedEventKind.MissingEpisode, 1, "Reported missing overnight by her mother; found at a friend's");

        await SweepAsync();

        var alert = (await AlertsAboutAsync(ruby)).Where(a => a.Rule == PatternRule.MissingOnPlan).ShouldHaveSingleItem();
        alert.Details.ShouldContain("child protection plan");
        await using var first = Context(new Actor(michael, "Michael O'Brien"));
        await using var second = Context(new Actor(chloe, "Chloe Adams"));
        var results = await Task.WhenAll(
            Alerts(first).AcknowledgeAsync(alert.Id, michael, "Return home interview booked", alert.Version),
            Alerts(second).AcknowledgeAsync(alert.Id, chloe, "Strategy discussion considered", alert.Version));

        results.Count(r => r.Outcome == AcknowledgeOutcome.Acknowledged).ShouldBe(1);
        results.Count(r => r.Outcome is AcknowledgeOutcome.ChangedElsewhere or AcknowledgeOutcome.AlreadyAcknowledged).ShouldBe(1);
        await using var read = Context();
        (await read.Events.CountAsync(e => e.SubjectId == alert.Id && e.Type == PatternAlertAcknowledged.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task AnAcknowledgementFromAnOldPage_IsRefused_AndTheSweepKeepsItsPlace()
    {
        var harvey = await ChildAsync("Harvey", "Collins");
        await AddAsync(harvey, AddedEventKind.MissingEpisode, 0, "Taken by his father without agreement; returned next day");
        await SweepAsync();
        var alert = (await AlertsAboutAsync(harvey)).Where(a => a.Rule == PatternRule.MissingOnPlan).ShouldHaveSingleItem();
        var manager = await UserAsync("chloe.adams");

        await using (var db = Context())
        {
            (await Alerts(db).AcknowledgeAsync(alert.Id, manager, "Seen", alert.Version + 1)).Outcome.ShouldBe(AcknowledgeOutcome.ChangedElsewhere);
        }
        (await SweepAsync()).ShouldBe(0);
        await using var read = Context();
        (await read.PatternSweepMarks.SingleAsync()).LastEventId.ShouldBe(await read.Events.MaxAsync(e => e.Id));
    }
}
