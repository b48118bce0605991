using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>The automatic axe-core check itself: a page with a violation fails the journey that waits for it.</summary>
public sealed class AxeOnEveryPageTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task APageWithAnImageWithoutWords_FailsTheWaitForIt_NamingTheRule()
    {
        var page = await app.NewPageAsync();
        await page.RouteAsync("**/axe-probe", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = "<!doctype html><html lang='en'><head><title>Probe</title></head><body><main><h1>Probe</h1>"
                + "<img src='/favicon.ico'></main><footer class='govuk-template__footer'></footer></body></html>",
        }));
        await page.GotoAsync("/axe-probe");

        // Shouldly passes its own assertion failures through Should.ThrowAsync, so catch it here.
        Exception? failure = null;
        try
        {
            await BrowserFixture.WaitForPageAsync(page, _ => true);
        }
        catch (ShouldAssertException found)
        {
            failure = found;
        }

        failure.ShouldNotBeNull("the wait for a page with a violation must fail").Message.ShouldContain("image-alt");
        failure.Message.ShouldContain("/axe-probe");
        // The check that ran by itself when the page loaded found it too (taken here, as already failed on purpose, so
        // that the end of the test does not report it again).
        var automatic = new List<string>();
        for (var waited = 0; waited < 600 && automatic.Count == 0; waited++)
        {
            automatic.AddRange(AxeOnEveryPage.NotYetAsserted(probes: true));
            if (automatic.Count == 0) await page.WaitForTimeoutAsync(100);
        }
        automatic.ShouldContain(found => found.Contains("/axe-probe") && found.Contains("image-alt"));
    }

    [Fact]
    public async Task APageWithAControlTheTabKeySkips_FailsTheWaitForIt()
    {
        var page = await app.NewPageAsync();
        await page.RouteAsync("**/keyboard-probe", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = "<!doctype html><html lang='en'><head><title>Probe</title></head><body><main><h1>Probe</h1>"
                + "<a href='/' tabindex='-1'>Home</a><div role='button'>Save</div></main><footer class='govuk-template__footer'></footer></body></html>",
        }));
        await page.GotoAsync("/keyboard-probe");

        Exception? failure = null;
        try
        {
            await BrowserFixture.WaitForPageAsync(page, _ => true);
        }
        catch (ShouldAssertException found)
        {
            failure = found;
        }

        failure.ShouldNotBeNull("the wait for a page with a control the keyboard cannot reach must fail").Message.ShouldContain("keyboard-unreachable");
        failure.Message.ShouldContain("tabindex=\"-1\"");
        failure.Message.ShouldContain("role=\"button\"");
        // Taken here, as failed on purpose, so that the end of the test does not report it again.
        var automatic = new List<string>();
        for (var waited = 0; waited < 600 && !automatic.Any(f => f.Contains("/keyboard-probe")); waited++)
        {
            automatic.AddRange(AxeOnEveryPage.NotYetAsserted(probes: true));
            if (automatic.Count == 0) await page.WaitForTimeoutAsync(100);
        }
        automatic.ShouldContain(found => found.Contains("/keyboard-probe") && found.Contains("keyboard-unreachable"));
    }
}
