using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Oversight;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>A partner adds information to a referral already sent; nothing it sends goes unread.</summary>
public sealed class ContactInformationTests : MailTestBase
{
    private static ContactInformationRecords Records(SafeguardDbContext db) => new(db, WorkingDayCalendar.Default());

    private async Task<(RecordedContact Contact, Guid Police, Guid FrontDoor)> ReferralAsync()
    {
        await using var db = Db();
        var council = await TestData.CreateCouncilAsync(db);
        var contact = await TestData.Intake(db).RecordAsync(TestData.Contact(
            [TestData.Child("Ava", "Hill"), TestData.Child("Leo", "Hill", new DateOnly(2020, 2, 2))], ["neglect"], organisationId: council.Police.Id));
        return (contact, council.Police.Id, council.FrontDoor.Id);
    }

    private async Task DecideAsync(Guid contactId)
    {
        await using var db = Db();
        await new ScreeningDecisions(db, WorkingDayCalendar.Default())
            .DecideAsync(new DecisionInput(contactId, ScreeningOutcome.EarlyHelp, "Family agreed to early help", null), Guid.NewGuid(), false);
    }

    [Fact]
    public async Task InformationOnAnUndecidedContact_MarksItsScreeningItem_AndIsAnEventOnEachChild_WithNoExtraWorkItem()
    {
        var (contact, police, _) = await ReferralAsync();

        await using (var db = Db())
        {
            var added = await Records(db).AddAsync(contact.Id, police, "The children were seen at school with bruises today.", "DC Alex Moore", null);
            added!.Result.ShouldBe(InformationResult.Added);
        }

        await using var check = Db();
        var screening = await check.WorkItems.SingleAsync(w => w.SubjectId == contact.Id && w.Kind == WorkKind.ScreeningDecision);
        screening.Title.ShouldEndWith("(new information added)");
        (await check.WorkItems.CountAsync(w => w.Kind == WorkKind.ReadNewInformation)).ShouldBe(0);
        foreach (var child in contact.Children)
        {
            var added = await check.Events.SingleAsync(e => e.PersonId == child.PersonId && e.Type == InformationAdded.Name);
            added.Summary.ShouldContain("Information added by the referrer from DC Alex Moore");
            added.Summary.ShouldContain("bruises");
        }
        var lines = await Records(check).ForContactAsync(contact.Id);
        lines.Single().From.ShouldBe("DC Alex Moore");
        lines.Single().ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task InformationOnADecidedContact_OpensAReadWorkItemOnTheFrontDoorTray_ClosedWhenMarkedRead()
    {
        var (contact, police, frontDoor) = await ReferralAsync();
        await DecideAsync(contact.Id);
        Time.SetUtcNow(new DateTimeOffset(2026, 3, 6, 16, 0, 0, TimeSpan.Zero)); // Friday 16:00

        await using (var db = Db()) await Records(db).AddAsync(contact.Id, police, "Father has moved back in.", null, null);

        await using (var db = Db())
        {
            var item = await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.ReadNewInformation);
            item.Title.ShouldBe("Read new information about Ava Hill, Leo Hill");
            item.OwnerTeamId.ShouldBe(frontDoor);
            item.Priority.ShouldBe(Priority.Urgent);
            item.DueAt.ShouldBe(new DateTimeOffset(2026, 3, 9, 16, 0, 0, TimeSpan.Zero)); // Monday 16:00: one working day
            item.ClosedAt.ShouldBeNull();
            (await Records(db).UnreadAsync()).Single().ReadBy.ShouldBe(item.DueAt);
        }

        Time.Advance(TimeSpan.FromHours(1));
        await using (var db = Db()) (await Records(db).MarkReadAsync(contact.Id, Guid.NewGuid())).ShouldBe(1);

        await using var check = Db();
        (await check.WorkItems.SingleAsync(w => w.Kind == WorkKind.ReadNewInformation)).ClosedAt.ShouldBe(Time.GetUtcNow());
        (await check.ContactInformation.SingleAsync()).ReadAt.ShouldBe(Time.GetUtcNow());
        (await check.Events.CountAsync(e => e.Type == InformationRead.Name)).ShouldBe(2);
        (await Records(check).UnreadAsync()).ShouldBeEmpty();
        await using (var db = Db()) (await Records(db).MarkReadAsync(contact.Id, Guid.NewGuid())).ShouldBe(0);
    }

    [Fact]
    public async Task UnreadInformationPastItsDueTime_RaisesOneAlert_WhichLeavesTheManagersListOnceRead()
    {
        var (contact, police, frontDoor) = await ReferralAsync();
        await DecideAsync(contact.Id);
        await using (var db = Db()) await Records(db).AddAsync(contact.Id, police, "Father has moved back in.", null, null);
        await using (var db = Db())
        {
            (await new OverdueSweep(db, Options).RunAsync()).Raised.ShouldBe(0);
        }

        Time.Advance(TimeSpan.FromDays(3));
        await using (var db = Db()) await new OverdueSweep(db, Options).RunAsync();
        await using (var db = Db()) await new OverdueSweep(db, Options).RunAsync();

        await using (var db = Db())
        {
            var alert = await db.Alerts.SingleAsync(a => a.Kind == AlertKind.InformationUnread);
            alert.TeamId.ShouldBe(frontDoor);
            alert.Message.ShouldStartWith("Read new information about Ava Hill, Leo Hill: not read,");
            (await new ManagerAlerts(db).ForTeamAsync(frontDoor)).ShouldContain(a => a.Kind == AlertKind.InformationUnread);
            await Records(db).MarkReadAsync(contact.Id, null);
        }
        await using var check = Db();
        (await new ManagerAlerts(check).ForTeamAsync(frontDoor)).ShouldNotContain(a => a.Kind == AlertKind.InformationUnread);
    }

    [Fact]
    public async Task AnotherOrganisation_CannotAddToTheReferral_AndNothingIsWritten()
    {
        var (contact, _, _) = await ReferralAsync();
        await using var db = Db();
        var school = new Organisation("Northbridge Primary", OrganisationKind.Education);
        db.Organisations.Add(school);
        await db.SaveChangesAsync();

        (await Records(db).AddAsync(contact.Id, school.Id, "Not ours to add.", null, null)).ShouldBeNull();

        (await db.ContactInformation.CountAsync()).ShouldBe(0);
        (await db.Events.CountAsync(e => e.Type == InformationAdded.Name)).ShouldBe(0);
    }

    [Fact]
    public async Task TheSameKeyTwice_IsOnePieceOfInformation_AndAKeyReusedForOtherTextIsRefused()
    {
        var (contact, police, _) = await ReferralAsync();
        AddedInformation first, again, other;
        await using (var db = Db()) first = (await Records(db).AddAsync(contact.Id, police, "More.", null, null, new InformationKey("k1", "h1")))!;
        await using (var db = Db()) again = (await Records(db).AddAsync(contact.Id, police, "More.", null, null, new InformationKey("k1", "h1")))!;
        await using (var db = Db()) other = (await Records(db).AddAsync(contact.Id, police, "Different.", null, null, new InformationKey("k1", "h2")))!;

        again.Result.ShouldBe(InformationResult.Replayed);
        again.Id.ShouldBe(first.Id);
        other.Result.ShouldBe(InformationResult.KeyReused);
        await using var check = Db();
        (await check.ContactInformation.CountAsync()).ShouldBe(1);
    }
}
