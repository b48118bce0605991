using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Pages.Account;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Securing.TwoFactorSetUp;

namespace Safeguard.Web.Tests.Securing;

/// <summary>
/// An authenticator code works once: not again in its own 30-second step, nor a code of an earlier step, even from two
/// browsers at the same moment; and codes are checked on the app's clock, not the machine's.
/// </summary>
public sealed class AuthenticatorCodeReuseTests(TwoFactorAppFactory app) : IClassFixture<TwoFactorAppFactory>
{
    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    [Fact]
    public async Task ACode_SignsInOnce_NeitherItNorAnEarlierStepsCodeAgain_ButTheNextStepsCodeDoes()
    {
        const string email = "daniel.osei@northbridge.example";
        var (_, key) = await SetUpAsync(app, email);
        var setUpCode = Totp.Now(key, app.Time);

        var withSetUpCode = await EnterCodeAsync(await PasswordOnlyAsync(app, email), setUpCode);
        Totp.NextStep(app.Time);
        var code = Totp.Now(key, app.Time);
        var first = await EnterCodeAsync(await PasswordOnlyAsync(app, email), code);
        var again = await EnterCodeAsync(await PasswordOnlyAsync(app, email), code);
        var earlier = await EnterCodeAsync(await PasswordOnlyAsync(app, email), setUpCode);
        Totp.NextStep(app.Time);
        var next = await EnterCodeAsync(await PasswordOnlyAsync(app, email), Totp.Now(key, app.Time));

        withSetUpCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the code that set the app up was used");
        (await ErrorAsync(withSetUpCode)).ShouldContain(TwoFactorSignInModel.WrongCode);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the same code in the same step");
        (await ErrorAsync(again)).ShouldContain(TwoFactorSignInModel.WrongCode);
        earlier.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a code of the step before, still inside the window");
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the next step's code");
    }

    [Fact]
    public async Task TwoSignInsWithTheSameCodeAtOnce_ExactlyOneSucceeds()
    {
        const string email = "fatima.begum@northbridge.example";
        var (_, key) = await SetUpAsync(app, email);

        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var a = await PasswordOnlyAsync(app, email);
            var b = await PasswordOnlyAsync(app, email);
            Totp.NextStep(app.Time);
            var code = new Dictionary<string, string> { ["Code"] = Totp.Now(key, app.Time) };

            var both = (await AtOnce.PostAsync(a, b, "/sign-in/two-factor", code, code)).Both();

            both.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, $"round {round + 1}");
            both.Count(r => r.StatusCode == HttpStatusCode.BadRequest).ShouldBe(1, $"round {round + 1}");
            // A sign-in on its own with the next code works, and clears the failure the refused one counted.
            (await SignInAsync(app, email, key)).ShouldNotBeNull();
        }
        var userId = await app.UserIdAsync(email);
        await using var db = app.CreateDbContext();
        (await db.Events.CountAsync(e => e.SubjectId == userId && e.Type == Core.Audit.TwoFactorFailed.Name)).ShouldBe(AtOnce.Rounds);
    }

    [Fact]
    public async Task TheCode_IsCheckedOnTheAppsClock_NotTheMachines()
    {
        const string email = "sophie.turner@northbridge.example";
        var (_, key) = await SetUpAsync(app, email);
        Totp.NextStep(app.Time);
        (DateTimeOffset.UtcNow - app.Time.GetUtcNow()).Duration().ShouldBeGreaterThan(TimeSpan.FromMinutes(10), "the test clock is far from the machine's");

        var client = await PasswordOnlyAsync(app, email);
        var machine = await EnterCodeAsync(client, Totp.Code(key, DateTimeOffset.UtcNow));
        var appClock = await EnterCodeAsync(client, Totp.Now(key, app.Time));

        machine.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorAsync(machine)).ShouldContain(TwoFactorSignInModel.WrongCode);
        appClock.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/")).ShouldContain("Hello, Sophie Turner");
    }
}
