using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.WorkforceAdministration;

public sealed class OrganisationAdministrationTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private static readonly Actor Admin = new(Guid.NewGuid(), "Alex Admin");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private SafeguardDbContext Db() => _database.CreateContext(_time, Admin);

    private async Task<OrganisationLine> AddAsync(string name, string kind = "Education", string? code = null)
    {
        await using var db = Db();
        var admin = new OrganisationAdministration(db);
        var result = await admin.AddAsync(new OrganisationInput(name, kind, code), "New partner");
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        return (await admin.FindAsync(result.Id!.Value))!;
    }

    [Fact]
    public async Task Add_ValidOrganisation_IsListedWithItsKindAndCode_AndRecordedWithWhoAndWhy()
    {
        var added = await AddAsync("  Riverside Primary School ", "education", "2a");

        added.Name.ShouldBe("Riverside Primary School");
        added.Kind.ShouldBe(OrganisationKind.Education);
        added.OwnCinReferralSourceCode.ShouldBe("2A");
        added.IsRetired.ShouldBeFalse();
        await using var db = Db();
        (await new OrganisationAdministration(db).ListAsync()).Select(o => o.Name).ShouldContain("Riverside Primary School");
        var recorded = await db.Events.SingleAsync(e => e.Type == OrganisationAdded.Name && e.SubjectId == added.Id);
        recorded.ActorName.ShouldBe("Alex Admin");
        recorded.Reason.ShouldBe("New partner");
        recorded.Summary.ShouldContain("Riverside Primary School");
    }

    [Fact]
    public async Task Add_NameOfAnActiveOrganisationInAnotherCase_IsRefusedAsADuplicate()
    {
        await AddAsync("Northbridge Police", "Police");
        await using var db = Db();

        var result = await new OrganisationAdministration(db).AddAsync(new OrganisationInput("NORTHBRIDGE police", "Police", null));

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBe([("Name", "There is already an organisation called NORTHBRIDGE police")]);
        (await db.Organisations.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Add_MissingNameUnknownKindAndCodeOutsideTheCensusList_GivesAProblemForEachField()
    {
        await using var db = Db();

        var result = await new OrganisationAdministration(db).AddAsync(new OrganisationInput(" ", "Spaceship", "11"));

        result.Errors.Select(e => e.Field).ShouldBe(["Name", "Kind", "CinReferralSourceCode"]);
        result.Errors[1].Message.ShouldContain("Police");
        (await db.Organisations.AnyAsync()).ShouldBeFalse();
        (await db.Events.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task Add_NameTooLong_IsRefused()
    {
        await using var db = Db();

        var result = await new OrganisationAdministration(db).AddAsync(new OrganisationInput(new string('a', 201), "Other", null));

        result.Errors.ShouldBe([("Name", "Name must be 200 characters or fewer")]);
    }

    [Fact]
    public async Task Add_NameOfARetiredOrganisation_IsAllowed()
    {
        var old = await AddAsync("Eastfield Academy");
        await using (var db = Db())
        {
            (await new OrganisationAdministration(db).RetireAsync(old.Id, old.Version, "Closed")).Succeeded.ShouldBeTrue();
        }

        var again = await AddAsync("Eastfield Academy");

        again.Id.ShouldNotBe(old.Id);
        await using var check = Db();
        (await new OrganisationAdministration(check).ListAsync(includeRetired: false)).Select(o => o.Id).ShouldBe([again.Id]);
    }

    [Fact]
    public async Task Change_FromAStaleVersion_IsRefusedAsStale_AndChangesNothing()
    {
        var school = await AddAsync("Hillside School");
        await using (var first = Db())
        {
            (await new OrganisationAdministration(first).ChangeAsync(school.Id, school.Version, new OrganisationInput("Hillside Academy", "Education", null), "Academy"))
                .Succeeded.ShouldBeTrue();
        }
        await using var second = Db();

        var result = await new OrganisationAdministration(second).ChangeAsync(school.Id, school.Version,
            new OrganisationInput("Hillside Primary", "Education", null), "Typo");

        result.Stale.ShouldBeTrue();
        result.Errors.ShouldBe([("", WorkforceChangeResult.StaleMessage)]);
        await using var check = Db();
        (await new OrganisationAdministration(check).FindAsync(school.Id))!.Name.ShouldBe("Hillside Academy");
        (await check.Events.CountAsync(e => e.Type == OrganisationChanged.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task Change_TwoSavesAtOnceFromTheSameVersion_OnlyOneWins()
    {
        var school = await AddAsync("Brook School");
        await using var a = Db();
        await using var b = Db();

        var results = await Task.WhenAll(
            Task.Run(() => new OrganisationAdministration(a).ChangeAsync(school.Id, school.Version, new OrganisationInput("Brook Academy", "Education", null), "A")),
            Task.Run(() => new OrganisationAdministration(b).ChangeAsync(school.Id, school.Version, new OrganisationInput("Brook College", "Education", null), "B")));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Count(r => r.Stale).ShouldBe(1);
        await using var check = Db();
        var now = (await new OrganisationAdministration(check).FindAsync(school.Id))!;
        now.Name.ShouldBe(results[0].Succeeded ? "Brook Academy" : "Brook College");
        now.Version.ShouldBe(school.Version + 1);
    }

    [Fact]
    public async Task Retire_RefusesTheOrganisationsKeys_AndNewKeys_UntilItIsReinstated()
    {
        var police = await AddAsync("Westshire Police", "Police");
        await using var db = Db();
        var keys = new PartnerKeys(db);
        var key = await keys.CreateAsync(police.Name);
        var admin = new OrganisationAdministration(db);

        (await admin.RetireAsync(police.Id, police.Version, "Merged into Northshire Police")).Succeeded.ShouldBeTrue();

        (await keys.VerifyAsync(key.Key)).Result.ShouldBe(PartnerKeyCheck.OrganisationRetired);
        (await Should.ThrowAsync<RetiredOrganisationException>(() => keys.CreateAsync(police.Name))).Message.ShouldContain("retired");
        var retired = (await admin.FindAsync(police.Id))!;
        retired.RetiredAt.ShouldBe(_time.GetUtcNow());
        (await admin.ListAsync(includeRetired: false)).ShouldNotContain(o => o.Id == police.Id);
        (await db.Events.SingleAsync(e => e.Type == OrganisationRetired.Name)).Reason.ShouldBe("Merged into Northshire Police");

        (await admin.ReinstateAsync(retired.Id, retired.Version, "Merger called off")).Succeeded.ShouldBeTrue();
        (await keys.VerifyAsync(key.Key)).Result.ShouldBe(PartnerKeyCheck.Valid);
    }

    [Fact]
    public async Task Retire_WithoutAReason_IsRefused()
    {
        var school = await AddAsync("Oak School");
        await using var db = Db();

        var result = await new OrganisationAdministration(db).RetireAsync(school.Id, school.Version, "  ");

        result.Errors.ShouldBe([("Reason", "Enter the reason for the change")]);
        (await db.Organisations.SingleAsync(o => o.Id == school.Id)).RetiredAt.ShouldBeNull();
    }

    [Fact]
    public async Task Reinstate_WhenAnotherActiveOrganisationHasItsName_IsRefused()
    {
        var old = await AddAsync("Elm School");
        await using (var db = Db())
        {
            await new OrganisationAdministration(db).RetireAsync(old.Id, old.Version, "Closed");
        }
        await AddAsync("elm school");
        await using var check = Db();
        var retired = (await new OrganisationAdministration(check).FindAsync(old.Id))!;

        var result = await new OrganisationAdministration(check).ReinstateAsync(retired.Id, retired.Version, "Reopened");

        result.Errors.Single().Message.ShouldContain("Another organisation is called Elm School");
    }

    [Fact]
    public async Task Referral_FromAnOrganisationWithItsOwnCinCode_UsesThatCode_OtherwiseTheDefaultForItsKind()
    {
        await using var db = Db();
        var council = await TestData.CreateCouncilAsync(db);
        var admin = new OrganisationAdministration(db);
        var police = (await admin.FindAsync(council.Police.Id))!;
        (await admin.ChangeAsync(police.Id, police.Version, new OrganisationInput(police.Name, "Police", "7"), "Youth justice referrals")).Succeeded.ShouldBeTrue();
        var fromOwnCode = await TestData.Intake(db).RecordAsync(TestData.Contact([TestData.Child()], ["neglect"], organisationId: council.Police.Id));
        var decisions = new ScreeningDecisions(db, WorkingDayCalendar.Default());

        await decisions.DecideAsync(new DecisionInput(fromOwnCode.Id, ScreeningOutcome.ReferralToSocialCare, "Needs assessment", null), Guid.NewGuid(), false);

        (await db.Referrals.SingleAsync()).SourceCode.ShouldBe("7");
        CinReferralSourceRule.For(OrganisationKind.Police, null).ShouldBe("6");
    }
}
