using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.Chronology;
using Safeguard.Core.Seeding;
using Safeguard.Core.Tests.Seeding;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.Tests.Chronicling;

/// <summary>A child's chronology, read from the typed events of the demo council (whose cases were worked through the services).</summary>
public sealed class ChildChronologiesTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    private async Task<(Core.Data.SafeguardDbContext Db, Guid Child)> ChildAsync(string given, string family)
    {
        var db = demo.Database.CreateContext();
        return (db, await db.People.Where(p => p.GivenName == given && p.FamilyName == family).Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public async Task MayasChronology_TellsHerStoryFromTheContact_ToHerPlanAndVisits_LatestFirst_WithoutTheBookkeeping()
    {
        var (db, maya) = await ChildAsync("Maya", "Green");
        await using var _ = db;

        var chronology = await new ChildChronologies(db).ForChildAsync(maya, new ChronologyFilter());

        var entries = chronology.Entries;
        entries.Count.ShouldBe(chronology.Total);
        entries.Select(e => e.At).ShouldBeInOrder(SortDirection.Descending);
        var first = entries[^1];
        first.Kind.ShouldBe(ChronologyKind.Contact);
        first.Source.ShouldBe(DemoAccounts.Health);
        first.What.ShouldContain("Mother's mental health has deteriorated");
        entries[^2].Kind.ShouldBe(ChronologyKind.Decision);
        entries.Select(e => e.Kind).Distinct().ShouldBe([ChronologyKind.Contact, ChronologyKind.Decision, ChronologyKind.Allocation,
            ChronologyKind.Assessment, ChronologyKind.StrategyDiscussion, ChronologyKind.Enquiry, ChronologyKind.Conference, ChronologyKind.Plan,
            ChronologyKind.Visit], ignoreOrder: true);
        entries.Where(e => e.Kind != ChronologyKind.Contact).ShouldAllBe(e => e.Source == ChildChronologies.CouncilSource);
        entries.Where(e => e.Kind == ChronologyKind.Visit).ShouldAllBe(e => e.RecordedBy == "Grace Lee" && e.SubjectType == "CaseNote");
        var events = await db.Events.Where(e => e.PersonId == maya).Select(e => e.Type).Distinct().ToListAsync();
        events.ShouldContain(Core.Audit.RecordCreated.Name);
        events.ShouldContain(Core.Audit.RecordChanged.Name);
        entries.ShouldAllBe(e => ChronologyCatalogue.EventNames.Contains(e.EventName));
    }

    [Fact]
    public async Task AVisit_IsDatedWhenItHappened_NotWhenItWasWrittenUp()
    {
        var (db, maya) = await ChildAsync("Maya", "Green");
        await using var _ = db;
        var notes = await db.CaseNotes.Where(n => n.PersonId == maya).ToDictionaryAsync(n => n.Id, n => n.OccurredAt);

        var visits = (await new ChildChronologies(db).ForChildAsync(maya, new ChronologyFilter())).Entries.Where(e => e.Kind == ChronologyKind.Visit).ToList();

        visits.Count.ShouldBe(notes.Count);
        visits.ShouldAllBe(v => v.At == notes[v.SubjectId!.Value]);
    }

    [Fact]
    public async Task Filters_ChooseKinds_ADateRange_AndASource()
    {
        var (db, maya) = await ChildAsync("Maya", "Green");
        await using var _ = db;
        var chronologies = new ChildChronologies(db);
        var all = (await chronologies.ForChildAsync(maya, new ChronologyFilter())).Entries;

        var conferences = await chronologies.ForChildAsync(maya, new ChronologyFilter(Kinds: new HashSet<ChronologyKind> { ChronologyKind.Conference }));
        conferences.Entries.ShouldNotBeEmpty();
        conferences.Entries.ShouldAllBe(e => e.Kind == ChronologyKind.Conference);
        conferences.Total.ShouldBe(all.Count);

        var from = demo.Today.AddDays(-90);
        var lately = (await chronologies.ForChildAsync(maya, new ChronologyFilter(From: from, To: demo.Today))).Entries;
        lately.Count.ShouldBe(all.Count(e => TimeLimits.UkDay(e.At) >= from));
        lately.Count.ShouldBeLessThan(all.Count);

        var health = await chronologies.ForChildAsync(maya, new ChronologyFilter(Source: DemoAccounts.Health));
        health.Entries.ShouldHaveSingleItem().Kind.ShouldBe(ChronologyKind.Contact);
        health.Sources.ShouldBe([ChildChronologies.CouncilSource, DemoAccounts.Health], ignoreOrder: true);
    }

    [Fact]
    public async Task LilysChronology_EndsHerFirstCase_WithItsClosure_BeforeTheContactsThatFollowed()
    {
        var (db, lily) = await ChildAsync("Lily", "Harrison");
        await using var _ = db;

        var entries = (await new ChildChronologies(db).ForChildAsync(lily, new ChronologyFilter())).Entries;

        var closure = entries.Single(e => e.Kind == ChronologyKind.Closure);
        closure.What.ShouldContain("RC7");
        entries.Where(e => e.Kind == ChronologyKind.Contact).Count(e => e.At > closure.At).ShouldBe(2);
        entries.ShouldContain(e => e.Kind == ChronologyKind.Plan && e.At < closure.At);
    }

    [Theory]
    [InlineData(CaseNoteKind.Visit, ChronologyKind.Visit)]
    [InlineData(CaseNoteKind.PhoneCall, ChronologyKind.CaseNote)]
    [InlineData(CaseNoteKind.Letter, ChronologyKind.CaseNote)]
    public void ACaseNote_IsAVisitOnlyWhenItWasOne(CaseNoteKind kind, ChronologyKind expected) =>
        ChronologyCatalogue.KindOf(CaseNoteRecorded.Name, new CaseNoteRecorded(Guid.NewGuid(), kind, DateTimeOffset.UnixEpoch, true, false))
            .ShouldBe(expected);
}
