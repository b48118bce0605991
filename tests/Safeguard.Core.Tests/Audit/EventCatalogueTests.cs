using System.Reflection;
using System.Text.Json;
using Safeguard.Core.Audit;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Oversight;
using Safeguard.Core.People;
using Safeguard.Core.Work;

namespace Safeguard.Core.Tests.Audit;

public class EventCatalogueTests
{
    /// <summary>The automatic change kinds keep the names they were first stored with, from before names were dotted.</summary>
    private static readonly string[] UndottedSinceTheFirstRelease = ["created", "changed", "deleted"];

    [Fact]
    public void EveryKind_HasOneStableDottedName()
    {
        EventCatalogue.Names.ShouldNotBeEmpty();
        EventCatalogue.Names.Count.ShouldBe(EventCatalogue.Types.Count());
        foreach (var type in EventCatalogue.Types)
        {
            var name = EventCatalogue.NameOf(type);
            if (!UndottedSinceTheFirstRelease.Contains(name))
            {
                name.ShouldMatch("^[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+$", $"{type.Name} has a name that is not lower-case dotted words");
            }
            EventCatalogue.TypeOf(name).ShouldBe(type);
        }
    }

    [Fact]
    public void NamesStoredBeforeEventsWereTyped_AreStillKinds()
    {
        string[] stored =
        [
            "created", "changed", "deleted", "record.viewed", "account.signed-in", "account.sign-in-failed", "account.created",
            "account.changed", "contact.received", "contact.decided", "contact.decision-proposed", "contact.decision-confirmed",
            "contact.decision-returned", "contact.priority-changed", "contact.information-added", "contact.information-read",
            "feedback.sent", "feedback.failed", "partner-key.created", "partner-key.revoked", "person.duplicate-queued",
            "person.not-duplicate", "person.merged", "person.merged-into", "person.unmerged", "team.added", "team.changed",
            "team.retired", "team.reinstated", "organisation.added", "organisation.changed", "organisation.retired",
            "organisation.reinstated", "alert.raised", "alert.acknowledged",
        ];
        stored.Where(name => !EventCatalogue.IsKind(name)).ShouldBeEmpty("a stored name was renamed or removed: rows stored under it would no longer read");
    }

    [Fact]
    public void EveryKind_HasWordsForLists()
    {
        EventCatalogue.Kinds.Count.ShouldBe(EventCatalogue.Names.Count);
        EventCatalogue.Kinds.ShouldAllBe(k => k.Words.Length > 0 && !k.Words.Contains('.'));
        EventCatalogue.Kinds.Single(k => k.Name == ContactDecided.Name).Words.ShouldBe("Contact decided");
    }

    /// <summary>Every kind, built with sample values for its payload: stored and read back, it is the same event.</summary>
    [Fact]
    public void EveryKind_ReadsBackAsTheSameEvent_AndDescribesItself()
    {
        foreach (var type in EventCatalogue.Types)
        {
            var name = EventCatalogue.NameOf(type);
            var sample = Sample(type);
            var data = JsonSerializer.Serialize(sample, type, EventCatalogue.Json);

            var read = EventCatalogue.Read(name, data, subjectType: SampleEntity).ShouldNotBeNull($"{name} did not read back from {data}");

            read.ShouldBeOfType(type);
            JsonSerializer.Serialize(read, type, EventCatalogue.Json).ShouldBe(data, $"{name} changed on the way back");
            read.Describe().ShouldBe(sample.Describe());
            sample.Describe().ShouldNotBeNullOrWhiteSpace($"{name} has no description");
            EventCatalogue.Describe(name, data, "stored summary", SampleEntity).ShouldBe(sample.Describe());
        }
    }

