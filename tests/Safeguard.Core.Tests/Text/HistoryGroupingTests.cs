using Safeguard.Core.Audit;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Text;

public class HistoryGroupingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Contact = Guid.NewGuid();
    private static readonly Guid Referral = Guid.NewGuid();

    private static HistoryEvent E(string type, string summary, double seconds = 0, string actor = "Grace Lee", Guid? subject = null, string? reason = null) =>
        new(At.AddSeconds(seconds), actor, type, summary, reason, null, subject);

    [Fact]
    public void Group_DecisionWithItsAutomaticRows_IsOneLineThatKeepsThemAsAlsoRecorded()
    {
        // Newest first, as the record reads them: the automatic rows are written last in the save.
        var lines = HistoryGrouping.Group([
            E(RecordCreated.Name, "Referral created", 0.001, subject: Referral),
            E(RecordChanged.Name, "Contact changed", 0.001, subject: Contact),
            E(ContactDecided.Name, "Contact C1 decided: strategy discussion now", 0, subject: Contact, reason: "Bruising"),
        ]);

        var line = lines.ShouldHaveSingleItem();
        line.Summary.ShouldBe("Contact C1 decided: strategy discussion now");
        line.Reason.ShouldBe("Bruising");
        line.AlsoRecorded.ShouldBe(["Referral created", "Contact changed"], ignoreOrder: true);
    }

    [Fact]
    public void Group_SeparateActions_StaySeparate()
    {
        var lines = HistoryGrouping.Group([
            E(RecordChanged.Name, "Contact changed", 3600, actor: "Safeguard (system)", subject: Contact),
            E(FeedbackSent.Name, "Outcome sent", 3600, actor: "Safeguard (system)", subject: Contact),
            E(RecordChanged.Name, "Contact changed", 60, subject: Contact),
            E(ContactDecided.Name, "Contact C1 decided", 60, subject: Contact),
            E(ContactReceived.Name, "Contact C1 received", 0, subject: Contact),
        ]);

        lines.Select(l => l.Summary).ShouldBe(["Outcome sent", "Contact C1 decided", "Contact C1 received"]);
        lines.ShouldAllBe(l => l.AlsoRecorded.Count == (l.Summary == "Contact C1 received" ? 0 : 1));
    }

    [Fact]
    public void Group_TwoNamedEventsInOneSave_AreTwoLines()
    {
        var other = Guid.NewGuid();
        var lines = HistoryGrouping.Group([
            E(RecordCreated.Name, "Contact created", 0, subject: Contact),
            E(ContactReceived.Name, "Contact C1 received", 0, subject: Contact),
            E(DuplicateQueued.Name, "Possible duplicate queued for review", 0, subject: other),
        ]);

        lines.Count.ShouldBe(2);
        lines.Single(l => l.Type == ContactReceived.Name).AlsoRecorded.ShouldBe(["Contact created"]);
        lines.Single(l => l.Type == DuplicateQueued.Name).AlsoRecorded.ShouldBeEmpty();
    }

    [Fact]
    public void Group_TwoActionsAtTheSameMomentBySamePerson_EachKeepsItsOwnRows()
    {
        // A test clock (or a very quick worker) can put two saves in the same instant.
        var lines = HistoryGrouping.Group([
            E(RecordChanged.Name, "Contact changed", 0, subject: Contact),
            E(ContactDecided.Name, "Contact C1 decided", 0, subject: Contact),
            E(RecordCreated.Name, "Contact created", 0, subject: Contact),
            E(RecordCreated.Name, "Person created", 0),
            E(ContactReceived.Name, "Contact C1 received", 0, subject: Contact),
        ]);

        lines.Select(l => l.Summary).ShouldBe(["Contact C1 decided", "Contact C1 received"]);
        lines[0].AlsoRecorded.ShouldBe(["Contact changed"]);
        lines[1].AlsoRecorded.ShouldBe(["Contact created", "Person created"]);
    }

    [Fact]
    public void Group_AnEditWithNoNamedEvent_IsOneLineOfItsRows()
    {
        var lines = HistoryGrouping.Group([
            E(RecordCreated.Name, "Person address created", 0),
            E(RecordChanged.Name, "Person changed", 0),
        ]);

        lines.ShouldHaveSingleItem().Summary.ShouldBe("Person address created; Person changed");
    }
}
