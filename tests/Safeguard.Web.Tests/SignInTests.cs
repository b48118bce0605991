using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Web.Pages.Account;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

public sealed class SignInTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Email = "sam.okafor@northbridge.example";

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsGovUkErrorAndKeepsTheEmail()
    {
        var client = App.CreateBrowserlikeClient();

        var response = await SafeguardAppFactory.PostFormAsync(client, "/sign-in",
            new() { ["Email"] = Email, ["Password"] = "not-the-password" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary").ShouldNotBeNull();
        summary.TextContent.ShouldContain(SignInModel.WrongDetails);
        summary.QuerySelector("a")!.GetAttribute("href").ShouldBe("#Email");
        page.QuerySelector("#Email")!.GetAttribute("value").ShouldBe(Email);
        page.QuerySelector("#Email")!.ClassList.ShouldContain("govuk-input--error");
        page.QuerySelector("#Password")!.GetAttribute("value").ShouldBeNull();
    }

    [Fact]
    public async Task SignIn_WithNothingTyped_AsksForBothFields()
    {
        var client = App.CreateBrowserlikeClient();

        var response = await SafeguardAppFactory.PostFormAsync(client, "/sign-in", new() { ["Email"] = "", ["Password"] = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent;
        text.ShouldContain("Enter your email address");
        text.ShouldContain("Enter your password");
    }

    [Fact]
    public async Task SignIn_WithAHundredThousandCharacterEmail_IsAWrongAddress_AndItsAuditEntryIsBounded()
    {
        var client = App.CreateBrowserlikeClient();
        var marker = Guid.NewGuid().ToString("N");
        var email = marker + new string('a', 100_000) + "@northbridge.example";

        var response = await SafeguardAppFactory.PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = "not-the-password" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(SignInModel.WrongDetails);
        await using var db = App.CreateDbContext();
        var entry = await db.Events.SingleAsync(e => e.Type == SignInFailed.Name && e.Summary.Contains(marker));
        entry.Summary.Length.ShouldBeLessThan(SignInFailed.AccountMaxLength + 100);
        entry.Data!.Length.ShouldBeLessThan(SignInFailed.AccountMaxLength + 200);
        entry.Data.ShouldNotContain("not-the-password");
    }

    /// <summary>Found by the fuzz suite on PostgreSQL: the audit entry cut an emoji in half, and PostgreSQL refused the half (a 500).</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task SignIn_WithALongEmailOfEmoji_CutWhereverItFalls_IsAWrongAddress_AndItsAuditEntryIsWhole(int offset)
    {
        var client = App.CreateBrowserlikeClient();
        var marker = Guid.NewGuid().ToString("N");
        var email = marker + new string('a', offset) + string.Concat(Enumerable.Repeat("🙂", 2_000));

        var response = await SafeguardAppFactory.PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = "not-the-password" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(SignInModel.WrongDetails);
        await using var db = App.CreateDbContext();
        var entry = await db.Events.SingleAsync(e => e.Type == SignInFailed.Name && e.Summary.Contains(marker));
        entry.Summary.ShouldContain("🙂…: ");
        foreach (var text in new[] { entry.Summary, entry.Data! })
        {
            System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)).ShouldBe(text, "no half of an emoji");
        }
    }

    [Theory]
    [InlineData("NoSuchProvider")]
    [InlineData("")]
    public async Task SignIn_WithAnIdentityProviderThatIsNotOffered_IsABadRequest(string scheme)
    {
        var client = App.CreateBrowserlikeClient();

        var response = await SafeguardAppFactory.PostFormAsync(client, "/sign-in?handler=External", new() { ["scheme"] = scheme }, formPage: "/sign-in");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(SignInModel.UnknownProvider);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefusedWithoutAServerError()
    {
        var client = App.CreateBrowserlikeClient();

        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent([new("Email", Email), new("Password", "x")]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_AsksToWait_EvenForTheRightPassword_AndLocksNothing()
    {
        var email = "leah.brown@northbridge.example";
        var client = App.CreateBrowserlikeClient();
        for (var i = 0; i < 5; i++)
        {
            await SafeguardAppFactory.PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = "wrong-password-" + i });
        }

        var response = await SafeguardAppFactory.PostFormAsync(client, "/sign-in",
            new() { ["Email"] = email, ["Password"] = Core.Seeding.DemoAccounts.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Too many attempts. Wait 2 seconds and try again");
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.Type == SignInFailed.Name && e.Summary.Contains(email))).ShouldBe(6);
        (await db.Users.SingleAsync(u => u.Email == email)).LockoutEnd.ShouldBeNull("Identity's lockout is never set off by failures");
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_ReachesTheHomePageWithTheUsersName()
    {
        var client = await App.SignInAsync(Email);

        var home = await client.GetStringAsync("/");

        home.ShouldContain("Hello, Sam Okafor");
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_IsIgnored()
    {
        var client = App.CreateBrowserlikeClient();

        var response = await SafeguardAppFactory.PostFormAsync(client, "/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new() { ["Email"] = Email, ["Password"] = Core.Seeding.DemoAccounts.Password }, "/sign-in");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await App.SignInAsync(Email);

        var response = await SafeguardAppFactory.PostFormAsync(client, "/sign-out", [], formPage: "/");
        var after = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/sign-in");
    }
}