    [Fact]
    public void AStoredTypedEvent_ReadsBackAsTheSameRecord()
    {
        var raised = new AlertRaised(Guid.NewGuid(), AlertKind.ContactOverdue, "Contact C1 is 2 hours late");

        var read = EventCatalogue.Read(AlertRaised.Name, EventCatalogue.Serialise(raised));

        read.ShouldBeOfType<AlertRaised>().ShouldBe(raised);
        EventCatalogue.Serialise(raised).ShouldContain("\"ContactOverdue\"");
    }

    [Fact]
    public void TheFrontDoorsEvents_DescribeThemselvesAsTheyWereSummarised()
    {
        var id = Guid.NewGuid();
        new ContactReceived(id, "C260302-ABCDEF", ContactChannel.PartnerApi, "DC Alex Moore", "Northbridge Police", Priority.Urgent, "Bruise seen")
            .Describe().ShouldBe("Contact C260302-ABCDEF received from DC Alex Moore (Northbridge Police): Bruise seen");
        new ContactDecided(id, "C1", ScreeningOutcome.EarlyHelp).Describe().ShouldBe("Contact C1 decided: early help");
        new ContactPriorityChanged(id, "C1", Priority.Standard, Priority.ChildProtection).Describe()
            .ShouldBe($"Priority of C1 changed from {Priority.Standard.Words()} to {Priority.ChildProtection.Words()}");
        new InformationRead(id, "C1", [Guid.NewGuid(), Guid.NewGuid()]).Describe()
            .ShouldBe("2 pieces of new information on contact C1 read by the front door");
        new DuplicateQueued(id, id, "Ava Hill", Guid.NewGuid(), "Ava Hills", 12.54, DuplicateFoundBy.Sweep).Describe()
            .ShouldBe($"Possible duplicate found by the sweep: Ava Hill and Ava Hills (score {12.54:0.0})");
        new PersonUnmerged(id, MergeSide.Merged, Guid.NewGuid(), "Ava Hill").Describe()
            .ShouldBe("Merge undone: this record is separate from Ava Hill again");
        new SignInFailed("sam@northbridge.example", SignInRefusal.OrganisationRetired, Organisation: "Old Police").Describe()
            .ShouldBe("Failed sign-in for sam@northbridge.example: Old Police is retired");
        new SignInFailed("sam@northbridge.example", SignInRefusal.EmailNotVerified, Provider: "council").Describe()
            .ShouldBe("External sign-in refused for sam@northbridge.example via council: email address not verified");
    }

    [Theory]
    [InlineData("ContactOverdue")]
    [InlineData("{\"unexpected\": [1, 2]}")]
    [InlineData(null)]
    public void AnEventStoredBeforeItsKindWasTyped_ShowsItsStoredSummary(string? legacyData) =>
        EventCatalogue.Describe(AlertRaised.Name, legacyData, "Contact C1 is late").ShouldBe("Contact C1 is late");

    [Fact]
    public void AMergeStoredBeforeEventsWereTyped_ShowsItsStoredSummary() =>
        EventCatalogue.Describe(PersonMerged.Name, """{"ContactChildren":2,"Referrals":1}""", "Record of Ava Hill merged into this record")
            .ShouldBe("Record of Ava Hill merged into this record");

    [Fact]
    public void AnUnknownKind_ShowsItsStoredSummary() =>
        EventCatalogue.Describe("nothing.known", "{}", "Something happened").ShouldBe("Something happened");

    [Fact]
    public void AChangeStoredBeforeEventsWereTyped_ReadsAsTyped_WithItsNumbersAndFlagsAsText()
    {
        const string legacy = """{"Priority":["Routine","Urgent"],"Version":[1,2],"InjurySeen":[false,true],"ClosedAt":[null,"2026-03-02T09:00:00.0000000Z"]}""";

        var read = EventCatalogue.Read(RecordChanged.Name, legacy, "Contact").ShouldBeOfType<RecordChanged>();

        read.Entity.ShouldBe("Contact");
        read.Fields["Priority"].ShouldBe(new FieldChange("Routine", "Urgent"));
        read.Fields["Version"].ShouldBe(new FieldChange("1", "2"));
        read.Fields["InjurySeen"].ShouldBe(new FieldChange("false", "true"));
        read.Fields["ClosedAt"].ShouldBe(new FieldChange(null, "2026-03-02T09:00:00.0000000Z"));
        read.Describe().ShouldBe("Contact changed");
        EventCatalogue.Describe(RecordCreated.Name, """{"GivenName":[null,"Ava"]}""", "Person created", "PersonAddress").ShouldBe("Person address created");
    }

