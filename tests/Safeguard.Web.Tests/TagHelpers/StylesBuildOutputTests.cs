using System.Text.Json;

namespace Safeguard.Web.Tests.TagHelpers;

/// <summary>
/// The compiled styles reach this test project the way WebApplicationFactory sees them: through the web project's
/// static web assets manifest, which points at its wwwroot.
/// </summary>
public class StylesBuildOutputTests
{
    [Fact]
    public void CompiledCss_IsAStaticWebAssetOfTheWebProject_AndHasNoGdsTransportFont()
    {
        var css = File.ReadAllText(FindWebAsset("css/safeguard.css"));

        css.ShouldContain(".govuk-template");
        css.ShouldContain("system-ui");
        css.ShouldNotContain("GDS Transport");
        css.ShouldNotContain(".woff");
        css.ShouldNotContain("govuk-crest");
    }

    [Fact]
    public void CompiledCss_KeepsTypedLineBreaks_AndScrollsTablesInsideTheirContainer()
    {
        var css = File.ReadAllText(FindWebAsset("css/safeguard.css"));

        css.ShouldContain(".sg-preserve-lines{white-space:pre-line}");
        css.ShouldContain(".sg-table-container{overflow-x:auto");
    }

    [Fact]
    public void CompiledCss_PrintsOnlyTheRecord_WithItsMarkings()
    {
        var css = File.ReadAllText(FindWebAsset("css/safeguard.css"));

        css.ShouldContain(".sg-print-only{display:none}");
        css.ShouldContain("@media print{.sg-print-only{display:block}");
        css.ShouldContain(".sg-no-print,");
    }

    [Fact]
    public void TheMojTimeline_IsCompiledOnItsOwn_InTheCouncilsFontAndBrandColour()
    {
        var css = File.ReadAllText(FindWebAsset("css/moj-timeline.css"));

        css.ShouldContain(".moj-timeline__item");
        css.ShouldContain("var(--govuk-brand-colour");
        css.ShouldContain("system-ui");
        css.ShouldNotContain("GDS Transport");
        css.ShouldNotContain(".govuk-template");
    }

    [Fact]
    public void GovUkFrontendScript_IsCopiedForProgressiveEnhancement()
    {
        File.Exists(FindWebAsset("govuk/govuk-frontend.min.js")).ShouldBeTrue();
        File.Exists(FindWebAsset("js/init.js")).ShouldBeTrue();
    }

    /// <summary>Looks the path up in the manifest's tree, as the static files middleware does, and returns the file.</summary>
    private static string FindWebAsset(string relativePath)
    {
        var manifestPath = Path.Combine(AppContext.BaseDirectory, "Safeguard.Web.staticwebassets.runtime.json");
        File.Exists(manifestPath).ShouldBeTrue("the web project's static web assets manifest should be copied to the test output");
        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var contentRoots = manifest.RootElement.GetProperty("ContentRoots").EnumerateArray().Select(r => r.GetString()!).ToList();

        var node = manifest.RootElement.GetProperty("Root");
        foreach (var segment in relativePath.Split('/'))
        {
            node.TryGetProperty("Children", out var children).ShouldBeTrue($"{relativePath} should be a static web asset");
            children.ValueKind.ShouldBe(JsonValueKind.Object, $"{relativePath} should be a static web asset");
            children.TryGetProperty(segment, out node).ShouldBeTrue($"{relativePath} should be a static web asset");
        }

        var asset = node.GetProperty("Asset");
        var path = Path.Combine(contentRoots[asset.GetProperty("ContentRootIndex").GetInt32()], asset.GetProperty("SubPath").GetString()!);
        File.Exists(path).ShouldBeTrue();
        return path;
    }
}
