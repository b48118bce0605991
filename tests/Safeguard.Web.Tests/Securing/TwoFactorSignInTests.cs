using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Security;
using Safeguard.Web.Pages.Account;
using Safeguard.Web.Pages.TwoFactor;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Securing;

/// <summary>
/// Two-factor sign-in with the setting on, as in production: set up with a real authenticator code computed here from the
/// key the page shows, then every sign-in asks for it; recovery codes work once; until it is set up, nothing else opens.
/// </summary>
public sealed class TwoFactorSignInTests(TwoFactorAppFactory app) : IClassFixture<TwoFactorAppFactory>
{
    private const string SetUp = "/account/two-factor";

    private async Task<(HttpClient Client, string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(string email)
    {
        var client = await app.SignInAsync(email);
        var key = await KeyShownAsync(client);
        var done = await SafeguardAppFactory.PostFormAsync(client, SetUp, new() { ["Code"] = Totp.Now(key, app.Time) });
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = (await Html.ParseAsync(done)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        return (client, key, codes);
    }

    private static async Task<string> KeyShownAsync(HttpClient client)
    {
        var page = await Html.ParseAsync(await client.GetAsync(SetUp));
        page.QuerySelector("img.sg-qr-code")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        return page.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "").Trim();
    }

    /// <summary>The password step: it goes on to the code step, and nothing is open yet.</summary>
    private async Task<HttpClient> PasswordOnlyAsync(string email)
    {
        var client = app.CreateBrowserlikeClient();
        var response = await SafeguardAppFactory.PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = Core.Seeding.DemoAccounts.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("/sign-in/two-factor");
        return client;
    }

    [Fact]
    public async Task SettingUp_WithTheAppsCode_TurnsItOn_ShowsTenCodes_AndEverySignInThenAsksForTheCode()
    {
        const string email = "daniel.osei@northbridge.example";
        var child = await app.DemoChildIdAsync("Ellie");
        var client = await app.SignInAsync(email);
        var key = await KeyShownAsync(client);
        key.Length.ShouldBeGreaterThanOrEqualTo(16);

        var wrong = await SafeguardAppFactory.PostFormAsync(client, SetUp, new() { ["Code"] = Totp.Wrong(key, app.Time) });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(wrong)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(IndexModel.WrongCode);
        (await client.GetAsync($"/children/{child}")).Headers.Location!.ToString().ShouldBe(SetUp);

        var done = await SafeguardAppFactory.PostFormAsync(client, SetUp, new() { ["Code"] = Totp.Now(key, app.Time) });

        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = (await Html.ParseAsync(done)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(IndexModel.RecoveryCodeCount);
        codes.Distinct().Count().ShouldBe(IndexModel.RecoveryCodeCount);
        (await client.GetAsync($"/children/{child}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the same sign-in opens once it is set up");
        (await client.GetStringAsync(SetUp)).ShouldNotContain(codes[0], customMessage: "recovery codes are shown once");

        var next = await PasswordOnlyAsync(email);
        (await next.GetAsync($"/children/{child}")).Headers.Location!.ToString().ShouldContain("/sign-in");
        var refused = await SafeguardAppFactory.PostFormAsync(next, "/sign-in/two-factor", new() { ["Code"] = Totp.Wrong(key, app.Time) });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(refused)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(TwoFactorSignInModel.WrongCode);
        Totp.NextStep(app.Time);
        var signedIn = await SafeguardAppFactory.PostFormAsync(next, "/sign-in/two-factor", new() { ["Code"] = Totp.Now(key, app.Time) });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await next.GetStringAsync("/")).ShouldContain("Hello, Daniel Osei");
        (await next.GetAsync($"/children/{child}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var userId = await app.UserIdAsync(email);
        await using var db = app.CreateDbContext();
        var events = await db.Events.Where(e => e.SubjectId == userId).ToListAsync();
        events.Count(e => e.Type == TwoFactorEnabled.Name).ShouldBe(1);
        events.Count(e => e.Type == TwoFactorFailed.Name).ShouldBe(1);
        events.Count(e => e.Type == SignedIn.Name).ShouldBe(2);
        foreach (var secret in codes.Append(key))
        {
            events.ShouldAllBe(e => !(e.Summary + e.Data).Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce_AndIsRefusedTheSecondTime()
    {
        const string email = "fatima.begum@northbridge.example";
        var (_, _, codes) = await SetUpAsync(email);

        var first = await PasswordOnlyAsync(email);
        var used = await SafeguardAppFactory.PostFormAsync(first, "/sign-in/recovery-code", new() { ["Code"] = codes[3] });
        var again = await PasswordOnlyAsync(email);
        var reused = await SafeguardAppFactory.PostFormAsync(again, "/sign-in/recovery-code", new() { ["Code"] = codes[3] });

        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await first.GetStringAsync("/")).ShouldContain("Hello, Fatima Begum");
        reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(reused)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(RecoveryCodeSignInModel.WrongCode);
        (await again.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var userId = await app.UserIdAsync(email);
        await using var db = app.CreateDbContext();
        var usedEvent = await db.Events.SingleAsync(e => e.SubjectId == userId && e.Type == RecoveryCodeUsed.Name);
        usedEvent.Summary.ShouldContain("9 left");
        (usedEvent.Summary + usedEvent.Data).ShouldNotContain(codes[3]);
        (await db.Events.CountAsync(e => e.SubjectId == userId && e.Type == TwoFactorFailed.Name)).ShouldBe(1);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/children")]
    [InlineData("/children/{child}")]
    [InlineData("/children?handler=results&q=ellie")]
    [InlineData("/front-door")]
    [InlineData("/performance")]
    public async Task BeforeItIsSetUp_EveryPageWithChildData_GoesToTheSetUpPage(string path)
    {
        var client = await app.SignInAsync("jo.bennett@northbridge.example");
        var address = path.Replace("{child}", (await app.DemoChildIdAsync("Ellie")).ToString());

        var response = await client.GetAsync(address);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(SetUp);
        var setUp = await client.GetAsync(SetUp);
        setUp.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await setUp.Content.ReadAsStringAsync()).ShouldContain("You must set it up before you can use Safeguard");
    }

    [Fact]
    public async Task BeforeItIsSetUp_TheCookieHoldsNoPermission_EvenAfterIdentityRechecksIt()
    {
        var client = await app.SignInAsync("tom.evans@northbridge.example");
        app.Time.Advance(TimeSpan.FromMinutes(2));

        var post = await client.PostAsync("/front-door/contacts/new", new FormUrlEncodedContent([]));
        var page = await client.GetAsync("/children");

        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldBe(SetUp);
        page.Headers.Location!.ToString().ShouldBe(SetUp);
        (await SafeguardAppFactory.PostFormAsync(client, "/sign-out", [], formPage: SetUp)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ARoleThatNeedsIt_CannotTurnItOff_ButAPartnerWhoChoseIt_Can()
    {
        var (worker, _, _) = await SetUpAsync("michael.obrien@northbridge.example");
        var refused = await SafeguardAppFactory.PostFormAsync(worker, SetUp + "?handler=TurnOff", [], formPage: SetUp);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(IndexModel.MustKeep);

        const string partner = "pc.jones@police.example";
        (await (await app.SignInAsync(partner)).GetAsync("/partner")).StatusCode.ShouldBe(HttpStatusCode.OK, "a partner is not made to set it up");
        var (partnerClient, _, _) = await SetUpAsync(partner);
        var off = await SafeguardAppFactory.PostFormAsync(partnerClient, SetUp + "?handler=TurnOff", [], formPage: SetUp);

        off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await SafeguardAppFactory.PostFormAsync(app.CreateBrowserlikeClient(), "/sign-in",
            new() { ["Email"] = partner, ["Password"] = Core.Seeding.DemoAccounts.Password });
        again.Headers.Location!.ToString().ShouldBe("/", "a password alone signs in again");
        await using var db = app.CreateDbContext();
        (await db.Users.SingleAsync(u => u.Email == partner)).TwoFactorEnabled.ShouldBeFalse();
        (await db.Events.CountAsync(e => e.Type == TwoFactorDisabled.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes()
    {
        const string email = "ravi.kumar@northbridge.example";
        var (client, _, old) = await SetUpAsync(email);

        var made = await SafeguardAppFactory.PostFormAsync(client, SetUp + "?handler=RecoveryCodes", [], formPage: SetUp);
        var fresh = (await Html.ParseAsync(made)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        var oldOne = await SafeguardAppFactory.PostFormAsync(await PasswordOnlyAsync(email), "/sign-in/recovery-code", new() { ["Code"] = old[0] });
        var newOne = await SafeguardAppFactory.PostFormAsync(await PasswordOnlyAsync(email), "/sign-in/recovery-code", new() { ["Code"] = fresh[0] });

        fresh.Count.ShouldBe(IndexModel.RecoveryCodeCount);
        fresh.Intersect(old).ShouldBeEmpty();
        oldOne.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        newOne.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.CreateDbContext();
        (await db.Events.CountAsync(e => e.Type == RecoveryCodesRegenerated.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task FiveWrongCodes_LockTheAccount_EvenForTheRightCode()
    {
        const string email = "grace.lee@northbridge.example";
        var (_, key, _) = await SetUpAsync(email);
        var client = await PasswordOnlyAsync(email);
        for (var i = 0; i < IdentityPolicy.FailedAttemptsBeforeLockout; i++)
        {
            await SafeguardAppFactory.PostFormAsync(client, "/sign-in/two-factor", new() { ["Code"] = Totp.Wrong(key, app.Time) });
        }

        Totp.NextStep(app.Time);
        var right = await SafeguardAppFactory.PostFormAsync(client, "/sign-in/two-factor", new() { ["Code"] = Totp.Now(key, app.Time) });

        right.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await right.Content.ReadAsStringAsync()).ShouldContain("Your account is locked");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("", TwoFactorSignInModel.EnterCode)]
    [InlineData("12345", TwoFactorSignInModel.CodeFormat)]
    [InlineData("abcdef", TwoFactorSignInModel.CodeFormat)]
    public async Task ACodeThatIsNotSixDigits_IsAGovUkError_AndKeepsWhatWasTyped(string typed, string error)
    {
        const string email = "sophie.turner@northbridge.example";
        var client = await app.SignInAsync(email);
        _ = await KeyShownAsync(client);

        var response = await SafeguardAppFactory.PostFormAsync(client, SetUp, new() { ["Code"] = typed });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(error);
        (page.QuerySelector("#Code")!.GetAttribute("value") ?? "").ShouldBe(typed);
    }

    [Fact]
    public async Task TheCodeStep_WithoutARightPasswordFirst_GoesBackToSignIn()
    {
        var client = app.CreateBrowserlikeClient();

        var code = await client.GetAsync("/sign-in/two-factor");
        var recovery = await client.GetAsync("/sign-in/recovery-code");

        code.Headers.Location!.ToString().ShouldStartWith("/sign-in");
        code.Headers.Location!.ToString().ShouldNotContain("two-factor");
        recovery.Headers.Location!.ToString().ShouldNotContain("recovery-code");
    }
}
