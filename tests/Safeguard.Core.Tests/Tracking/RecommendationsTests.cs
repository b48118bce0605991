using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Core.Oversight;
using Safeguard.Core.People.Access;
using Safeguard.Core.Recommendations;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using static Safeguard.Core.Tests.Tracking.RecommendationTestData;

namespace Safeguard.Core.Tests.Tracking;

public sealed class RecommendationsTests : MailTestBase
{
    // The test clock starts Wednesday 4 March 2026, 10:00 UTC.
    private static readonly DateOnly Friday = new(2026, 3, 6);

    private async Task<TrackerStaff> StaffAsync()
    {
        await using var db = Db();
        return await CreateAsync(db);
    }

    private OverdueSweep Sweep(SafeguardDbContext db) => new(db, Options, new SmtpNotifier(Options.Smtp));

    [Fact]
    public void OverdueRule_PastTheDueTimeAndNotCompleted_IsOverdue_WhateverTheStoredStatus()
    {
        var due = new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.Zero);
        RecommendationOverdueRule.Shown(RecommendationStatus.OnTrack, due, due.AddMinutes(1)).ShouldBe(ShownStatus.Overdue);
        RecommendationOverdueRule.Shown(RecommendationStatus.AtRisk, due, due.AddDays(3)).ShouldBe(ShownStatus.Overdue);
        RecommendationOverdueRule.Shown(RecommendationStatus.OnTrack, due, due).ShouldBe(ShownStatus.OnTrack);
        RecommendationOverdueRule.Shown(RecommendationStatus.Completed, due, due.AddDays(3)).ShouldBe(ShownStatus.Completed);
    }

    [Fact]
    public void DueRule_ADueDateOnASaturday_RunsToTheEndOfMonday()
    {
        var due = RecommendationDueRule.DueAt(WorkingDayCalendar.Default(), new DateOnly(2026, 3, 7));
        due.ShouldBe(TimeLimits.EndOfDay(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public async Task Adding_OpensAWorkItemForTheOwner_DueAtTheEndOfTheDueDay_AndChangesMoveIt_AndCompletionClosesIt()
    {
        var staff = await StaffAsync();
        Guid id;
        await using (var db = Db()) id = await AddAsync(db, staff.OwnerId, Friday);

        await using (var db = Db())
        {
            var item = await db.WorkItems.SingleAsync(w => w.SubjectId == id);
            item.Kind.ShouldBe(WorkKind.Recommendation);
            item.OwnerUserId.ShouldBe(staff.OwnerId);
            item.OwnerTeamId.ShouldBe(staff.AssessmentTeamId);
            item.DueAt.ShouldBe(TimeLimits.EndOfDay(Friday));
            item.IsOpen.ShouldBeTrue();

            var moved = await Service(db).ChangeAsync(id, await VersionAsync(db, id), Input(staff.HeadOfServiceId, Friday.AddDays(7)));
            moved.Outcome.ShouldBe(RecommendationOutcome.Saved);
        }

        await using (var db = Db())
        {
            var item = await db.WorkItems.SingleAsync(w => w.SubjectId == id);
            item.OwnerUserId.ShouldBe(staff.HeadOfServiceId);
            item.OwnerTeamId.ShouldNotBe(staff.FrontDoorTeamId, "a head of service has no team: the work must not sit on a practice team's tray");
            (await db.Teams.SingleAsync(t => t.Id == item.OwnerTeamId)).Kind.ShouldBe(TeamKind.Leadership);
            (await new TeamWork(db).PageAsync(staff.FrontDoorTeamId, null)).Lines.ShouldNotContain(l => l.SubjectId == id);
            item.DueAt.ShouldBe(TimeLimits.EndOfDay(Friday.AddDays(7)));
            await CompleteWithEvidenceAsync(db, id);
        }

        await using var check = Db();
        (await check.WorkItems.SingleAsync(w => w.SubjectId == id)).IsOpen.ShouldBeFalse();
    }

    [Fact]
    public async Task Completing_WithNoEvidence_IsRefused_AndWithEvidence_IsSaved()
    {
        var staff = await StaffAsync();
        await using var db = Db();
        var id = await AddAsync(db, staff.OwnerId, Friday);
        var service = Service(db);

        var refused = await service.ChangeStatusAsync(id, await VersionAsync(db, id), RecommendationStatus.Completed);
        refused.Outcome.ShouldBe(RecommendationOutcome.Invalid);
        refused.Errors.ShouldContain(("Status", CompletionNeedsEvidenceRule.Message));

        (await service.AddActionAsync(id, await VersionAsync(db, id), new ActionInput("Brief the chairs", null, null))).Outcome
            .ShouldBe(RecommendationOutcome.Saved);
        (await service.ChangeStatusAsync(id, await VersionAsync(db, id), RecommendationStatus.Completed)).Outcome
            .ShouldBe(RecommendationOutcome.Invalid, "an action with no evidence is not evidence");

        await CompleteWithEvidenceAsync(db, id);
        (await db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == id)).Status.ShouldBe(RecommendationStatus.Completed);
    }

    [Fact]
    public async Task EvidenceLinkedToAChild_ThatDoesNotExist_IsRefused_AndARestrictedChild_ShowsTheRestrictedTitle()
    {
        var staff = await StaffAsync();
        await using var db = Db();
        var id = await AddAsync(db, staff.OwnerId, Friday);
        var service = Service(db);
        await service.AddActionAsync(id, 1, new ActionInput("Audit ten strategy discussions", null, null));
        var action = await db.RecommendationActions.SingleAsync(a => a.RecommendationId == id);

        var missing = await service.AddEvidenceAsync(id, await VersionAsync(db, id), new EvidenceInput(action.Id, "Seen", Guid.NewGuid().ToString()), staff.OwnerId);
        missing.Errors.ShouldContain(("Link", "There is no child's record with that number"));
        var elsewhere = await service.AddEvidenceAsync(id, await VersionAsync(db, id), new EvidenceInput(action.Id, "Seen", "https://example.com/x"), staff.OwnerId);
        elsewhere.Errors.Single().Field.ShouldBe("Link");

        var child = await TestData.PersonAsync(db, "Rosa", "Hidden", new DateOnly(2019, 5, 1));
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"People\" SET \"IsRestricted\" = {true} WHERE \"Id\" = {child.Id}");
        (await service.AddEvidenceAsync(id, await VersionAsync(db, id), new EvidenceInput(action.Id, "Her plan", $"/children/{child.Id}"), staff.OwnerId))
            .Outcome.ShouldBe(RecommendationOutcome.Saved);

        await using var reader = Database.CreateContext(Time, new Safeguard.Core.Security.Actor(staff.OtherOwnerId, "Olu Other"));
        var detail = await new RecommendationViews(reader, new NeedToKnow(reader)).DetailAsync(id);
        var evidence = detail!.Actions.Single().Evidence.Single();
        evidence.PersonId.ShouldBe(child.Id);
        evidence.PersonName.ShouldBe(NeedToKnow.RestrictedTitle);
    }

    [Fact]
    public async Task History_ListsEveryUpdate_FromTheEvents()
    {
        var staff = await StaffAsync();
        await using var db = Db();
        var id = await AddAsync(db, staff.OwnerId, Friday);
        var service = Service(db);
        (await service.ChangeAsync(id, await VersionAsync(db, id), Input(staff.OwnerId, Friday, "Strategy discussions always include health"))).Outcome
            .ShouldBe(RecommendationOutcome.Saved);
        await service.ChangeAsync(id, await VersionAsync(db, id), Input(staff.OtherOwnerId, Friday));
        await service.ChangeAsync(id, await VersionAsync(db, id), Input(staff.OtherOwnerId, Friday.AddDays(14)));
        await service.ChangeStatusAsync(id, await VersionAsync(db, id), RecommendationStatus.AtRisk);
        await CompleteWithEvidenceAsync(db, id);

        var history = await new RecommendationViews(db, new NeedToKnow(db)).HistoryAsync(id);

        history.Select(h => h.Type).Reverse().ShouldBe([
            RecommendationAdded.Name, RecommendationTextChanged.Name, RecommendationTextChanged.Name, RecommendationOwnerChanged.Name,
            RecommendationDueChanged.Name, RecommendationStatusChanged.Name, RecommendationActionAdded.Name, RecommendationEvidenceAdded.Name,
            RecommendationCompleted.Name,
        ]);
        history.ShouldContain(h => h.Summary == "Owner changed from Sara Owner to Olu Other");
    }

    [Fact]
    public async Task TwoChangesFromTheSameVersionAtOnce_OneIsSaved_TheOtherIsToldItChangedElsewhere()
    {
        var staff = await StaffAsync();
        for (var round = 0; round < 4; round++)
        {
            Guid id;
            await using (var db = Db()) id = await AddAsync(db, staff.OwnerId, Friday);
            await using var first = Db();
            await using var second = Db();
            using var start = new Barrier(2);
            var a = Task.Run(async () =>
            {
                start.SignalAndWait();
                return await Service(first).ChangeStatusAsync(id, 1, RecommendationStatus.OnTrack);
            });
            var b = Task.Run(async () =>
            {
                start.SignalAndWait();
                return await Service(second).AddActionAsync(id, 1, new ActionInput("Write the guidance", null, null));
            });
            var outcomes = new[] { (await a).Outcome, (await b).Outcome };

            outcomes.ShouldBe([RecommendationOutcome.Saved, RecommendationOutcome.ChangedElsewhere], ignoreOrder: true);
            await using var check = Db();
            var saved = (await check.Recommendations.SingleAsync(r => r.Id == id)).Status == RecommendationStatus.OnTrack ? 1 : 0;
            saved += await check.RecommendationActions.CountAsync(x => x.RecommendationId == id);
            saved.ShouldBe(1);
        }
    }

    [Fact]
    public async Task GoingOverdue_RaisesOneAlert_AndEmailsTheOwnerAndEachActiveHeadOfServiceOnce_AcrossSweeps()
    {
        var staff = await StaffAsync();
        Guid id;
        await using (var db = Db()) id = await AddAsync(db, staff.OwnerId, Friday);

        await using (var db = Db()) (await Sweep(db).RunAsync()).Raised.ShouldBe(0);
        Time.SetUtcNow(TimeLimits.EndOfDay(Friday).AddHours(2));
        await using (var db = Db()) (await Sweep(db).RunAsync()).Emailed.ShouldBe(2);
        // Each run is a new sweep on a new context, as after a restart: what it has sent is known only from the database.
        await using (var db = Db()) (await Sweep(db).RunAsync()).Emailed.ShouldBe(0);
        await using (var db = Db()) await Sweep(db).RunAsync();

        await using var check = Db();
        var alert = await check.Alerts.SingleAsync(a => a.Kind == AlertKind.RecommendationOverdue);
        alert.SubjectId.ShouldBe(id);
        alert.TeamId.ShouldBe(staff.AssessmentTeamId);
        alert.Message.ShouldContain("not completed, 2 hours late");
        Smtp.Received.SelectMany(m => m.To).Order().ShouldBe(["hari.head@council.example", "sara.owner@council.example"]);
        Smtp.Received.ShouldAllBe(m => m.Subject == "Safeguard: a review recommendation is overdue");
        var headSees = await new ManagerAlerts(check).ForUserAsync(staff.HeadOfServiceId);
        headSees.ShouldContain(a => a.Kind == AlertKind.RecommendationOverdue && a.SubjectId == id);
        (await new RecommendationViews(check, new NeedToKnow(check)).ListAsync(new RecommendationFilter(ShownStatus.Overdue)))
            .Single().Id.ShouldBe(id);
    }

    [Fact]
    public async Task ACompletedRecommendation_PastItsDueDate_IsNotOverdue_AndRaisesNoAlert()
    {
        var staff = await StaffAsync();
        Guid id;
        await using (var db = Db())
        {
            id = await AddAsync(db, staff.OwnerId, Friday);
            await CompleteWithEvidenceAsync(db, id);
        }
        Time.SetUtcNow(TimeLimits.EndOfDay(Friday).AddDays(2));
        await using (var db = Db()) (await Sweep(db).RunAsync()).Raised.ShouldBe(0);

        await using var check = Db();
        var summary = await new RecommendationViews(check, new NeedToKnow(check)).SummaryAsync();
        summary.ByStatus[ShownStatus.Completed].ShouldBe(1);
        summary.ByStatus[ShownStatus.Overdue].ShouldBe(0);
        summary.Overdue.ShouldBeEmpty();
    }

    private static async Task CompleteWithEvidenceAsync(SafeguardDbContext db, Guid id)
    {
        var service = Service(db);
        var actions = await db.RecommendationActions.CountAsync(a => a.RecommendationId == id);
        if (actions == 0) (await service.AddActionAsync(id, await VersionAsync(db, id), new ActionInput("Brief the chairs", null, null))).Outcome.ShouldBe(RecommendationOutcome.Saved);
        var action = await db.RecommendationActions.FirstAsync(a => a.RecommendationId == id);
        (await service.AddEvidenceAsync(id, await VersionAsync(db, id), new EvidenceInput(action.Id, "Briefing notes of 3 March", "/oversight"), Guid.Empty))
            .Outcome.ShouldBe(RecommendationOutcome.Saved);
        (await service.ChangeStatusAsync(id, await VersionAsync(db, id), RecommendationStatus.Completed)).Outcome.ShouldBe(RecommendationOutcome.Saved);
    }
}
