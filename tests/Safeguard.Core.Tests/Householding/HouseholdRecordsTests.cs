using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Householding;

/// <summary>
/// Changes of household, carers and address, on both databases: each is a typed event saved with the change (and
/// nothing of either when the change is refused), read by the chronology as "Household and address" on the day it
/// happened.
/// </summary>
public sealed class HouseholdRecordsTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateOnly LivedThereFrom = new(2024, 6, 1);

    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private SafeguardDbContext Context() => _database.CreateContext(_time);

    private static PersonFamilyRecords Family(SafeguardDbContext db) => new(db, new ExactPersonLinker());

    /// <summary>A child living at 5 Elm Close since 1 June 2024.</summary>
    private async Task<(Guid Id, int Version)> ChildAsync(string given = "Maisie")
    {
        await using var db = Context();
        var child = new Person(given, "Hart", new DateOnly(2019, 4, 12), Sex.Female);
        child.Addresses.Add(new PersonAddress("5 Elm Close", "Northbridge", "NB2 3EF", LivedThereFrom));
        db.People.Add(child);
        await db.SaveChangesAsync();
        return (child.Id, child.Version);
    }

    private static AddressInput Move(DateOnly? on = null, string line1 = "12 Oak Road", string town = "Northbridge", string postcode = "nb1 4qt") =>
        new(line1, town, postcode, on ?? new DateOnly(2026, 2, 20));

    private static NewChild Relative(string given, string family) =>
        new(LinkChoice.NotChosen, given, family, new DateOnly(1988, 2, 14), null, Sex.Unknown, null, null, null, null, null);

    [Fact]
    public async Task AMove_EndsTheAddressLeftTheDayBefore_StartsTheNewOne_AndIsAnEventSavedWithIt()
    {
        var (child, version) = await ChildAsync();
        _time.Advance(TimeSpan.FromMinutes(5));

        await using (var db = Context())
        {
            (await Family(db).ChangeAddressAsync(child, Move(), version)).ShouldBe(HouseholdChange.Saved);
        }

        await using var check = Context();
        var addresses = await check.PersonAddresses.Where(a => a.PersonId == child).OrderBy(a => a.From).ToListAsync();
        addresses.Select(a => (a.Line1, a.Postcode, a.From, a.To)).ShouldBe([
            ("5 Elm Close", "NB2 3EF", LivedThereFrom, new DateOnly(2026, 2, 19)),
            ("12 Oak Road", "NB1 4QT", new DateOnly(2026, 2, 20), null)]);
        var moved = await check.Events.SingleAsync(e => e.PersonId == child && e.Type == AddressChanged.Name);
        moved.SubjectId.ShouldBe(addresses[1].Id);
        moved.Summary.ShouldBe("Moved to 12 Oak Road, Northbridge, NB1 4QT on 20 February 2026 (from 5 Elm Close, Northbridge, NB2 3EF)");
        EventCatalogue.Read(moved.Type, moved.Data).ShouldBe(new AddressChanged(addresses[1].Id, "12 Oak Road", "Northbridge", "NB1 4QT",
            new DateOnly(2026, 2, 20), "5 Elm Close, Northbridge, NB2 3EF"));
        // The automatic records of the new address and the old one's end are the same save's.
        var sameSave = await check.Events.Where(e => e.PersonId == child && e.SubjectType == nameof(PersonAddress) && e.OccurredAt == moved.OccurredAt)
            .Select(e => e.Type).ToListAsync();
        sameSave.ShouldBe([RecordCreated.Name, RecordChanged.Name, AddressChanged.Name], ignoreOrder: true);
        (await check.People.SingleAsync(p => p.Id == child)).Version.ShouldBe(version + 1);
    }

    [Fact]
    public async Task AddingAndEndingARelative_AreEventsSavedWithTheChange()
    {
        var (child, version) = await ChildAsync();
        Guid carer;
        await using (var db = Context())
        {
            var (outcome, relative) = await Family(db).AddRelationshipAsync(child, Relative("Dawn", "Hart"), RelationshipKind.Carer, version,
                from: new DateOnly(2025, 9, 1));
            outcome.ShouldBe(EditOutcome.Saved);
            carer = relative!.Value;
        }
        await using (var db = Context())
        {
            var now = (await db.People.SingleAsync(p => p.Id == child)).Version;
            (await Family(db).EndRelationshipAsync(child, carer, RelationshipKind.Carer, new(new DateOnly(2026, 2, 1), " Moved to Leeds "), now))
                .ShouldBe(HouseholdChange.Saved);
        }

        await using var check = Context();
        var relationship = await check.PersonRelationships.SingleAsync(r => r.PersonId == child);
        (relationship.RelatedPersonId, relationship.Kind, relationship.From, relationship.To)
            .ShouldBe((carer, RelationshipKind.Carer, (DateOnly?)new DateOnly(2025, 9, 1), (DateOnly?)new DateOnly(2026, 2, 1)));
        var events = await check.Events.Where(e => e.PersonId == child && (e.Type == RelationshipAdded.Name || e.Type == RelationshipEnded.Name))
            .OrderBy(e => e.Id).ToListAsync();
        events.Select(e => e.Summary).ShouldBe([
            "Dawn Hart recorded as a carer from 1 September 2025",
            "Dawn Hart no longer a carer from 1 February 2026: Moved to Leeds"]);
        events.ShouldAllBe(e => e.SubjectType == nameof(PersonRelationship) && e.SubjectId == relationship.Id);
        events[1].Reason.ShouldBe("Moved to Leeds");
    }

    [Fact]
    public async Task TheChronology_ListsEachAsHouseholdAndAddress_OnTheDayItHappened()
    {
        var (child, version) = await ChildAsync();
        await using (var db = Context())
        {
            var family = Family(db);
            var (_, carer) = await family.AddRelationshipAsync(child, Relative("Dawn", "Hart"), RelationshipKind.Carer, version, from: new DateOnly(2025, 9, 1));
            (await family.AddRelationshipAsync(child, Relative("Lee", "Hart"), RelationshipKind.HouseholdMember)).Outcome.ShouldBe(EditOutcome.Saved);
            (await family.EndRelationshipAsync(child, carer!.Value, RelationshipKind.Carer, new(new DateOnly(2026, 2, 1), null))).ShouldBe(HouseholdChange.Saved);
            (await family.ChangeAddressAsync(child, Move())).ShouldBe(HouseholdChange.Saved);
        }

        await using var read = Context();
        var entries = (await new ChildChronologies(read).ForChildAsync(child,
            new ChronologyFilter(Kinds: new HashSet<ChronologyKind> { ChronologyKind.Household }))).Entries;

        entries.Select(e => (e.What, e.At)).ShouldBe([
            ("Lee Hart recorded as a household member", _time.GetUtcNow()),
            ("Moved to 12 Oak Road, Northbridge, NB1 4QT on 20 February 2026 (from 5 Elm Close, Northbridge, NB2 3EF)", Midnight(new(2026, 2, 20))),
            ("Dawn Hart no longer a carer from 1 February 2026", Midnight(new(2026, 2, 1))),
            ("Dawn Hart recorded as a carer from 1 September 2025", Midnight(new(2025, 9, 1)))]);
        entries.ShouldAllBe(e => e.Kind == ChronologyKind.Household && e.Source == ChildChronologies.CouncilSource);
        ChronologyWording.When(entries[1]).ShouldBe("20 February 2026");
        ChronologyWording.When(entries[3]).ShouldBe("1 September 2025", "a day in British Summer Time is still shown as its day");
        ChronologyWording.Of(ChronologyKind.Household).ShouldBe("Household and address");
    }

    private static DateTimeOffset Midnight(DateOnly day) => TimeLimits.UkLocal(day, TimeOnly.MinValue);

    public static TheoryData<string, string, string, string, string?, string> RefusedMoves() => new()
    {
        { "MovedOn", "", "", "", null, "Enter the date they moved" },
        { "MovedOn", "12 Oak Road", "Northbridge", "NB1 4QT", "2026-03-03", "The date they moved must be today or in the past" },
        { "MovedOn", "12 Oak Road", "Northbridge", "NB1 4QT", "2024-06-01", "The date they moved must be after 1 June 2024, when they moved to their current address" },
        { "MovedOn", "12 Oak Road", "Northbridge", "NB1 4QT", "2023-01-01", "The date they moved must be after 1 June 2024, when they moved to their current address" },
        { "Postcode", "12 Oak Road", "Northbridge", "NB1 4Q", "2026-02-20", "Enter a real postcode, like NB1 4QT" },
        { "Postcode", "12 Oak Road", "Northbridge", " ", "2026-02-20", "Enter the postcode" },
        { "Line1", " ", "Northbridge", "NB1 4QT", "2026-02-20", "Enter the first line of the address" },
        { "Line1", new string('x', 201), "Northbridge", "NB1 4QT", "2026-02-20", "This must be 200 characters or fewer" },
        { "Town", "12 Oak Road", "", "NB1 4QT", "2026-02-20", "Enter the town or city" },
        { "Town", "12 Oak Road", new string('x', 101), "NB1 4QT", "2026-02-20", "This must be 100 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public async Task AMoveThatCannotBeRight_IsRefused_WithTheProblemOnItsField_AndNothingIsSaved(string field, string line1, string town,
        string postcode, string? movedOn, string message)
    {
        var (child, version) = await ChildAsync();

        await using (var db = Context())
        {
            var result = await Family(db).ChangeAddressAsync(child,
                new AddressInput(line1, town, postcode, movedOn is null ? null : DateOnly.Parse(movedOn, System.Globalization.CultureInfo.InvariantCulture)), version);

            result.Outcome.ShouldBe(HouseholdOutcome.Invalid);
            result.Errors.ShouldContain((field, message));
        }
        await NothingSavedAsync(child, version);
    }

    [Fact]
    public async Task AMoveFromAPageMadeBeforeSomeoneElsesChange_IsRefused_AndNothingIsSaved()
    {
        var (child, version) = await ChildAsync();
        await using (var other = Context())
        {
            (await Family(other).AddNameAsync(child, PersonNameKind.Alias, "Mai", "Hart", version)).ShouldBe(EditOutcome.Saved);
        }

        await using (var late = Context())
        {
            (await Family(late).ChangeAddressAsync(child, Move(), version)).ShouldBe(HouseholdChange.ChangedElsewhere);
        }
        await NothingSavedAsync(child, version + 1);
    }

    [Fact]
    public async Task TwoMovesFromTheSameVersionAtOnce_OneIsSaved_TheOtherIsToldItChangedElsewhere()
    {
        for (var round = 0; round < 4; round++)
        {
            var (child, version) = await ChildAsync($"Race{round}");
            await using var first = Context();
            await using var second = Context();

            var results = await Task.WhenAll(
                Task.Run(() => Family(first).ChangeAddressAsync(child, Move(line1: "12 Oak Road"), version)),
                Task.Run(() => Family(second).ChangeAddressAsync(child, Move(line1: "3 Ash Grove"), version)));

            results.Count(r => r == HouseholdChange.Saved).ShouldBe(1, $"round {round}");
            results.Count(r => r == HouseholdChange.ChangedElsewhere).ShouldBe(1, $"round {round}");
            await using var check = Context();
            (await check.PersonAddresses.CountAsync(a => a.PersonId == child && a.To == null)).ShouldBe(1, $"round {round}");
            (await check.Events.CountAsync(e => e.PersonId == child && e.Type == AddressChanged.Name)).ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task EndingARelationship_BeforeItBegan_InTheFuture_FromAStalePage_OrWhenItIsNotCurrent_IsRefused()
    {
        var (child, version) = await ChildAsync();
        Guid carer;
        await using (var db = Context())
        {
            carer = (await Family(db).AddRelationshipAsync(child, Relative("Dawn", "Hart"), RelationshipKind.Carer, version,
                from: new DateOnly(2025, 9, 1))).RelativeId!.Value;
        }
        var current = version + 1;

        await using (var db = Context())
        {
            var family = Family(db);
            (await family.EndRelationshipAsync(child, carer, RelationshipKind.Carer, new(new DateOnly(2025, 8, 31), null), current)).Errors
                .ShouldBe([("EndedOn", "The date it ended must be the same as or after 1 September 2025, when it began")]);
            (await family.EndRelationshipAsync(child, carer, RelationshipKind.Carer, new(Today.AddDays(1), null), current)).Errors
                .ShouldBe([("EndedOn", "The date it ended must be today or in the past")]);
            (await family.EndRelationshipAsync(child, carer, RelationshipKind.Carer, new(null, new string('x', 1001)), current)).Errors
                .ShouldBe([("EndedOn", "Enter the date the relationship ended"), ("Reason", "This must be 1,000 characters or fewer")]);
            (await family.EndRelationshipAsync(child, carer, RelationshipKind.Carer, new(Today, null), version)).ShouldBe(HouseholdChange.ChangedElsewhere);
            (await family.EndRelationshipAsync(child, carer, RelationshipKind.Parent, new(Today, null), current)).ShouldBe(HouseholdChange.NotFound);
        }

        await using var check = Context();
        (await check.PersonRelationships.SingleAsync(r => r.PersonId == child)).To.ShouldBeNull();
        (await check.Events.AnyAsync(e => e.PersonId == child && e.Type == RelationshipEnded.Name)).ShouldBeFalse();
        (await check.People.SingleAsync(p => p.Id == child)).Version.ShouldBe(current);
    }

    [Fact]
    public async Task ARelativeAddedFromAStalePage_IsNotSaved_AndHasNoEvent()
    {
        var (child, version) = await ChildAsync();
        await using (var other = Context())
        {
            (await Family(other).AddNameAsync(child, PersonNameKind.Alias, "Mai", "Hart", version)).ShouldBe(EditOutcome.Saved);
        }

        await using (var late = Context())
        {
            (await Family(late).AddRelationshipAsync(child, Relative("Dawn", "Hart"), RelationshipKind.Carer, version)).Outcome
                .ShouldBe(EditOutcome.ChangedElsewhere);
        }

        await using var check = Context();
        (await check.PersonRelationships.AnyAsync(r => r.PersonId == child)).ShouldBeFalse();
        (await check.Events.AnyAsync(e => e.PersonId == child && e.Type == RelationshipAdded.Name)).ShouldBeFalse();
    }

    [Fact]
    public async Task ARestrictedRelative_IsNotNamedInTheChildsEvents()
    {
        var (child, version) = await ChildAsync();
        Guid aunt;
        await using (var db = Context())
        {
            var restricted = new Person("Carol", "Secret", new DateOnly(1980, 1, 1), Sex.Female);
            db.People.Add(restricted);
            await db.SaveChangesAsync();
            await db.People.Where(p => p.Id == restricted.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsRestricted, true));
            aunt = restricted.Id;
        }

        await using (var db = Context())
        {
            var linked = new NewChild(LinkChoice.Existing(aunt), "Carol", "Secret", null, null, Sex.Unknown, null, null, null, null, null);
            (await Family(db).AddRelationshipAsync(child, linked, RelationshipKind.HouseholdMember, version)).RelativeId.ShouldBe(aunt);
        }

        await using var check = Context();
        var summary = await check.Events.Where(e => e.PersonId == child && e.Type == RelationshipAdded.Name).Select(e => e.Summary).SingleAsync();
        summary.ShouldBe("Restricted record recorded as a household member");
    }

    private async Task NothingSavedAsync(Guid child, int version)
    {
        await using var check = Context();
        var addresses = await check.PersonAddresses.Where(a => a.PersonId == child).ToListAsync();
        addresses.ShouldHaveSingleItem().To.ShouldBeNull();
        (await check.Events.AnyAsync(e => e.PersonId == child && e.Type == AddressChanged.Name)).ShouldBeFalse();
        (await check.People.SingleAsync(p => p.Id == child)).Version.ShouldBe(version);
    }
}
