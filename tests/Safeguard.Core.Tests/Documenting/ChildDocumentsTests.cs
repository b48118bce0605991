using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Chronology;
using Safeguard.Core.Documents;
using Safeguard.Core.Records;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Tests.Seeding;

namespace Safeguard.Core.Tests.Documenting;

/// <summary>A child's chronology and case summary as PDFs, from the demo council, read back with PdfPig.</summary>
public sealed class ChildDocumentsTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    private const string Council = DemoAccounts.CouncilName;

    private static readonly Actor Hannah = new(Guid.NewGuid(), "Hannah Wright");

    private Core.Data.SafeguardDbContext Context() => demo.Database.CreateContext(demo.Time, Hannah);

    private static ChildDocuments Documents(Core.Data.SafeguardDbContext db) =>
        new(db, new ChildChronologies(db), new PersonRecords(db), new ChildStatuses(db, new Core.Oversight.ChildAlerts(db)), db.Time);

    private async Task<Core.People.Person> ChildAsync(string given, string family)
    {
        await using var db = Context();
        return await db.People.AsNoTracking().SingleAsync(p => p.GivenName == given && p.FamilyName == family);
    }

    [Fact]
    public async Task MayasChronology_HasATitlePage_TheMarkingAndPageNumbersOnEveryPage_AndEveryEntry()
    {
        var maya = await ChildAsync("Maya", "Green");
        await using var db = Context();
        var entries = (await new ChildChronologies(db).ForChildAsync(maya.Id, new ChronologyFilter())).Entries;

        var document = (await Documents(db).ChronologyAsync(maya.Id, [], new ChronologyFilter(), Council)).ShouldNotBeNull();

        document.FileName.ShouldBe($"chronology-green-{demo.Today:yyyy-MM-dd}.pdf");
        var pages = PdfText.Pages(document.Content);
        pages.Count.ShouldBeGreaterThan(1);
        var title = pages[0];
        title.ShouldContain("Chronology");
        title.ShouldContain("Maya Green");
        title.ShouldContain(maya.DateOfBirth!.Value.ToString("d MMMM yyyy"));
        title.ShouldContain(Core.People.Identifiers.NhsNumber.Parse(maya.NhsNumber!).ToString());
        title.ShouldContain(maya.Id.ToString());
        title.ShouldContain(Council);
        title.ShouldContain("Produced by Hannah Wright");
        title.ShouldContain($"{entries.Count}, the latest first");
        title.ShouldContain("Page 1 of " + pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain(DocumentMarking.Official);
            pages[i].ShouldContain($"Page {i + 1} of {pages.Count}");
            pages[i].ShouldContain("Chronology: Maya Green");
            pages[i].ShouldNotContain(DocumentMarking.Restricted);
        }
        var body = string.Join(" ", pages.Skip(1));
        body.ShouldContain("Mother's mental health has deteriorated");
        foreach (var kind in entries.Select(e => ChronologyWording.Of(e.Kind)).Distinct()) body.ShouldContain(kind);
        foreach (var recorder in entries.Select(e => e.RecordedBy).Distinct()) body.ShouldContain($"Recorded by: {recorder}");
        entries.Count(e => body.Contains(ChronologyWording.When(e))).ShouldBe(entries.Count);
        PdfText.EverythingOnThePage(document.Content).ShouldBeTrue();
        PdfText.NothingOverlaps(document.Content).ShouldBeTrue();

        var downloaded = await db.Events.SingleAsync(e => e.Type == ChronologyDownloaded.Name && e.PersonId == maya.Id && e.ActorName == "Hannah Wright"
            && e.OccurredAt == demo.Time.GetUtcNow());
        Core.Audit.EventCatalogue.Read(downloaded.Type, downloaded.Data).ShouldBe(new ChronologyDownloaded(entries.Count, "", false));
        // A download is a reading of the record, audited but not a change: the record's change history leaves it out.
        (await new PersonRecords(db).ViewAsync(maya.Id))!.History.ShouldNotContain(h => h.Type == ChronologyDownloaded.Name);
    }

    [Fact]
    public async Task AFilteredChronology_HoldsOnlyWhatWasChosen_AndSaysSoOnItsTitlePage()
    {
        var maya = await ChildAsync("Maya", "Green");
        await using var db = Context();
        var filter = new ChronologyFilter(Kinds: new HashSet<ChronologyKind> { ChronologyKind.Conference });
        var chosen = await new ChildChronologies(db).ForChildAsync(maya.Id, filter);

        var document = (await Documents(db).ChronologyAsync(maya.Id, [], filter, Council)).ShouldNotBeNull();

        var pages = PdfText.Pages(document.Content);
        pages[0].ShouldContain($"Entries {chosen.Entries.Count} of {chosen.Total}, the latest first");
        pages[0].ShouldContain("Filters Conference");
        var body = string.Join(" ", pages.Skip(1));
        body.ShouldContain("Conference");
        body.ShouldNotContain("Strategy discussion");
        body.ShouldNotContain("Mother's mental health has deteriorated");
    }

    [Fact]
    public async Task ARestrictedChildsChronology_IsMarkedRestrictedOnEveryPage()
    {
        var rosie = await ChildAsync("Rosie", "Bennett");
        await using var db = Context();

        var document = (await Documents(db).ChronologyAsync(rosie.Id, [], new ChronologyFilter(), Council)).ShouldNotBeNull();

        var pages = PdfText.Pages(document.Content);
        pages.ShouldAllBe(p => p.Contains($"{DocumentMarking.Official} - {DocumentMarking.Restricted}"));
        pages[0].ShouldContain("Only the people on this child's access list may see this record");
    }

    [Fact]
    public async Task ALongEntry_IsWrappedWithinThePage_AndCarriedOnToTheNextPages()
    {
        var ellie = await ChildAsync("Ellie", "Watson");
        // Within the 2,000 characters an event's summary column holds (on PostgreSQL, which enforces it).
        var words = string.Join("\n", Enumerable.Range(1, 200).Select(i => $"line{i}")) + "\n"
            + string.Join(" ", Enumerable.Range(1, 40).Select(i => $"word{i}")) + " " + new string('x', 200);
        await using var db = Context();
        (await new SignificantEvents(db).AddAsync(ellie.Id, new SignificantEventInput(demo.Time.GetUtcNow().AddDays(-1), words, "A long letter")))
            .ShouldBe(SignificanceResult.Saved);

        var document = (await Documents(db).ChronologyAsync(ellie.Id, [], new ChronologyFilter(SignificantOnly: true), Council)).ShouldNotBeNull();

        var pages = PdfText.Pages(document.Content);
        pages.Count.ShouldBeGreaterThanOrEqualTo(3);
        var body = string.Join(" ", pages.Skip(1));
        body.ShouldContain("line1 line2 line3");
        body.ShouldContain("line200 word1 word2");
        body.ShouldContain("word40");
        PdfText.EverythingOnThePage(document.Content).ShouldBeTrue();
        pages.Last().ShouldContain($"Page {pages.Count} of {pages.Count}");
    }

    [Fact]
    public async Task MayasCaseSummary_HoldsHerIdentifiers_StatusAndWorker_Household_AndSignificantEntries_AndIsAudited()
    {
        var maya = await ChildAsync("Maya", "Green");
        await using (var mark = Context())
        {
            var contact = (await new ChildChronologies(mark).ForChildAsync(maya.Id, new ChronologyFilter())).Entries.Last();
            (await new SignificantEvents(mark).MarkAsync(maya.Id, contact.EventId, "The first sign of the mother's illness"))
                .ShouldBe(SignificanceResult.Saved);
        }
        await using var db = Context();
        var status = await new ChildStatuses(db, new Core.Oversight.ChildAlerts(db)).ForChildAsync(maya.Id);
        var record = (await new PersonRecords(db).ViewAsync(maya.Id))!;

        var document = (await Documents(db).CaseSummaryAsync(maya.Id, Council)).ShouldNotBeNull();

        document.FileName.ShouldBe($"case-summary-green-{demo.Today:yyyy-MM-dd}.pdf");
        var pages = PdfText.Pages(document.Content);
        pages[0].ShouldContain("Case summary");
        pages[0].ShouldContain("Maya Green");
        pages[0].ShouldContain(maya.Id.ToString());
        pages.ShouldAllBe(p => p.Contains(DocumentMarking.Official) && !p.Contains(DocumentMarking.Restricted));
        var body = string.Join(" ", pages.Skip(1));
        body.ShouldContain("Current plans and status");
        foreach (var open in status.Cases.Where(c => c.WorkerName is not null)) body.ShouldContain($"Allocated to {open.WorkerName} ({open.TeamName})");
        status.Plans.ShouldNotBeEmpty();
        body.ShouldContain("Child protection plan");
        body.ShouldContain("Family and household");
        foreach (var member in record.Household) body.ShouldContain(member.Name);
        body.ShouldContain("Significant: The first sign of the mother's illness");
        PdfText.NothingOverlaps(document.Content).ShouldBeTrue();
        (await db.Events.CountAsync(e => e.Type == CaseSummaryDownloaded.Name && e.PersonId == maya.Id)).ShouldBe(1);
    }

    [Fact]
    public void ALabelTooWideForItsColumn_HasALineOfItsOwn_SoNothingIsWrittenOverIt()
    {
        using var doc = new PagedDocument("Test", DocumentMarking.Official, "Test foot", demo.Time.GetUtcNow());
        doc.Field("Christopher Alexander Montgomery-Fotheringham", "Lives at the same address; brother (half-sibling) of the child");
        doc.Field("Short label", "A value long enough to wrap onto a second line of its column, " + string.Join(" ", Enumerable.Repeat("and more", 30)));

        var pdf = doc.Finish();

        PdfText.NothingOverlaps(pdf).ShouldBeTrue();
        PdfText.Pages(pdf)[0].ShouldContain("Christopher Alexander Montgomery-Fotheringham Lives at the same address");
    }

    [Theory]
    [InlineData("Green", "chronology-green-2026-03-02.pdf")]
    [InlineData("O'Brien-Smith", "chronology-o-brien-smith-2026-03-02.pdf")]
    [InlineData("Zoë Ålund", "chronology-zoë-ålund-2026-03-02.pdf")]
    [InlineData("../..", "chronology-child-2026-03-02.pdf")]
    public void AFileName_IsWhatItIs_TheSurnamesLettersAndDigitsOnly_AndTheDay(string surname, string expected) =>
        ChildDocuments.FileName("chronology", surname, new DocumentOrigin(Council, "Hannah Wright", new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero)))
            .ShouldBe(expected);
}
