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
    public void GovUkFrontendScript_IsCopiedForProgressiveEnhancement()
    {
        File.Exists(FindWebAsset("govuk/govuk-frontend.min.js")).ShouldBeTrue();
        File.Exists(FindWebAsset("js/init.js")).ShouldBeTrue();
    }

    private static string FindWebAsset(string relativePath)
    {
        var manifestPath = Path.Combine(AppContext.BaseDirectory, "Safeguard.Web.staticwebassets.runtime.json");
        File.Exists(manifestPath).ShouldBeTrue("the web project's static web assets manifest should be copied to the test output");
        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var contentRoots = manifest.RootElement.GetProperty("ContentRoots").EnumerateArray().Select(r => r.GetString()!);

        var found = contentRoots
            .Select(root => Path.Combine(root, relativePath))
            .FirstOrDefault(File.Exists);
        found.ShouldNotBeNull($"{relativePath} should be in one of the static web asset content roots");
        return found;
    }
}
