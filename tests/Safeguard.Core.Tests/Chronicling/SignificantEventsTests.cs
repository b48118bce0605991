using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Chronology;
using Safeguard.Core.Records;
using Safeguard.Core.Security;
using Safeguard.Core.Tests.Seeding;

namespace Safeguard.Core.Tests.Chronicling;

/// <summary>Marking chronology entries significant and adding significant events, on the demo council; and the family chronology.</summary>
public sealed class SignificantEventsTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    private static readonly Actor Hannah = new(Guid.NewGuid(), "Hannah Wright");

    private Core.Data.SafeguardDbContext Context(Actor? actor = null) => demo.Database.CreateContext(demo.Time, actor ?? Hannah);

    private async Task<Guid> ChildAsync(string given, string family)
    {
        await using var db = Context();
        return await db.People.Where(p => p.GivenName == given && p.FamilyName == family).Select(p => p.Id).SingleAsync();
    }

    private async Task<ChronologyEntry> EntryAsync(Guid child, ChronologyKind kind)
    {
        await using var db = Context();
        return (await new ChildChronologies(db).ForChildAsync(child, new ChronologyFilter())).Entries.First(e => e.Kind == kind);
    }

    [Fact]
    public async Task MarkingAnEntry_KeepsTheReasonWhoAndWhen_AndTheSignificantFilterShowsIt()
    {
        var ellie = await ChildAsync("Ellie", "Watson");
        var contact = await EntryAsync(ellie, ChronologyKind.Contact);

        await using (var db = Context())
        {
            (await new SignificantEvents(db).MarkAsync(ellie, contact.EventId, "  First report of hunger at school  ")).ShouldBe(SignificanceResult.Saved);
        }

        await using var read = Context();
        var significant = (await new ChildChronologies(read).ForChildAsync(ellie, new ChronologyFilter(SignificantOnly: true))).Entries;
        var marked = significant.ShouldHaveSingleItem();
        marked.EventId.ShouldBe(contact.EventId);
        marked.Significant.ShouldBe(new Significance("First report of hunger at school", "Hannah Wright", demo.Time.GetUtcNow()));
    }

    [Fact]
    public async Task AnEntryIsMarkedOnce_ASecondMarkIsRefused_AndAnotherChildsEntryIsNotFound()
    {
        var jayden = await ChildAsync("Jayden", "Watson");
        var maya = await ChildAsync("Maya", "Green");
        var contact = await EntryAsync(jayden, ChronologyKind.Contact);
        await using var db = Context();
        var marks = new SignificantEvents(db);

        (await marks.MarkAsync(jayden, contact.EventId, "Sibling of a child referred")).ShouldBe(SignificanceResult.Saved);
        (await marks.MarkAsync(jayden, contact.EventId, "Again")).ShouldBe(SignificanceResult.AlreadyMarked);
        (await marks.MarkAsync(maya, contact.EventId, "Not hers")).ShouldBe(SignificanceResult.NotFound);
        (await marks.MarkAsync(jayden, long.MaxValue, "No such entry")).ShouldBe(SignificanceResult.NotFound);
        var blank = await marks.MarkAsync(jayden, (await EntryAsync(jayden, ChronologyKind.Decision)).EventId, "   ");
        blank.Outcome.ShouldBe(SignificanceOutcome.Invalid);
        blank.Errors.ShouldBe([("Reason", "Enter why this is significant")]);
    }

    [Fact]
    public async Task TwoPeopleMarkingAtOnce_OneIsKept_TheOtherIsToldToLookAgain()
    {
        var harvey = await ChildAsync("Harvey", "Collins");
        var contact = await EntryAsync(harvey, ChronologyKind.Contact);
        await using var first = Context();
        await using var second = Context(new Actor(Guid.NewGuid(), "Sophie Turner"));
        // Both have read the child's record before either saves.
        await first.People.SingleAsync(p => p.Id == harvey);
        await second.People.SingleAsync(p => p.Id == harvey);

        var results = await Task.WhenAll(new SignificantEvents(first).MarkAsync(harvey, contact.EventId, "Missed health checks"),
            new SignificantEvents(second).MarkAsync(harvey, contact.EventId, "Sores seen by the health visitor"));

        results.Count(r => r == SignificanceResult.Saved).ShouldBe(1);
        results.Count(r => r == SignificanceResult.ChangedElsewhere || r == SignificanceResult.AlreadyMarked).ShouldBe(1);
        await using var read = Context();
        (await read.Events.CountAsync(e => e.PersonId == harvey && e.Type == ChronologyEntryMarkedSignificant.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task AnAddedEvent_IsInTheChronologyOnTheDayItHappened_Significant_WithItsSource()
    {
        var poppy = await ChildAsync("Poppy", "Walsh");
        var happened = demo.Time.GetUtcNow().AddDays(-3);
        await using (var db = Context())
        {
            (await new SignificantEvents(db).AddAsync(poppy, new SignificantEventInput(happened,
                " Poppy taken to A&E with a cut head; mother says she fell. ", " Phone call from the hospital safeguarding nurse "))).ShouldBe(SignificanceResult.Saved);
        }

        await using var read = Context();
        var entry = (await new ChildChronologies(read).ForChildAsync(poppy, new ChronologyFilter())).Entries.Single(e => e.Kind == ChronologyKind.Added);
        entry.At.ShouldBe(happened);
        entry.What.ShouldBe("Poppy taken to A&E with a cut head; mother says she fell.");
        entry.Source.ShouldBe("Phone call from the hospital safeguarding nurse");
        entry.RecordedBy.ShouldBe("Hannah Wright");
        entry.Significant!.Reason.ShouldBe(ChildChronologies.AddedReason);
    }

    [Fact]
    public void WhatAnAddedEventNeeds_IsSaidAllAtOnce()
    {
        var now = demo.Time.GetUtcNow();

        SignificantEvents.Check(new SignificantEventInput(null, " ", null), now).Select(e => e.Field).ShouldBe(["HappenedOn", "What", "Source"]);
        SignificantEvents.Check(new SignificantEventInput(now.AddDays(1), "x", "y"), now)
            .ShouldBe([("HappenedOn", "It must have happened already: enter today or a day before")]);
        SignificantEvents.Check(new SignificantEventInput(now, new string('a', SignificantEvents.WhatMaxLength + 1), "y"), now)
            .ShouldBe([("What", "This must be 4,000 characters or fewer")]);
        SignificantEvents.Check(new SignificantEventInput(now, "x", "y"), now).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheFamilyChronology_MergesTheHouseholdsChildren_EachEntryLabelledByChild()
    {
        var ellie = await ChildAsync("Ellie", "Watson");
        var jayden = await ChildAsync("Jayden", "Watson");
        await using var db = Context();

        var household = await new PersonRecords(db).HouseholdChildrenAsync(ellie);
        household.Select(h => h.PersonId).ShouldBe([jayden]);
        var chronology = await new ChildChronologies(db).ForChildrenAsync([(ellie, "Ellie Watson"), (jayden, "Jayden Watson")], new ChronologyFilter());

        chronology.Entries.Select(e => e.Child).Distinct().ShouldBe(["Ellie Watson", "Jayden Watson"], ignoreOrder: true);
        chronology.Entries.Select(e => e.At).ShouldBeInOrder(SortDirection.Descending);
        chronology.Entries.Where(e => e.Child == "Jayden Watson").ShouldAllBe(e => e.ChildId == jayden);
    }

    [Fact]
    public async Task ARecordMergedIntoTheChilds_BringsItsStoryWithIt_AndItsEntriesCanBeMarked()
    {
        var isla = await ChildAsync("Isla", "Murphy");
        var duplicate = new Core.People.Person("Isla", "Murphey", new DateOnly(2021, 1, 5), Core.People.Sex.Female);
        await using (var db = Context())
        {
            db.People.Add(duplicate);
            await db.SaveChangesAsync();
            (await new SignificantEvents(db).AddAsync(duplicate.Id, new SignificantEventInput(demo.Time.GetUtcNow().AddDays(-2),
                "Seen at the walk-in centre with a cut hand", "GP letter"))).ShouldBe(SignificanceResult.Saved);
            duplicate.MergedIntoPersonId = isla;
            await db.SaveChangesAsync();
        }

        await using var read = Context();
        var entry = (await new ChildChronologies(read).ForChildAsync(isla, new ChronologyFilter())).Entries.Single(e => e.Kind == ChronologyKind.Added);
        entry.What.ShouldBe("Seen at the walk-in centre with a cut hand");
        entry.Child.ShouldBe("Isla Murphy");
        var contact = (await new ChildChronologies(read).ForChildAsync(isla, new ChronologyFilter())).Entries.First(e => e.Kind == ChronologyKind.Contact);
        (await new SignificantEvents(read).MarkAsync(isla, contact.EventId, "Her first contact")).ShouldBe(SignificanceResult.Saved);
    }

    [Fact]
    public async Task AnAddedEventAsLongAsTheFormAllows_IsSaved_AndReadBackWhole()
    {
        var oliver = await ChildAsync("Oliver", "Price");
        var what = string.Concat(Enumerable.Repeat("Seen at A&E with a cut to his forehead. ", 100))[..SignificantEvents.WhatMaxLength].TrimEnd();

        await using (var db = Context())
        {
            (await new SignificantEvents(db).AddAsync(oliver, new SignificantEventInput(demo.Time.GetUtcNow().AddDays(-1), what, "Hospital", AddedEventKind.Injury)))
                .ShouldBe(SignificanceResult.Saved);
        }

        await using var read = Context();
        var entry = (await new ChildChronologies(read).ForChildAsync(oliver, new ChronologyFilter())).Entries.First(e => e.Kind == ChronologyKind.Added);
        entry.What.ShouldBe($"Injury: {what}");
    }
}
