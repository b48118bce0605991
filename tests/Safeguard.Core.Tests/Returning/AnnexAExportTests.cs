using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.AnnexA;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Returning;

/// <summary>
/// Ofsted's Annex A for 1 September 2025 to 31 March 2026 from a small council built on a real database of either
/// provider, opened with the Open XML SDK: the sheets, Ofsted's headings, a child's coded values and dates, and who is in
/// the period and who is not.
/// </summary>
public sealed class AnnexAExportTests : IAsyncLifetime
{
    private static readonly ReturnPeriod Period = new(new DateOnly(2025, 9, 1), new DateOnly(2026, 3, 31));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 2, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private string _team = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using var db = _database.CreateContext(_time, Actor.System);
        var council = await TestData.CreateCouncilAsync(db);
        _team = council.Assessment.Name;
        var sam = await AllocationTestData.StaffAsync(db, "Sam Okafor", Roles.SocialWorker, council.Assessment.Id);
        var police = new Organisation("Annex Police " + Guid.NewGuid().ToString("N")[..6], OrganisationKind.Police);
        db.Organisations.Add(police);

        var maya = new Person("Maya", "Green", new DateOnly(2017, 4, 2), Sex.Female) { LocalChildId = "NB1", Ethnicity = "WBRI", Disabilities = "NONE" };
        var leo = new Person("Leo", "Green", new DateOnly(2012, 11, 30), Sex.Male) { LocalChildId = "NB2", Ethnicity = "BAFR", Disabilities = "MOB" };
        var zoe = new Person("Zoe", "Hart", new DateOnly(2015, 1, 1), Sex.Female) { LocalChildId = "NB3" };
        var ava = new Person("Ava", "Hart", new DateOnly(2016, 1, 1), Sex.Female) { LocalChildId = "NB4" };
        db.People.AddRange(maya, leo, zoe, ava);