    [Fact]
    public void AnAutomaticChange_IsStoredInTheShapeItAlwaysHad()
    {
        var created = new RecordCreated("Contact", new Dictionary<string, FieldChange> { ["Priority"] = new(null, "Urgent"), ["Version"] = new(null, "1") });

        EventCatalogue.Serialise(created).ShouldBe("""{"Priority":[null,"Urgent"],"Version":[null,"1"]}""");
    }

    [Fact]
    public void TheEventsThatRecordAReading_AreTheViewsDownloadsAndHistoryShown_AndNoChange()
    {
        EventCatalogue.ReadingNames.ShouldBe(["attachment.downloaded", "case-summary.downloaded", "chronology.downloaded", "history.shown", "record.viewed"]);
    }

    private const string SampleEntity = "PersonAddress";

    private static IEvent Sample(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => SampleValue(p, type)).ToArray();
        return (IEvent)constructor.Invoke(arguments);
    }

    /// <summary>A value for each kind of payload member; a new kind with a new kind of member adds its sample here.</summary>
    private static object? SampleValue(ParameterInfo parameter, Type kind)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var seed = parameter.Position + 1;
        if (type == typeof(string)) return parameter.Name == "Entity" ? SampleEntity : $"{parameter.Name} {seed}";
        if (type == typeof(Guid)) return new Guid(seed, 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)seed]);
        if (type == typeof(int)) return seed;
        if (type == typeof(long)) return 1_000_000_000_000L + seed;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 3, 2, 9, seed, 0, TimeSpan.Zero);
        if (type == typeof(double)) return seed + 0.25;
        if (type == typeof(DateOnly)) return new DateOnly(2026, 3, seed);
        if (type == typeof(bool)) return seed % 2 == 0;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(seed % Enum.GetValues(type).Length);
        if (type == typeof(IReadOnlyList<string>)) return new List<string> { "first", "second" };
        if (type == typeof(IReadOnlyList<Allocation.AgreedAction>))
            return new List<Allocation.AgreedAction> { new("See the child alone", new DateOnly(2026, 3, 4)), new("Visit the school", new DateOnly(2026, 3, 9), Guid.NewGuid()) };
        if (type == typeof(IReadOnlyList<Guid>)) return new List<Guid> { Guid.NewGuid() };
        if (type == typeof(IReadOnlyList<Arrangements.CarerCheckKind>))
            return new List<Arrangements.CarerCheckKind> { Arrangements.CarerCheckKind.PoliceAndDbs, Arrangements.CarerCheckKind.References };
        if (type == typeof(IReadOnlyList<Enquiries.Agency>)) return new List<Enquiries.Agency> { Enquiries.Agency.ChildrensSocialCare, Enquiries.Agency.Police };
        if (type == typeof(IReadOnlyList<Enquiries.AbsentAgency>))
            return new List<Enquiries.AbsentAgency> { new(Enquiries.Agency.Health, "The GP could not join at short notice") };
        if (type == typeof(IReadOnlyDictionary<string, int>)) return new Dictionary<string, int> { ["ContactChildren"] = 2, ["Referrals"] = 1 };
        if (type == typeof(IReadOnlyDictionary<string, FieldChange>))
            return new Dictionary<string, FieldChange> { ["Postcode"] = new("NB1 1AA", "NB2 2BB"), ["To"] = new(null, "2026-03-02") };
        throw new InvalidOperationException($"{kind.Name}.{parameter.Name} is a {type.Name}: add a sample value for it to this test.");
    }
}
