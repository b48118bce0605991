using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Security.Throttling;
using Safeguard.Core.Seeding;
using Safeguard.Web.Pages.Account;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Passwords;

/// <summary>
/// Failed sign-ins earn growing waits per account (and per address), never a lockout: five failures, then 2, 4, 8 ...
/// seconds before the password is even checked. The fake clock moves; nothing sleeps.
/// </summary>
public sealed class SignInThrottleTests(SafeguardAppFactory app) : AppTests(app)
{
    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        SafeguardAppFactory.PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = password });

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent.Trim();
    }

    private async Task FailFiveTimesAsync(HttpClient client, string email)
    {
        for (var i = 0; i < 5; i++)
        {
            (await ErrorAsync(await SignInAsync(client, email, "wrong-password-" + i))).ShouldContain(SignInModel.WrongDetails);
        }
    }

    [Fact]
    public async Task SixthAttempt_IsToldToWait_EvenWithTheRightPassword_AndAfterTheWaitTheRightPasswordWorks()
    {
        const string email = "fatima.begum@northbridge.example";
        var client = App.CreateBrowserlikeClient();
        await FailFiveTimesAsync(client, email);

        var sixth = await SignInAsync(client, email, DemoAccounts.Password);

        (await ErrorAsync(sixth)).ShouldContain("Too many attempts. Wait 2 seconds and try again");
        App.Time.Advance(TimeSpan.FromSeconds(2));
        var afterWait = await SignInAsync(client, email, DemoAccounts.Password);
        afterWait.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.Type == SignInFailed.Name && e.Summary.Contains(email) && e.Summary.Contains("too many attempts")))
            .ShouldBe(1);
    }

    [Fact]
    public async Task EachFailureAfterTheWait_DoublesTheNextWait_UpToFifteenMinutes()
    {
        const string email = "ben.taylor@northbridge.example";
        var client = App.CreateBrowserlikeClient();
        await FailFiveTimesAsync(client, email);

        foreach (var seconds in new[] { 2, 4, 8, 16 })
        {
            App.Time.Advance(TimeSpan.FromSeconds(seconds));
            (await ErrorAsync(await SignInAsync(client, email, "still-wrong"))).ShouldContain(SignInModel.WrongDetails);
            (await ErrorAsync(await SignInAsync(client, email, "still-wrong")))
                .ShouldContain(SignInWaits.TooManyAttempts(TimeSpan.FromSeconds(seconds * 2)), customMessage: $"after the wait of {seconds} seconds");
        }
        for (var i = 0; i < 12; i++)
        {
            App.Time.Advance(TimeSpan.FromMinutes(15));
            await SignInAsync(client, email, "still-wrong");
        }
        (await ErrorAsync(await SignInAsync(client, email, DemoAccounts.Password))).ShouldContain("Wait 15 minutes");
        App.Time.Advance(TimeSpan.FromMinutes(15));
        (await SignInAsync(client, email, DemoAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a wait, never a lockout");
    }

    [Fact]
    public async Task AnAccountThatExists_AndOneThatDoesNot_GetTheSameWordsAtEveryStep()
    {
        const string known = "sophie.turner@northbridge.example";
        var unknown = $"nobody-{Guid.NewGuid():N}@northbridge.example";
        var client = App.CreateBrowserlikeClient();

        var knownWords = new List<string>();
        var unknownWords = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            knownWords.Add(await ErrorAsync(await SignInAsync(client, known, "wrong-password-" + i)));
            unknownWords.Add(await ErrorAsync(await SignInAsync(client, unknown, "wrong-password-" + i)));
        }

        unknownWords.ShouldBe(knownWords);
        knownWords[5].ShouldContain("Too many attempts");
    }

    [Fact]
    public async Task AWaitOnOneAccount_DoesNotSlowAnotherSigningInFromTheSameAddress()
    {
        var attacked = $"target-{Guid.NewGuid():N}@northbridge.example";
        var client = App.CreateBrowserlikeClient();
        await FailFiveTimesAsync(client, attacked);
        (await ErrorAsync(await SignInAsync(client, attacked, "x"))).ShouldContain("Too many attempts");

        var other = await SignInAsync(App.CreateBrowserlikeClient(), "daniel.osei@northbridge.example", DemoAccounts.Password);

        other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TheWaitsAreKeptInTheDatabase_AsAHashNeverTheEmailOrThePassword()
    {
        var email = $"kept-{Guid.NewGuid():N}@northbridge.example";
        var client = App.CreateBrowserlikeClient();
        await FailFiveTimesAsync(client, email);

        await using var db = App.CreateDbContext();
        var row = await db.SignInThrottles.SingleAsync(t => t.Key == SignInThrottling.AccountKey(email));
        row.Failures.ShouldBe(5);
        row.WaitUntil.ShouldBe(App.Time.GetUtcNow().AddSeconds(2));
        (await db.SignInThrottles.AnyAsync(t => t.Key.Contains("kept-"))).ShouldBeFalse();
        (await db.Events.Where(e => e.Type == SignInFailed.Name).AnyAsync(e => e.Data!.Contains("wrong-password-"))).ShouldBeFalse();
    }
}
