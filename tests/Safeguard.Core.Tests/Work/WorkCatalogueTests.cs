using Safeguard.Core.Oversight;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;

namespace Safeguard.Core.Tests.Work;

public class WorkCatalogueTests
{
    [Fact]
    public void EveryKindOfWork_HasOneCatalogueEntry()
    {
        foreach (var kind in Enum.GetValues<WorkKind>())
        {
            WorkCatalogue.All.Count(e => e.Kind == kind).ShouldBe(1, $"{kind} needs exactly one entry in WorkCatalogue.All");
        }
        WorkCatalogue.All.Count.ShouldBe(Enum.GetValues<WorkKind>().Length);
    }

    [Fact]
    public void EveryEntry_HasWords_AHeading_AndAClockThatNeverRunsBackwards()
    {
        var clocks = new WorkClocks(WorkingDayCalendar.Default());
        var from = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
        foreach (var entry in WorkCatalogue.All)
        {
            entry.Words.ShouldNotBeNullOrWhiteSpace();
            entry.GroupHeading.ShouldNotBeNullOrWhiteSpace();
            entry.ClockWords.ShouldNotBeNullOrWhiteSpace();
            entry.Kind.Words().ShouldBe(entry.Words);
            entry.Kind.GroupHeading().ShouldBe(entry.GroupHeading);
            foreach (var priority in Enum.GetValues<Priority>())
            {
                entry.Due(clocks, from, priority).ShouldBeGreaterThanOrEqualTo(from, $"{entry.Kind} at {priority}");
            }
        }
    }

    [Fact]
    public void LateWorkAlerts_AreOneAlertKindPerWorkKind_AndNeverTheUndeliveredFeedbackAlert()
    {
        var alerts = WorkCatalogue.Alerting.Select(a => a.Alert.Kind).ToList();
        alerts.ShouldBeUnique();
        alerts.ShouldNotContain(AlertKind.FeedbackUndelivered);
        foreach (var kind in Enum.GetValues<AlertKind>())
        {
            OverdueSweep.Title(kind).ShouldNotBe(kind.ToString(), $"{kind} needs a title");
        }
    }

    [Fact]
    public void TheBacklogBoard_ShowsTheFrontDoorAllocationAuthorisationAndConferenceKinds_InTheCatalogueOrder()
    {
        BacklogBoard.Kinds.ShouldBe([WorkKind.ScreeningDecision, WorkKind.ManagerConfirmation, WorkKind.Allocation, WorkKind.ReferrerFeedback,
            WorkKind.ReadNewInformation, WorkKind.ContactOnOpenCase, WorkKind.AssessmentAuthorisation, WorkKind.StrategyDiscussion, WorkKind.InitialConference, WorkKind.CoreGroup, WorkKind.ReviewConference,
            WorkKind.Visit, WorkKind.CarerCheck, WorkKind.Review, WorkKind.AcceptAllocation, WorkKind.PatternAlert, WorkKind.Reallocation]);
    }

    [Fact]
    public void AlertMessages_ReadAsTheyDidBeforeTheCatalogue()
    {
        var late = new LateWork("Allocate Ruby Taylor", "26 hours", "C20260304ABCDEF", "DC Alex Moore", "Ruby Taylor");
        WorkCatalogue.For(WorkKind.ScreeningDecision).WhenLate!.Message(late)
            .ShouldBe("Contact C20260304ABCDEF about Ruby Taylor is 26 hours late for a screening decision");
        WorkCatalogue.For(WorkKind.ReferrerFeedback).WhenLate!.Message(late)
            .ShouldBe("Feedback to DC Alex Moore on contact C20260304ABCDEF about Ruby Taylor is 26 hours late");
        WorkCatalogue.For(WorkKind.Allocation).WhenLate!.Message(late).ShouldBe("Allocate Ruby Taylor: allocation is 26 hours late");
        WorkCatalogue.For(WorkKind.ReadNewInformation).WhenLate!.Message(late).ShouldBe("Allocate Ruby Taylor: not read, 26 hours late");
        WorkCatalogue.For(WorkKind.ManagerConfirmation).WhenLate.ShouldBeNull();
    }
}
