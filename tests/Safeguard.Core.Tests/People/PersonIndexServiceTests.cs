using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;
using Safeguard.Core.Records;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.People;

/// <summary>The person index against a real database: linking at intake, merge and unmerge, the sweep, search.</summary>
public sealed class PersonIndexServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static ContactIntake Intake(SafeguardDbContext db) =>
        new(db, new IndexedPersonLinker(PersonMatchingSettings.Default), WorkingDayCalendar.Default());

    private static async Task<Person> KnownAsync(SafeguardDbContext db, string given, string family, DateOnly dob, string? nhs, string line1, string postcode)
    {
        var person = new Person(given, family, dob, Sex.Female) { NhsNumber = nhs };
        person.Addresses.Add(new PersonAddress(line1, "Northbridge", postcode, new DateOnly(2020, 1, 1)));
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    [Fact]
    public async Task Link_CertainMatch_LinksToTheExistingPerson()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);
        var known = await KnownAsync(db, "Ruby", "Taylor", new DateOnly(2018, 5, 14), "9434765919", "1 High Street", "NB1 1AA");

        var recorded = await Intake(db).RecordAsync(TestData.Contact(TestData.Child("Ruby", "Taylor", nhs: "943 476 5919")));

        recorded.Children.Single().PersonId.ShouldBe(known.Id);
        recorded.Children.Single().NeedsReview.ShouldBeFalse();
        (await db.People.CountAsync()).ShouldBe(1);
        (await db.DuplicateCandidates.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Link_PossibleMatch_CreatesANewPersonAndQueuesThePairForReview()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);
        var known = await KnownAsync(db, "Ruby", "Taylor", new DateOnly(2018, 5, 14), null, "9 Mill Lane", "NB4 7QT");
        var child = TestData.Child("Rubie", "Taylor", new DateOnly(2018, 5, 14));
        var candidates = await new PersonCandidates(db).FindCandidatesAsync(child, 5);
        candidates.ShouldNotBeEmpty();
        candidates[0].PersonId.ShouldBe(known.Id);
        candidates[0].Band.ShouldBe(MatchBand.Possible);
        candidates[0].Explanation.ShouldContain(l => l.Contains("date of birth"));

        var recorded = await Intake(db).RecordAsync(TestData.Contact(child));

        var link = recorded.Children.Single();
        link.PersonId.ShouldNotBe(known.Id);
        link.NewPerson.ShouldBeTrue();
        link.NeedsReview.ShouldBeTrue();
        var queued = await db.DuplicateCandidates.SingleAsync();
        (queued.PersonId1, queued.PersonId2).ShouldBe(DuplicateCandidate.Order(known.Id, link.PersonId));
        queued.Status.ShouldBe(DuplicateStatus.Open);
        queued.FoundBy.ShouldBe(DuplicateFoundBy.Intake);
        queued.Explanation.ShouldContain("date of birth");
        (await db.People.SingleAsync(p => p.Id == known.Id)).MergedIntoPersonId.ShouldBeNull();
    }

    [Fact]
    public async Task Link_NoMatch_CreatesANewPersonWithoutReview()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);
        await KnownAsync(db, "Oscar", "Bennett", new DateOnly(2012, 1, 30), null, "4 Quay Road", "NB9 2ZZ");

        var recorded = await Intake(db).RecordAsync(TestData.Contact(TestData.Child("Ruby", "Taylor")));

        recorded.Children.Single().NewPerson.ShouldBeTrue();
        recorded.Children.Single().NeedsReview.ShouldBeFalse();
    }

    [Fact]
    public async Task Link_WorkersChoice_WinsOverTheEngine()
    {
        await using var db = _database.CreateContext(_time);
        await TestData.CreateCouncilAsync(db);
        await KnownAsync(db, "Ruby", "Taylor", new DateOnly(2018, 5, 14), "9434765919", "1 High Street", "NB1 1AA");
        var chosen = await KnownAsync(db, "Rose", "Green", new DateOnly(2016, 2, 2), null, "2 Low Street", "NB2 2BB");

        var recorded = await Intake(db).RecordAsync(TestData.Contact(TestData.Child("Ruby", "Taylor", nhs: "9434765919", personId: chosen.Id)));

        recorded.Children.Single().PersonId.ShouldBe(chosen.Id);
    }

    [Fact]
    public async Task Merge_MovesEveryLink_AndUnmergeRestoresExactly()
    {
        await using var db = _database.CreateContext(_time);
        var council = await TestData.CreateCouncilAsync(db);
        var survivor = await KnownAsync(db, "Ruby", "Taylor", new DateOnly(2018, 5, 14), null, "1 High Street", "NB1 1AA");
        var other = await KnownAsync(db, "Rubie", "Taylor", new DateOnly(2018, 5, 14), null, "9 Mill Lane", "NB4 7QT");
        var parent = await KnownAsync(db, "Anna", "Taylor", new DateOnly(1990, 3, 3), null, "9 Mill Lane", "NB4 7QT");
        var contact = await Intake(db).RecordAsync(TestData.Contact(TestData.Child(personId: other.Id)));
        var referral = new Referral(other.Id, contact.Id, new DateOnly(2026, 3, 6), "1A", council.Assessment.Id);
        db.Referrals.Add(referral);
        db.Assessments.Add(new Assessment(referral.Id, other.Id, new DateOnly(2026, 3, 6), new DateOnly(2026, 5, 8)));
        db.ChildPlans.Add(new ChildPlan(referral.Id, other.Id, PlanKind.ChildInNeed, new DateOnly(2026, 3, 6), null));
        db.PersonNames.Add(new PersonName(other.Id, PersonNameKind.Previous, "Rubie", "Smith"));
        db.PersonRelationships.Add(new PersonRelationship(other.Id, parent.Id, RelationshipKind.Parent));
        db.PersonRelationships.Add(new PersonRelationship(survivor.Id, other.Id, RelationshipKind.Sibling));
        await db.SaveChangesAsync();
        var before = await LinksAsync(db);

        var mergeId = await new PersonMerging(db).MergeAsync(survivor.Id, other.Id, "Same child: same school and mother");

        db.ChangeTracker.Clear();
        (await db.People.SingleAsync(p => p.Id == other.Id)).MergedIntoPersonId.ShouldBe(survivor.Id);
        (await db.ContactChildren.CountAsync(c => c.PersonId == other.Id)).ShouldBe(0);
        (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).PersonId.ShouldBe(survivor.Id);
        (await db.Assessments.CountAsync(a => a.PersonId == survivor.Id)).ShouldBe(1);
        (await db.ChildPlans.CountAsync(a => a.PersonId == survivor.Id)).ShouldBe(1);
        (await db.WorkItems.CountAsync(w => w.PersonId == other.Id)).ShouldBe(0);
        (await db.PersonAddresses.CountAsync(a => a.PersonId == survivor.Id)).ShouldBe(2);
        (await db.PersonNames.SingleAsync()).PersonId.ShouldBe(survivor.Id);
        (await db.PersonRelationships.CountAsync(r => r.PersonId == survivor.Id && r.RelatedPersonId == parent.Id)).ShouldBe(1);
        (await db.Events.CountAsync(e => e.Type == PersonMerged.Name && e.PersonId == survivor.Id)).ShouldBe(1);
        (await db.Events.CountAsync(e => e.Type == PersonMergedInto.Name && e.PersonId == other.Id)).ShouldBe(1);
        var view = await new PersonRecords(db).ViewAsync(survivor.Id);
        view!.History.ShouldContain(h => h.Summary.StartsWith("Contact "));
        view.Merges.Single().MergeId.ShouldBe(mergeId);

        await new PersonMerging(db).UnmergeAsync(mergeId, "Twins, not one child");

        db.ChangeTracker.Clear();
        (await LinksAsync(db)).ShouldBe(before);
        (await db.People.SingleAsync(p => p.Id == other.Id)).MergedIntoPersonId.ShouldBeNull();
        (await db.PersonMerges.SingleAsync()).UnmergedAt.ShouldNotBeNull();
        (await db.Events.CountAsync(e => e.Type == PersonUnmerged.Name)).ShouldBe(2);
    }

    private static async Task<string> LinksAsync(SafeguardDbContext db)
    {
        var rows = new List<string>();
        rows.AddRange(await db.ContactChildren.Select(x => "cc " + x.Id + " " + x.PersonId).ToListAsync());
        rows.AddRange(await db.Referrals.Select(x => "r " + x.Id + " " + x.PersonId).ToListAsync());
        rows.AddRange(await db.Assessments.Select(x => "a " + x.Id + " " + x.PersonId).ToListAsync());
        rows.AddRange(await db.ChildPlans.Select(x => "p " + x.Id + " " + x.PersonId).ToListAsync());
        rows.AddRange(await db.WorkItems.Select(x => "w " + x.Id + " " + x.PersonId).ToListAsync());
        rows.AddRange(await db.PersonAddresses.Select(x => "ad " + x.Id + " " + x.PersonId).ToListAsync());
        rows.AddRange(await db.PersonNames.Select(x => "n " + x.Id + " " + x.PersonId).ToListAsync());
        rows.AddRange(await db.PersonRelationships.Select(x => "rel " + x.Id + " " + x.PersonId + " " + x.RelatedPersonId).ToListAsync());
        rows.Sort(StringComparer.Ordinal);
        return string.Join("\n", rows);
    }

    [Fact]
    public async Task Merge_WithoutAReason_IsRefused()
    {
        await using var db = _database.CreateContext(_time);
        var a = await KnownAsync(db, "Ruby", "Taylor", new DateOnly(2018, 5, 14), null, "1 High Street", "NB1 1AA");
        var b = await KnownAsync(db, "Rubie", "Taylor", new DateOnly(2018, 5, 14), null, "1 High Street", "NB1 1AA");

        await Should.ThrowAsync<PersonIndexException>(() => new PersonMerging(db).MergeAsync(a.Id, b.Id, " "));
    }

    [Fact]
    public async Task Sweep_QueuesKnownDuplicatesOnce()
    {
        await using var db = _database.CreateContext(_time);
        var a = await KnownAsync(db, "Jack", "Reed", new DateOnly(2015, 1, 2), "9434765919", "1 High Street", "NB1 1AA");
        var b = await KnownAsync(db, "Jackie", "Reed", new DateOnly(2015, 1, 2), "9434765919", "1 High Street", "NB1 1AA");
        await KnownAsync(db, "Oscar", "Bennett", new DateOnly(2015, 6, 30), null, "4 Quay Road", "NB9 2ZZ");
        var sweep = new DuplicateSweep(db, PersonMatchingSettings.Default);

        var first = await sweep.RunAsync();
        var second = await sweep.RunAsync();

        first.Queued.ShouldBe(1);
        second.Queued.ShouldBe(0);
        var queued = await db.DuplicateCandidates.SingleAsync();
        (queued.PersonId1, queued.PersonId2).ShouldBe(DuplicateCandidate.Order(a.Id, b.Id));
        queued.FoundBy.ShouldBe(DuplicateFoundBy.Sweep);
    }

    [Fact]
    public async Task Sweep_DoesNotRequeueAPairJudgedDifferentPeople()
    {
        await using var db = _database.CreateContext(_time);
        await KnownAsync(db, "Jack", "Reed", new DateOnly(2015, 1, 2), null, "1 High Street", "NB1 1AA");
        await KnownAsync(db, "Jack", "Reed", new DateOnly(2015, 1, 2), null, "1 High Street", "NB1 1AA");
        var sweep = new DuplicateSweep(db, PersonMatchingSettings.Default);
        await sweep.RunAsync();
        var pair = await db.DuplicateCandidates.SingleAsync();
        await new DuplicateReview(db).NotDuplicateAsync(pair.Id, "Twins");

        (await sweep.RunAsync()).Queued.ShouldBe(0);
        (await db.DuplicateCandidates.SingleAsync()).Status.ShouldBe(DuplicateStatus.NotDuplicate);
    }

    [Theory]
    [InlineData("Jon Smyth")]
    [InlineData("smith")]
    [InlineData("Jo Smi")]
    [InlineData("john smith 14/05/2018")]
    [InlineData("NB1 1AA")]
    [InlineData("943 476 5919")]
    public async Task Search_FindsFuzzyNamesAndIdentifiers(string text)
    {
        await using var db = _database.CreateContext(_time);
        var john = await KnownAsync(db, "John", "Smith", new DateOnly(2018, 5, 14), "9434765919", "1 High Street", "NB1 1AA");
        await KnownAsync(db, "Oscar", "Bennett", new DateOnly(2015, 6, 30), null, "4 Quay Road", "NB9 2ZZ");

        var results = await new PersonRecords(db).SearchAsync(text);

        results.Select(r => r.Id).ShouldBe([john.Id]);
    }
}