        // Contacts: Zoe's the evening before the period (UK time), Ava's the last evening of it (23:30 BST), Maya's inside.
        db.Contacts.Add(ContactAbout(zoe, new DateTimeOffset(2025, 8, 31, 22, 30, 0, TimeSpan.Zero), police));
        db.Contacts.Add(ContactAbout(ava, new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero), police));
        db.Contacts.Add(ContactAbout(maya, new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero), police));

        // Maya: referred by the police on 1 October 2025 (and once before, in March 2025), assessed, on a CIN plan.
        var earlier = new Referral(maya.Id, null, new DateOnly(2025, 3, 10), "2A", council.Assessment.Id);
        earlier.Close(new DateOnly(2025, 4, 1), "RC8", "No further action after assessment");
        var referral = new Referral(maya.Id, null, new DateOnly(2025, 10, 1), "6", council.Assessment.Id) { PrimaryNeedCode = "N1", AllocatedWorkerId = sam.Id };
        db.Referrals.AddRange(earlier, referral);
        db.Assessments.Add(new Assessment(referral.Id, maya.Id, new DateOnly(2025, 10, 2), new DateOnly(2025, 12, 3))
        {
            ChildSeenOn = new DateOnly(2025, 10, 3), CompletedOn = new DateOnly(2025, 10, 20), AuthorisedOn = new DateOnly(2025, 10, 21),
            Outcome = AssessmentOutcome.ChildInNeedPlan,
        });
        db.ChildPlans.Add(new ChildPlan(referral.Id, maya.Id, PlanKind.ChildInNeed, new DateOnly(2025, 10, 22), null));
        // Maya's visits: seen on 10 February; not seen on 1 March; seen at 00:30 BST on 1 April, after the period (UK days).
        db.CaseNotes.Add(Visit(maya, new DateTimeOffset(2026, 2, 10, 15, 0, 0, TimeSpan.Zero), seen: true, alone: true, sam.Id));
        db.CaseNotes.Add(Visit(maya, new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero), seen: false, alone: false, sam.Id));
        db.CaseNotes.Add(Visit(maya, new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero), seen: true, alone: true, sam.Id));
        // Maya has been accommodated under section 20 since 1 February (still, as at the period's end).
        db.LookedAfterPeriods.Add(new LookedAfterPeriod(maya.Id, new DateOnly(2026, 2, 1), LookedAfterLegalStatus.AccommodatedUnderSection20));

        // Leo: referred before the period, a child protection plan (his second) open through it.
        var leos = new Referral(leo.Id, null, new DateOnly(2025, 7, 1), "1A", council.Assessment.Id) { PrimaryNeedCode = "N1" };
        db.Referrals.Add(leos);
        var enquiry = new Section47Enquiry(leo.Id, leos.Id, new DateOnly(2025, 9, 2)) { InitialConferenceTargetOn = new DateOnly(2025, 9, 23) };
        enquiry.End(new DateOnly(2025, 9, 10), Section47Outcome.InitialChildProtectionConference);
        db.Section47Enquiries.Add(enquiry);
        db.ChildPlans.Add(new ChildPlan(leos.Id, leo.Id, PlanKind.ChildProtection, new DateOnly(2025, 9, 20), "neglect", number: 2));
        // Leo's visits on the plan: seen alone in October, seen (not alone) on 20 March, not seen on 25 March.
        db.CaseNotes.Add(Visit(leo, new DateTimeOffset(2025, 10, 1, 10, 0, 0, TimeSpan.Zero), seen: true, alone: true, sam.Id));
        db.CaseNotes.Add(Visit(leo, new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero), seen: true, alone: false, sam.Id));
        db.CaseNotes.Add(Visit(leo, new DateTimeOffset(2026, 3, 25, 10, 0, 0, TimeSpan.Zero), seen: false, alone: false, sam.Id));
        // In police protection for most of September 2025: ended the day before the six months to 31 March 2026 began.
        var protection = new LookedAfterPeriod(leo.Id, new DateOnly(2025, 9, 1), LookedAfterLegalStatus.PoliceProtection);
        protection.End(new DateOnly(2025, 9, 30));
        db.LookedAfterPeriods.Add(protection);

        // Zoe: a referral that closed before the period.
        var zoes = new Referral(zoe.Id, null, new DateOnly(2025, 5, 1), "2A", council.Assessment.Id);
        zoes.Close(new DateOnly(2025, 8, 1), "RC8", "No further action");
        db.Referrals.Add(zoes);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private static Contact ContactAbout(Person child, DateTimeOffset at, Organisation from)
    {
        var contact = new Contact("AX-" + Guid.NewGuid().ToString("N")[..8], at, ContactChannel.FrontDoor, "Worried") { ReferringOrganisationId = from.Id };
        contact.Children.Add(new ContactChild(child.Id));
        return contact;
    }

    private static CaseNote Visit(Person child, DateTimeOffset at, bool seen, bool alone, Guid by) =>
        new(child.Id, CaseNoteKind.Visit, at, "Child and mother", "Home visit", by) { ChildSeen = seen, ChildSeenAlone = seen ? alone : false };

    private async Task<Dictionary<string, List<List<string?>>>> ExportAsync(int pageSize = 2)
    {
        await using var db = _database.CreateContext(_time, Actor.System);
        var (_, xlsx) = await new AnnexAExport(db) { PageSize = pageSize }.BuildAsync(Period);
        return Read(xlsx);
    }

    /// <summary>Each sheet's rows as text: dates as yyyy-MM-dd (checked to be Excel dates with the date style), blanks null.</summary>
    private static Dictionary<string, List<List<string?>>> Read(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, List<List<string?>>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            result[sheet.Name!] = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToList()).ToList();
        }
        return result;
    }

    private static string? Text(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString!.InnerText;
        if (cell.CellValue is null) return null;
        if (cell.StyleIndex?.Value == AnnexAWorkbook.DateStyle)
            return DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cell.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture))).ToString("yyyy-MM-dd");
        cell.DataType?.Value.ShouldBe(CellValues.Number);
        return "#" + cell.CellValue.Text;
    }

    [Fact]
    public async Task TheWorkbook_HasOneSheetPerList_WithOfstedsHeadings()
    {
        var sheets = await ExportAsync();

        sheets.Keys.ShouldBe(["List 1", "List 2", "List 3", "List 4", "List 5", "List 6", "List 7"]);
        string[] child = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"];
        sheets["List 1"][0].ShouldBe([.. child, "Date of Contact", "Contact Source"]);
        sheets["List 2"][0].ShouldBe([.. child, "Assessment start date", "Assessment completion date", "Organisation completing assessment"]);
        sheets["List 3"][0].ShouldBe([.. child, "Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months",
            "Allocated Team", "Allocated Worker"]);
        sheets["List 4"][0].ShouldBe([.. child, "Does the Child have a Disability", "Continuous Assessment Start Date",
            "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation",
            "Was the child assessed as requiring LA children's social care support?", "Allocated Team", "Allocated Worker"]);
        sheets["List 5"][0].ShouldBe([.. child, "Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
            "Did the Initial Child Protection Conference Result in a Child Protection Plan", "Number of Section 47 Enquiries in the last 12 months",
            "Number of ICPCs in the last 12 months", "Allocated Team", "Allocated Worker"]);
        sheets["List 6"][0].ShouldBe([.. child, "Does the Child have a Disability", "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
            "CIN Closure Date", "Reason for Closure", "Case Status", "Allocated Team", "Allocated Worker"]);
        sheets["List 7"][0].ShouldBe([.. child, "Does the Child have a Disability", "Child Protection Plan Start Date", "Initial Category of Abuse",
            "Latest Category of Abuse", "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference",
            "Child Protection Plan End Date", "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
            "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker"]);
        sheets["List 2"].Count.ShouldBe(1);
    }

    [Fact]
    public async Task AChildsRows_CarryTheCodedValuesAndRealDates()
    {
        var sheets = await ExportAsync();

        string?[] maya = ["NB1", "b) Female", "a) WBRI", "2017-04-02", "#8"];
        sheets["List 3"].Skip(1).ShouldHaveSingleItem().ShouldBe([.. maya, "2025-10-01", "q) 6: Police", "b) No", "#2", _team, "Sam Okafor"]);
        sheets["List 4"].Skip(1).ShouldHaveSingleItem().ShouldBe([.. maya, "b) No", "2025-10-02", "a) Yes", "2025-10-21", "a) Yes", _team, "Sam Okafor"]);
        sheets["List 6"].Skip(1).Single(r => r[0] == "NB1")
            .ShouldBe([.. maya, "b) No", "2025-10-01", "N1 - Abuse or neglect", "2026-02-10", null, null, "a) Looked after child", _team, "Sam Okafor"]);

        string?[] leo = ["NB2", "a) Male", "o) BAFR", "2012-11-30", "#13", "a) Yes"];
        sheets["List 5"].Skip(1).ShouldHaveSingleItem().ShouldBe([.. leo, "2025-09-02", null, null, null, "#1", "#0", _team, null]);
        sheets["List 7"].Skip(1).ShouldHaveSingleItem()
            .ShouldBe([.. leo, "2025-09-20", "a) Neglect", "a) Neglect", "2026-03-20", "b) No", null, null, "b) No", "#1", _team, null]);
        // Leo's police protection ended before the period's end: his episode's status is his plan's, not looked after.
        sheets["List 6"].Skip(1).Single(r => r[0] == "NB2")[11].ShouldBe("b) Child Protection plan");
    }

    [Fact]
    public async Task EmergencyProtection_IsYes_WhenInForceInTheSixMonthsToTheLastDay()
    {
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            var leo = await db.People.SingleAsync(p => p.LocalChildId == "NB2");
            var order = new LookedAfterPeriod(leo.Id, new DateOnly(2025, 9, 28), LookedAfterLegalStatus.EmergencyProtectionOrder);
            order.End(new DateOnly(2025, 10, 1));
            db.LookedAfterPeriods.Add(order);
            await db.SaveChangesAsync();
        }

        var sheets = await ExportAsync();

        sheets["List 7"].Skip(1).ShouldHaveSingleItem()[13].ShouldBe("a) Yes");
    }

    [Fact]
    public async Task LastSeen_FallsBackToTheAssessment_AndTheStatutoryVisitIsBlankWithoutOne()
    {
        await using (var db = _database.CreateContext(_time, Actor.System))
        {
            db.CaseNotes.RemoveRange(db.CaseNotes);
            await db.SaveChangesAsync();
        }

        var sheets = await ExportAsync();

        // Maya's assessment records seeing her on 3 October.
        sheets["List 6"].Skip(1).Single(r => r[0] == "NB1")[8].ShouldBe("2025-10-03");
        sheets["List 6"].Skip(1).Single(r => r[0] == "NB2")[8].ShouldBeNull();
        var leo = sheets["List 7"].Skip(1).ShouldHaveSingleItem();
        (leo[9], leo[10]).ShouldBe((null, null));
    }

    [Fact]
    public async Task TheLists_TakeWhatIsInThePeriod_AndNoOneElse()
    {
        var sheets = await ExportAsync();

        // The contact the evening before --from is out; the one late on --to is in.
        sheets["List 1"].Skip(1).Select(r => (r[0], r[5], r[6])).ShouldBe([("NB1", "2025-10-01", "q) 6: Police"), ("NB4", "2026-03-31", "q) 6: Police")]);
        // Leo's referral came before the period: not in list 3, but his episode is open in it (list 6).
        sheets["List 3"].Skip(1).Select(r => r[0]).ShouldBe(["NB1"]);
        sheets["List 6"].Skip(1).Select(r => r[0]).Order().ShouldBe(["NB1", "NB2"]);
        // Zoe: a contact the day before and a referral closed before the period: in no list.
        sheets.Values.SelectMany(rows => rows.Skip(1)).ShouldAllBe(r => r[0] != "NB3");
    }

    [Fact]
    public async Task AnExport_IsAudited()
    {
        await ExportAsync();

        await using var db = _database.CreateContext(_time, Actor.System);
        (await db.Events.CountAsync(e => e.Type == AnnexAExported.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task AChildAPage_GivesTheSameRows_AsAllChildrenInOnePage()
    {
        var onePage = await ExportAsync(pageSize: 100);
        var childAPage = await ExportAsync(pageSize: 1);

        childAPage.Keys.ShouldBe(onePage.Keys);
        foreach (var (sheet, rows) in onePage) childAPage[sheet].ShouldBe(rows, sheet);
        onePage["List 6"].Count.ShouldBe(3);
    }
}
