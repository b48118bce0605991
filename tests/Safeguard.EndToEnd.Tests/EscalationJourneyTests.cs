using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A social worker raises a concern about procedure with the director from the home page; the director signs in, finds
/// it in their list and answers it; the social worker reads the answer in "My escalations". With JavaScript on and off.
/// </summary>
public sealed class EscalationJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true, "sam.okafor@northbridge.example")]
    [InlineData(false, "michael.obrien@northbridge.example")]
    public async Task AWorkerRaisesAConcern_TheDirectorAnswersIt_AndTheWorkerReadsTheAnswer(bool javaScript, string worker)
    {
        var subject = $"Strategy discussions without health ({(javaScript ? "on" : "off")})";
        var raiser = await app.NewPageAsync(javaScript);
        await app.SignInAsync(raiser, worker);
        await raiser.GetByRole(AriaRole.Link, new() { Name = "Raise a concern with the director" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(raiser, url => url.EndsWith("/escalations/new"));

        await raiser.GetByRole(AriaRole.Button, new() { Name = "Raise the concern" }).ClickAsync();
        await raiser.Locator(".govuk-error-summary").WaitForAsync();
        (await raiser.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter what your concern is about");
        await raiser.GetByLabel("What is your concern about?").FillAsync(subject);
        await raiser.GetByLabel("Your concern", new() { Exact = true }).FillAsync("Our strategy discussions are held with the police only; health is never invited.");
        await raiser.GetByLabel("No, only I and the person I raise it with").CheckAsync();
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(raiser);
        await raiser.GetByRole(AriaRole.Button, new() { Name = "Raise the concern" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(raiser, url => url.Contains("/escalations/") && !url.EndsWith("/new"));
        (await raiser.GetByTestId("waiting").InnerTextAsync()).ShouldContain("Waiting for David Clarke");

        var director = await app.NewPageAsync(javaScript);
        await app.SignInAsync(director, "david.clarke@northbridge.example");
        await director.GetByRole(AriaRole.Link, new() { Name = "Escalations raised with you" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(director, url => url.EndsWith("/escalations"));
        if (javaScript) await BrowserFixture.NoAxeViolationsAsync(director);
        await director.GetByTestId("escalations").GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(director, url => url.Contains("/escalations/"));
        await director.GetByLabel("Partly upheld").CheckAsync();
        await director.GetByLabel("Your response").FillAsync("Health will be invited to every strategy discussion; I have written to the designated nurse.");
        await director.GetByRole(AriaRole.Button, new() { Name = "Send the response" }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(director, url => url.EndsWith("/escalations"));
        (await director.Locator(".govuk-notification-banner--success").InnerTextAsync()).ShouldContain("Your response has been saved");

        await raiser.GotoAsync("/escalations/mine");
        await raiser.GetByTestId("my-escalations").GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await BrowserFixture.WaitForPageAsync(raiser, url => url.Contains("/escalations/") && !url.EndsWith("/mine"));
        (await raiser.GetByTestId("outcome").InnerTextAsync()).ShouldBe("Partly upheld");
        (await raiser.GetByTestId("response").InnerTextAsync()).ShouldContain("Health will be invited to every strategy discussion");
    }
}
