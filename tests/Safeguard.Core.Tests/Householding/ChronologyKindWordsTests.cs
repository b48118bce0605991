using Safeguard.Core.Chronology;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Householding;

/// <summary>Every kind of chronology entry, Household and address included, has its words for the filter, the page and the PDF.</summary>
public sealed class ChronologyKindWordsTests
{
    [Fact]
    public void EveryKind_HasOneLabel_AndTheHouseholdEventsAreOfTheHouseholdKind()
    {
        ChronologyWording.Kinds.Select(k => k.Kind).ShouldBe(Enum.GetValues<ChronologyKind>(), ignoreOrder: true);
        ChronologyWording.Kinds.Select(k => k.Words).ShouldBeUnique();
        foreach (var name in new[] { RelationshipAdded.Name, RelationshipEnded.Name, AddressChanged.Name })
        {
            ChronologyCatalogue.EventNames.ShouldContain(name);
            ChronologyCatalogue.KindOf(name, null).ShouldBe(ChronologyKind.Household);
        }
    }
}
