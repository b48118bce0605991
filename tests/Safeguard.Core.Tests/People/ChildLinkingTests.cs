using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Intake;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.People;

/// <summary>
/// Which record a contact's child is linked to, through both ways intake decides it: in the writing transaction
/// (<see cref="ContactIntake.RecordAsync(NewContact, CancellationToken)"/>) and before it, by the group-commit writer's
/// planning step (<see cref="IntakeWriter"/>). Only decisive evidence links without a person choosing.
/// </summary>
public sealed class ChildLinkingTests : IAsyncLifetime
{
    private static readonly DateOnly RubyBorn = new(2018, 5, 14);
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private Guid _police;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using (var db = _database.CreateContext())
        {
            _police = (await TestData.CreateCouncilAsync(db)).Police.Id;
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSafeguardCore(_database.Provider, _database.ConnectionString);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    public enum Door { InTheTransaction, PlannedBeforeTheWriter }

    private async Task<Person> KnownRubyAsync(string? nhs = "9434765919")
    {
        await using var db = _database.CreateContext();
        var person = new Person("Ruby", "Taylor", RubyBorn, Sex.Female) { NhsNumber = nhs };
        person.Addresses.Add(new PersonAddress("1 High Street", "Northbridge", "NB1 1AA", new DateOnly(2020, 1, 1)));
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    private async Task<LinkedChild> RecordAsync(Door door, NewChild child)
    {
        var contact = TestData.Contact([child], [], organisationId: _police);
        if (door == Door.PlannedBeforeTheWriter)
        {
            var outcome = await _services.GetRequiredService<IntakeWriter>()
                .RecordAsync(contact, new IdempotencyClaim(_police, Guid.NewGuid().ToString(), "h"), new Actor(null, "Police (API)", Guid.NewGuid()));
            return outcome.Recorded!.Children.Single();
        }
        await using var db = _database.CreateContext();
        var intake = new ContactIntake(db, new IndexedPersonLinker(PersonMatchingSettings.Default), WorkingDayCalendar.Default());
        return (await intake.RecordAsync(contact)).Children.Single();
    }

    private async Task<List<DuplicateCandidate>> QueuedAsync(Guid a, Guid b)
    {
        await using var db = _database.CreateContext();
        var (first, second) = DuplicateCandidate.Order(a, b);
        return await db.DuplicateCandidates.Where(c => c.PersonId1 == first && c.PersonId2 == second).ToListAsync();
    }

    [Theory]
    [InlineData(Door.InTheTransaction)]
    [InlineData(Door.PlannedBeforeTheWriter)]
    public async Task AnAgreeingNhsNumber_LinksTheExistingRecord_EvenWithAnotherSpellingAndAddress(Door door)
    {
        var ruby = await KnownRubyAsync();

        var link = await RecordAsync(door, TestData.Child("Rubie", "Tailor", RubyBorn, nhs: "943 476 5919") with
        {
            AddressLine1 = "9 Mill Lane", Postcode = "NB4 7QT",
        });

        link.PersonId.ShouldBe(ruby.Id);
        link.NewPerson.ShouldBeFalse();
    }

    [Theory]
    [InlineData(Door.InTheTransaction)]
    [InlineData(Door.PlannedBeforeTheWriter)]
    public async Task AnAgreeingNhsNumber_WithADisagreeingDateOfBirth_MakesANewRecordForReview(Door door)
    {
        var ruby = await KnownRubyAsync();

        var link = await RecordAsync(door, TestData.Child("Ruby", "Taylor", RubyBorn.AddYears(-2), nhs: "9434765919"));

        link.PersonId.ShouldNotBe(ruby.Id);
        link.NewPerson.ShouldBeTrue();
    }

    [Theory]
    [InlineData(Door.InTheTransaction)]
    [InlineData(Door.PlannedBeforeTheWriter)]
    public async Task ExactNameDateOfBirthAndAddress_WithoutAnNhsNumber_LinksTheExistingRecord(Door door)
    {
        var ruby = await KnownRubyAsync(nhs: null);

        // The same particulars written as people write them: other case, spacing and punctuation.
        var link = await RecordAsync(door, TestData.Child("RUBY", " taylor", RubyBorn) with { AddressLine1 = "1, High Street.", Postcode = "nb11aa" });

        link.PersonId.ShouldBe(ruby.Id);
        link.NewPerson.ShouldBeFalse();
    }

    [Theory]
    [InlineData(Door.InTheTransaction)]
    [InlineData(Door.PlannedBeforeTheWriter)]
    public async Task OneLetterAndOneDayDifferent_AtAnotherAddress_MakesANewRecord_AndQueuesTheLikelyMatchForReview(Door door)
    {
        var ruby = await KnownRubyAsync(nhs: null);

        var link = await RecordAsync(door, TestData.Child("Rubi", "Taylor", RubyBorn.AddDays(1)) with
        {
            AddressLine1 = "9 Mill Lane", Postcode = "NB4 7QT",
        });

        link.PersonId.ShouldNotBe(ruby.Id);
        link.NewPerson.ShouldBeTrue();
        link.NeedsReview.ShouldBeTrue();
        var queued = (await QueuedAsync(ruby.Id, link.PersonId)).ShouldHaveSingleItem();
        queued.Status.ShouldBe(DuplicateStatus.Open);
        queued.FoundBy.ShouldBe(DuplicateFoundBy.Intake);
    }

    [Theory]
    [InlineData(Door.InTheTransaction)]
    [InlineData(Door.PlannedBeforeTheWriter)]
    public async Task ExactNameAndDateOfBirth_AtAnotherAddress_MakesANewRecordForReview(Door door)
    {
        var ruby = await KnownRubyAsync(nhs: null);

        var link = await RecordAsync(door, TestData.Child("Ruby", "Taylor", RubyBorn) with { AddressLine1 = "9 Mill Lane", Postcode = "NB4 7QT" });

        link.NewPerson.ShouldBeTrue();
        (await QueuedAsync(ruby.Id, link.PersonId)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(Door.InTheTransaction)]
    [InlineData(Door.PlannedBeforeTheWriter)]
    public async Task AStrongMatch_WhenTheWorkerChoseNoneOfThese_MakesANewRecord(Door door)
    {
        var ruby = await KnownRubyAsync();

        var link = await RecordAsync(door, TestData.Child("Ruby", "Taylor", RubyBorn, nhs: "9434765919", link: LinkChoice.CreateNew));

        link.PersonId.ShouldNotBe(ruby.Id);
        link.NewPerson.ShouldBeTrue();
    }

    [Fact]
    public async Task TwoRecordsBothDecisive_LinkNeither()
    {
        var ruby = await KnownRubyAsync();
        var twin = await KnownRubyAsync();

        var link = await RecordAsync(Door.InTheTransaction, TestData.Child("Ruby", "Taylor", RubyBorn, nhs: "9434765919"));

        link.PersonId.ShouldNotBeOneOf(ruby.Id, twin.Id);
        link.NeedsReview.ShouldBeTrue();
    }

    [Fact]
    public async Task WhatWasSent_IsKeptOnTheContactChild_BesideTheLink()
    {
        var ruby = await KnownRubyAsync();

        var link = await RecordAsync(Door.PlannedBeforeTheWriter, TestData.Child("Rubie", "Tailor", RubyBorn, nhs: "9434765919") with
        {
            AddressLine1 = "9 Mill Lane", Town = "Easton", Postcode = "NB4 7QT", School = "Hillside Primary",
        });

        link.PersonId.ShouldBe(ruby.Id);
        await using var db = _database.CreateContext();
        var child = await db.ContactChildren.SingleAsync(cc => cc.PersonId == ruby.Id);
        child.Sent.ShouldBe(new ChildAsSent("Rubie", "Tailor", RubyBorn, null, "9434765919", "9 Mill Lane", "Easton", "NB4 7QT", "Hillside Primary"));
        var contactId = await db.ContactChildren.Where(cc => cc.PersonId == ruby.Id).Select(cc => cc.ContactId).SingleAsync();
        var shown = (await ContactAsSent.ForAsync(db, contactId)).ShouldHaveSingleItem();
        shown.Differences.Select(d => d.Field).ShouldBe(["First name", "Last name", "Address line 1", "Town", "Postcode", "School or nursery"]);
        shown.Differences[0].ShouldBe(new AsSentDifference("First name", "Rubie", "Ruby"));
    }

    [Fact]
    public void RecentlyAddedNearMiss_IsQueuedNotLinked_AndAnExactRepeatIsLinked()
    {
        var recent = new RecentNewPeople(PersonMatchingSettings.Default);
        var watermark = recent.Watermark;
        var sent = TestData.Child("Ruby", "Taylor", RubyBorn);
        var added = new NewPerson(Guid.NewGuid(), sent);
        recent.Committed([added]);

        var nearMiss = recent.Recheck(PersonLinkPlan.New([]), TestData.Child("Rubi", "Taylor", RubyBorn.AddDays(1)) with
        {
            AddressLine1 = "9 Mill Lane", Postcode = "NB4 7QT",
        }, watermark, []).ShouldNotBeNull();
        var repeat = recent.Recheck(PersonLinkPlan.New([]), sent, watermark, []).ShouldNotBeNull();
        var chosenNew = recent.Recheck(PersonLinkPlan.New([]), sent with { Link = LinkChoice.CreateNew }, watermark, []).ShouldNotBeNull();

        nearMiss.ExistingPersonId.ShouldBeNull();
        nearMiss.PossibleMatches.ShouldContain(m => m.PersonId == added.PersonId);
        repeat.ExistingPersonId.ShouldBe(added.PersonId);
        chosenNew.ExistingPersonId.ShouldBeNull();
    }
}
