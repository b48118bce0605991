using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Assessments;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Conferences;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Identifiers;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.Validation;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using static Safeguard.TestCommon.ConferenceTestData;

namespace Safeguard.Core.Tests.Returning;

/// <summary>
/// The Children in Need census for 2025-26 built from a record made through the services (referral allocated, assessment
/// completed and authorised, strategy discussion, section 47, initial conference and plan, reviews), on a real database
/// of either provider, read back as XML: DfE's element names, their order and the values as at 31 March 2026.
/// </summary>
public sealed class CinCensusExportTests : IAsyncLifetime
{
    // Wednesday 3 September 2025, 10:00 UTC (11:00 UK time).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 9, 3, 10, 0, 0, TimeSpan.Zero));
    private static readonly CensusYear Year2026 = new(2026);
    private static readonly string MayasUpn = Upn.CheckLetterFor("999123456789") + "999123456789";
    private TestDatabase _database = default!;
    private StaffUser _manager = default!;
    private StaffUser _sam = default!;
    private StaffUser _chair = default!;
    private Guid _teamId;
    private Referral _referral = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            _teamId = (await TestData.CreateCouncilAsync(db)).Assessment.Id;
            _manager = await AllocationTestData.StaffAsync(db, "Martin Hughes", Roles.TeamManager, _teamId);
            _sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, _teamId);
            _chair = await AllocationTestData.StaffAsync(db, "Ruth Morgan", Roles.ConferenceChair, null);
            await AllocationTestData.QualifyAsync(db, _sam.Id, TimeLimits.UkDay(_time.GetUtcNow()), childProtectionTrained: true);
        }
        _referral = await AllocationTestData.AllocatedReferralAsync(_database, _time, _teamId, _manager, _sam);
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var child = await db.People.SingleAsync(p => p.Id == _referral.PersonId);
            child.LocalChildId = "NB000123";
            child.Upn = MayasUpn;
            child.Ethnicity = "WBRI";
            child.Disabilities = "MOB,HAND";
            (await db.Referrals.SingleAsync(r => r.Id == _referral.Id)).PrimaryNeedCode = "N1";
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private SafeguardDbContext As(StaffUser user) => _database.CreateContext(_time, new Actor(user.Id, user.DisplayName));

    private static ChildAndFamilyAssessments Assessments(SafeguardDbContext db) => AllocationTestData.AssessmentService(db, Calendar);

    private DateTimeOffset HalfAnHourAgo => _time.GetUtcNow().AddMinutes(-30);

    private void MoveTo(int year, int month, int day) =>
        _time.Advance(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero) - _time.GetUtcNow());

    /// <summary>The assessment completed by Sam with factors 2A and 4A, and authorised by the manager, today.</summary>
    private async Task AssessAndAuthoriseAsync()
    {
        AssessmentView assessment;
        await using (var db = As(_sam))
        {
            assessment = (await Assessments(db).ForChildAsync(_referral.PersonId)).Single();
            var input = new AssessmentInput(assessment.Id, assessment.Version, TimeLimits.UkDay(_time.GetUtcNow()), true, ["2A", "4A"],
                "Domestic abuse and neglect.", "Maya wants things to be calm at home.", AssessmentOutcome.StrategyDiscussion, null);
            (await Assessments(db).SaveAsync(input, complete: true)).Outcome.ShouldBe(AssessmentChange.Saved);
        }
        await using (var db = As(_manager))
        {
            assessment = (await Assessments(db).FindAsync(assessment.Id))!;
            (await Assessments(db).AuthoriseAsync(assessment.Id, assessment.Version)).Outcome.ShouldBe(AssessmentChange.Saved);
        }
    }

    /// <summary>
    /// Referred 2 September 2025 and allocated on the 3rd; assessed and authorised on the 4th; a strategy discussion and
    /// section 47 the same day; initial conference 18 September (physical abuse); review 10 December 2025 (emotional); a
    /// review 10 June 2026, after the census year, changing it to neglect. Returns the plan's id.
    /// </summary>
    private async Task<Guid> ChildProtectionJourneyAsync()
    {
        MoveTo(2025, 9, 4);
        await AssessAndAuthoriseAsync();
        var enquiryId = await EnquiryNeedingConferenceAsync(_database, _time, _sam, _referral.PersonId);
        MoveTo(2025, 9, 18);
        await using (var db = As(_chair))
        {
            var held = await ConferenceService(db).HoldInitialAsync(enquiryId, Input(HalfAnHourAgo, _chair.Id, category: AbuseCategory.Physical));
            held.Outcome.ShouldBe(ConferenceOutcome.Recorded, string.Join("; ", held.Errors.Select(e => e.Message)));
        }
        var planId = await ReviewAsync(2025, 12, 10, AbuseCategory.Emotional);
        await ReviewAsync(2026, 6, 10, AbuseCategory.Neglect);
        return planId;
    }

    private async Task<Guid> ReviewAsync(int year, int month, int day, AbuseCategory category)
    {
        MoveTo(year, month, day);
        await using var db = As(_chair);
        var plan = await db.ChildPlans.AsNoTracking().SingleAsync(p => p.PersonId == _referral.PersonId && p.Kind == PlanKind.ChildProtection);
        var held = await ConferenceService(db).HoldReviewAsync(plan.Id, plan.Version, Input(HalfAnHourAgo, _chair.Id, category: category));
        held.Outcome.ShouldBe(ConferenceOutcome.Recorded, string.Join("; ", held.Errors.Select(e => e.Message)));
        return plan.Id;
    }

    private async Task<XDocument> ExportAsync(CensusYear year, int pageSize = CinCensusExport.DefaultPageSize)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        var export = new CinCensusExport(db, Options.Create(new CinCensusSettings { LaCode = "201" }), _time) { PageSize = pageSize };
        var (_, xml) = await export.BuildAsync(year);
        using var stream = new MemoryStream(xml);
        return XDocument.Load(stream);
    }

    private static XElement ChildWithId(XDocument census, string laChildId) =>
        census.Root!.Element("Children")!.Elements("Child").Single(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value == laChildId);

    private static string[] Names(XElement element) => element.Elements().Select(e => e.Name.LocalName).ToArray();

    [Fact]
    public async Task Header_NamesTheCollection_Year_ReferenceDate_AndTheCouncil()
    {
        var census = await ExportAsync(Year2026);

        var header = census.Root!.Element("Header")!;
        census.Root.Name.LocalName.ShouldBe("Message");
        Names(census.Root).ShouldBe(["Header", "Children"]);
        Names(header).ShouldBe(["CollectionDetails", "Source"]);
        var collection = header.Element("CollectionDetails")!;
        Names(collection).ShouldBe(["Collection", "Year", "ReferenceDate"]);
        collection.Element("Collection")!.Value.ShouldBe("CIN");
        collection.Element("Year")!.Value.ShouldBe("2026");
        collection.Element("ReferenceDate")!.Value.ShouldBe("2026-03-31");
        var source = header.Element("Source")!;
        Names(source).ShouldBe(["SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"]);
        source.Element("SourceLevel")!.Value.ShouldBe("L");
        source.Element("LEA")!.Value.ShouldBe("201");
        // 3 September 2025, 10:00 UTC is 11:00 in the UK (summer time).
        source.Element("DateTime")!.Value.ShouldBe("2025-09-03T11:00:00");
    }

    [Theory]
    [InlineData("2026-03-31", "2026-03-31")]
    [InlineData("2026-04-01", null)]
    public async Task ADateOfDeath_IsReportedAfterSex_WhenItIsOnOrBeforeTheReferenceDate(string died, string? reported)
    {
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            (await db.People.SingleAsync(p => p.Id == _referral.PersonId)).DateOfDeath = DateOnly.Parse(died, System.Globalization.CultureInfo.InvariantCulture);
            await db.SaveChangesAsync();
        }

        var identifiers = ChildWithId(await ExportAsync(Year2026), "NB000123").Element("ChildIdentifiers")!;

        identifiers.Element("PersonDeathDate")?.Value.ShouldBe(reported);
        if (reported is not null) Names(identifiers)[^1].ShouldBe("PersonDeathDate");
    }

    [Fact]
    public async Task AChildProtectionJourney_IsReported_WithEveryModuleInDfEOrder_AsAtTheReferenceDate()
    {
        await ChildProtectionJourneyAsync();

        var child = ChildWithId(await ExportAsync(Year2026), "NB000123");

        Names(child).ShouldBe(["ChildIdentifiers", "ChildCharacteristics", "CINdetails"]);
        var identifiers = child.Element("ChildIdentifiers")!;
        Names(identifiers).ShouldBe(["LAchildID", "UPN", "PersonBirthDate", "Sex"]);
        identifiers.Element("UPN")!.Value.ShouldBe(MayasUpn);
        identifiers.Element("PersonBirthDate")!.Value.ShouldBe("2017-04-02");
        identifiers.Element("Sex")!.Value.ShouldBe("F");
        var characteristics = child.Element("ChildCharacteristics")!;
        characteristics.Element("Ethnicity")!.Value.ShouldBe("WBRI");
        characteristics.Element("Disabilities")!.Elements("Disability").Select(d => d.Value).ShouldBe(["MOB", "HAND"]);

        var episode = child.Element("CINdetails")!;
        Names(episode).ShouldBe(["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "Assessments", "Section47", "ReferralNFA", "ChildProtectionPlans"]);
        episode.Element("CINreferralDate")!.Value.ShouldBe("2025-09-02");
        episode.Element("ReferralSource")!.Value.ShouldBe("2A");
        episode.Element("PrimaryNeedCode")!.Value.ShouldBe("N1");
        episode.Element("ReferralNFA")!.Value.ShouldBe("false");

        var assessment = episode.Element("Assessments")!;
        Names(assessment).ShouldBe(["AssessmentActualStartDate", "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment"]);
        assessment.Element("AssessmentActualStartDate")!.Value.ShouldBe("2025-09-03");
        assessment.Element("AssessmentAuthorisationDate")!.Value.ShouldBe("2025-09-04");
        assessment.Element("FactorsIdentifiedAtAssessment")!.Elements("AssessmentFactors").Select(f => f.Value).ShouldBe(["2A", "4A"]);

        var section47 = episode.Element("Section47")!;
        Names(section47).ShouldBe(["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"]);
        section47.Element("S47ActualStartDate")!.Value.ShouldBe("2025-09-04");
        // 15 working days after the strategy discussion on Thursday 4 September 2025.
        section47.Element("InitialCPCtarget")!.Value.ShouldBe("2025-09-25");
        section47.Element("DateOfInitialCPC")!.Value.ShouldBe("2025-09-18");
        section47.Element("ICPCnotRequired")!.Value.ShouldBe("false");

        var plan = episode.Element("ChildProtectionPlans")!;
        Names(plan).ShouldBe(["CPPstartDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP", "Reviews"]);
        plan.Element("CPPstartDate")!.Value.ShouldBe("2025-09-18");
        plan.Element("InitialCategoryOfAbuse")!.Value.ShouldBe("PHY");
        // Changed to neglect in June 2026; on 31 March 2026 it was emotional abuse.
        plan.Element("LatestCategoryOfAbuse")!.Value.ShouldBe("EMO");
        plan.Element("NumberOfPreviousCPP")!.Value.ShouldBe("0");
        plan.Element("Reviews")!.Elements("CPPreviewDate").Select(r => r.Value).ShouldBe(["2025-12-10"]);
    }

    [Fact]
    public async Task AChildProtectionJourney_PassesEveryRuleSafeguardChecksForAChild()
    {
        await ChildProtectionJourneyAsync();

        await using var db = _database.CreateContext(_time, Actor.System);
        var export = new CinCensusExport(db, Options.Create(new CinCensusSettings()), _time);
        // A council of one child uses too few disability codes (2887Q): a query about the return, not the child.
        var failures = (await new CinCensusValidation(export).CheckAsync(Year2026)).Where(f => f.PersonId is not null).ToList();

        failures.ShouldBeEmpty(string.Join("; ", failures.Select(f => $"{f.Code} {f.Message}")));
    }

    [Fact]
    public async Task TheNextYear_ReportsTheLaterReview_AndTheNewLatestCategory()
    {
        await ChildProtectionJourneyAsync();

        var plan = ChildWithId(await ExportAsync(new CensusYear(2027)), "NB000123").Element("CINdetails")!.Element("ChildProtectionPlans")!;

        plan.Element("LatestCategoryOfAbuse")!.Value.ShouldBe("NEG");
        plan.Element("Reviews")!.Elements("CPPreviewDate").Select(r => r.Value).ShouldBe(["2026-06-10"]);
    }

    [Fact]
    public async Task AnEpisodeEndedBeforeTheYear_IsNotReported_AndOneClosedAfterTheReferenceDate_IsOpen()
    {
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var before = new Person("Leo", "Brown", new DateOnly(2014, 6, 1), Sex.Male) { LocalChildId = "NB000200" };
            var closedLater = new Person("Ava", "Stone", new DateOnly(2012, 1, 9), Sex.Female) { LocalChildId = "NB000300" };
            db.People.AddRange(before, closedLater);
            var old = new Referral(before.Id, null, new DateOnly(2024, 5, 1), "5A", _teamId) { Status = ReferralStatus.Closed, ClosedOn = new DateOnly(2025, 3, 31), ClosureReason = "RC8" };
            var later = new Referral(closedLater.Id, null, new DateOnly(2025, 11, 3), "3A", _teamId) { Status = ReferralStatus.Closed, ClosedOn = new DateOnly(2026, 4, 2), ClosureReason = "RC1" };
            db.Referrals.AddRange(old, later);
            await db.SaveChangesAsync();
        }

        var census = await ExportAsync(Year2026);

        census.Root!.Element("Children")!.Elements("Child").Select(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value)
            .Order().ShouldBe(["NB000123", "NB000300"]);
        var open = ChildWithId(census, "NB000300").Element("CINdetails")!;
        open.Element("CINclosureDate").ShouldBeNull();
        open.Element("ReasonForClosure").ShouldBeNull();
        open.Element("ReferralNFA")!.Value.ShouldBe("false");
    }

    [Fact]
    public async Task AReferralClosedWithNothingDone_IsANoFurtherActionReferral_WithItsClosure()
    {
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var child = new Person("Ivy", "Hall", null, Sex.Unknown) { ExpectedDateOfBirth = new DateOnly(2026, 5, 20), LocalChildId = "NB000400", UpnUnknownReason = "UN1" };
            db.People.Add(child);
            db.Referrals.Add(new Referral(child.Id, null, new DateOnly(2026, 2, 2), "1C", _teamId)
                { Status = ReferralStatus.Closed, ClosedOn = new DateOnly(2026, 2, 2), ClosureReason = "RC8" });
            await db.SaveChangesAsync();
        }

        var child400 = ChildWithId(await ExportAsync(Year2026), "NB000400");

        Names(child400.Element("ChildIdentifiers")!).ShouldBe(["LAchildID", "UPNunknown", "ExpectedPersonBirthDate", "Sex"]);
        child400.Element("ChildIdentifiers")!.Element("ExpectedPersonBirthDate")!.Value.ShouldBe("2026-05-20");
        child400.Element("ChildIdentifiers")!.Element("Sex")!.Value.ShouldBe("U");
        var episode = child400.Element("CINdetails")!;
        Names(episode).ShouldBe(["CINreferralDate", "ReferralSource", "CINclosureDate", "ReasonForClosure", "ReferralNFA"]);
        episode.Element("CINclosureDate")!.Value.ShouldBe("2026-02-02");
        episode.Element("ReasonForClosure")!.Value.ShouldBe("RC8");
        episode.Element("ReferralNFA")!.Value.ShouldBe("true");
    }

    [Fact]
    public async Task ChildrenAreReadInPages_AndEachIsWrittenOnce()
    {
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            for (var i = 0; i < 7; i++)
            {
                var child = new Person($"Child{i}", "Page", new DateOnly(2015, 1, 1).AddDays(i), Sex.Male);
                db.People.Add(child);
                db.Referrals.Add(new Referral(child.Id, null, new DateOnly(2025, 6, 1).AddDays(i), "2A", _teamId));
            }
            await db.SaveChangesAsync();
        }

        var ids = (await ExportAsync(Year2026, pageSize: 3)).Root!.Element("Children")!.Elements("Child")
            .Select(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value).ToList();

        ids.Count.ShouldBe(8);
        ids.Distinct().Count().ShouldBe(8);
        ids.ShouldAllBe(id => id.Length <= 20);
    }
}
