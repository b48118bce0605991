using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Safeguard.Core.People.Identifiers;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.Validation;
using Safeguard.Core.Security;
using Safeguard.Core.Tests.Seeding;

namespace Safeguard.Core.Tests.Returning;

/// <summary>The demo council's census for 2025-26 (seeded on 2 March 2026): every child has what DfE asks of them.</summary>
public sealed class DemoCouncilCensusTests(SeededDemoCouncil demo) : IClassFixture<SeededDemoCouncil>
{
    private async Task<XDocument> ExportAsync()
    {
        await using var db = demo.Database.CreateContext(demo.Time, Actor.System);
        var (_, xml) = await new CinCensusExport(db, Options.Create(new CinCensusSettings()), demo.Time).BuildAsync(new CensusYear(2026));
        using var stream = new MemoryStream(xml);
        return XDocument.Load(stream);
    }

    [Fact]
    public async Task EveryChild_HasAnEthnicity_Disabilities_AndAValidUpnOrAReasonForNone()
    {
        var children = (await ExportAsync()).Root!.Element("Children")!.Elements("Child").ToList();

        children.Count.ShouldBeGreaterThan(5);
        foreach (var child in children)
        {
            var identifiers = child.Element("ChildIdentifiers")!;
            if (identifiers.Element("UPN") is { } upn) Upn.TryParse(upn.Value, out _).ShouldBeTrue(upn.Value);
            else identifiers.Element("UPNunknown")!.Value.ShouldBe("UN1");
            child.Element("ChildCharacteristics")!.Element("Ethnicity")!.Value.Length.ShouldBe(4);
            child.Element("ChildCharacteristics")!.Element("Disabilities")!.Elements("Disability").ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task FailsNoErrorRule()
    {
        await using var db = demo.Database.CreateContext(demo.Time, Actor.System);
        var export = new CinCensusExport(db, Options.Create(new CinCensusSettings()), demo.Time);

        var errors = (await new CinCensusValidation(export).CheckAsync(new CensusYear(2026))).Where(f => f.Severity == RuleSeverity.Error).ToList();

        errors.ShouldBeEmpty(string.Join("; ", errors.Select(f => $"{f.LaChildId} {f.Code} {f.Message}")));
    }

    [Fact]
    public async Task The2025To26Return_CarriesNoItemOfALaterYearOrAnyItemWithNothingToFeedIt()
    {
        var names = (await ExportAsync()).Root!.Descendants().Select(e => e.Name.LocalName).ToHashSet();

        names.ShouldContain("Assessments");
        // Pre-proceedings and FGDM is DfE's 2026-27 module; the internal review date has nothing in the record mapped to it (docs/returns.md).
        names.ShouldNotContain("PreProceedingsandFGDM");
        names.ShouldNotContain("AssessmentInternalReviewDate");
    }

    [Fact]
    public async Task EveryEpisode_HasAPrimaryNeed()
    {
        var episodes = (await ExportAsync()).Root!.Descendants("CINdetails").ToList();

        episodes.ShouldNotBeEmpty();
        episodes.ShouldAllBe(e => e.Element("PrimaryNeedCode") != null && e.Element("PrimaryNeedCode")!.Value.StartsWith('N'));
    }
}
