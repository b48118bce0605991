using Safeguard.Core.Audit;
using Safeguard.Core.Oversight;

namespace Safeguard.Core.Tests.Audit;

public class EventCatalogueTests
{
    [Fact]
    public void EveryKind_HasOneStableDottedName()
    {
        EventCatalogue.Names.ShouldNotBeEmpty();
        foreach (var type in EventCatalogue.Types)
        {
            var name = EventCatalogue.NameOf(type);
            name.ShouldMatch("^[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+$", $"{type.Name} has a name that is not lower-case dotted words");
            EventCatalogue.TypeOf(name).ShouldBe(type);
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

    [Theory]
    [InlineData("ContactOverdue")]
    [InlineData("{\"unexpected\": [1, 2]}")]
    [InlineData(null)]
    public void AnEventStoredBeforeItsKindWasTyped_ShowsItsStoredSummary(string? legacyData) =>
        EventCatalogue.Describe(AlertRaised.Name, legacyData, "Contact C1 is late").ShouldBe("Contact C1 is late");
}
