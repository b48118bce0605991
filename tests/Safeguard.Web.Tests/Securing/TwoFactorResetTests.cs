using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Sessions;
using Safeguard.Core.Workforce;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Securing.TwoFactorSetUp;

namespace Safeguard.Web.Tests.Securing;

/// <summary>The app with two-factor sign-in required, and the administrator's authenticator key once it is set up.</summary>
public sealed class TwoFactorResetApp : SafeguardAppFactory
{
    protected override bool RequireTwoFactor => true;

    public const string Admin = "alex.admin@northbridge.example";

    private string? _adminKey;

    /// <summary>The administrator, signed in with their own second factor (set up the first time).</summary>
    public async Task<HttpClient> AdminAsync()
    {
        if (_adminKey is { } key) return await TwoFactorSetUp.SignInAsync(this, Admin, key);
        var (client, made) = await TwoFactorSetUp.SetUpAsync(this, Admin);
        _adminKey = made;
        return client;
    }
}

/// <summary>
/// An administrator resets the two-factor sign-in of someone who lost their phone: key and recovery codes gone, sessions
/// ended, set up again at the next sign-in; a reason is required; nobody resets their own; other roles are refused.
/// </summary>
public sealed class TwoFactorResetTests(TwoFactorResetApp app) : IClassFixture<TwoFactorResetApp>
{
    private static string PagePath(Guid id) => $"/admin/users/{id}/two-factor";

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    [Fact]
    public async Task AReset_RemovesTheKeyAndCodes_EndsTheirSessions_IsRecordedWithItsReason_AndTheNextSignInGoesToSetUp()
    {
        const string email = "grace.lee@northbridge.example";
        var id = await app.UserIdAsync(email);
        var (setUpClient, key) = await SetUpAsync(app, email);
        var signedIn = await SignInAsync(app, email, key);
        var admin = await app.AdminAsync();

        var shown = await Html.ParseAsync(await admin.GetAsync(PagePath(id)));
        var noReason = await SafeguardAppFactory.PostFormAsync(admin, PagePath(id), new() { ["Reason"] = " " });
        var reset = await SafeguardAppFactory.PostFormAsync(admin, PagePath(id), new() { ["Reason"] = "Lost her phone on a home visit" });

        shown.QuerySelector("[data-testid=two-factor-state]")!.TextContent.ShouldContain("signs in with an authenticator app");
        shown.QuerySelector("[data-testid=own-account]").ShouldBeNull();
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorAsync(noReason)).ShouldContain("Enter the reason for the reset");
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reset.Headers.Location!.ToString().ShouldBe("/admin/users");
        var list = await Html.ParseAsync(await admin.GetAsync("/admin/users"));
        list.QuerySelector(".govuk-notification-banner--success")!.TextContent.ShouldContain("Two-factor sign-in reset for Grace Lee");
        (await setUpClient.GetAsync("/")).Headers.Location!.ToString().ShouldContain("/sign-in", customMessage: "the session of the set-up ended");
        (await signedIn.GetAsync("/")).Headers.Location!.ToString().ShouldContain("/sign-in", customMessage: "the session of the code sign-in ended");

        await using (var db = app.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == id)).TwoFactorEnabled.ShouldBeFalse();
            (await db.UserTokens.Where(t => t.UserId == id).Select(t => t.Name).ToListAsync()).ShouldBeEmpty("no key and no recovery codes");
            var sessions = await db.SignInSessions.Where(s => s.UserId == id).ToListAsync();
            sessions.Count.ShouldBe(2);
            sessions.ShouldAllBe(s => s.EndedAt != null && s.EndedBecause == SessionEnd.TwoFactorReset);
            var recorded = await db.Events.SingleAsync(e => e.Type == TwoFactorReset.Name && e.SubjectId == id);
            recorded.Reason.ShouldBe("Lost her phone on a home visit");
            recorded.ActorName.ShouldBe("Alex Admin");
            recorded.Summary.ShouldContain("Grace Lee");
            recorded.Summary.ShouldContain("2 sessions ended");
            (recorded.Summary + recorded.Data).ShouldNotContain(key, Case.Insensitive);
        }

        var again = await app.SignInAsync(email);
        (await again.GetAsync("/")).Headers.Location!.ToString().ShouldBe(Page, "a password alone now, then set-up");
        var newKey = (await Html.ParseAsync(await again.GetAsync(Page))).QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "").Trim();
        newKey.ShouldNotBe(key, "the lost phone's key works no more");
    }

    [Fact]
    public async Task AReset_EndsALockoutFromWrongCodes_SoTheNextSignInGoesToSetUp()
    {
        const string email = "daniel.osei@northbridge.example";
        var id = await app.UserIdAsync(email);
        var (_, key) = await SetUpAsync(app, email);
        var locked = await PasswordOnlyAsync(app, email);
        for (var i = 0; i < Core.Security.IdentityPolicy.FailedAttemptsBeforeLockout; i++)
        {
            await EnterCodeAsync(locked, Totp.Wrong(key, app.Time));
        }
        Totp.NextStep(app.Time);
        (await (await EnterCodeAsync(locked, Totp.Now(key, app.Time))).Content.ReadAsStringAsync()).ShouldContain("Your account is locked");
        var admin = await app.AdminAsync();

        var reset = await SafeguardAppFactory.PostFormAsync(admin, PagePath(id), new() { ["Reason"] = "Locked out after a new phone" });

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await app.SignInAsync(email);
        (await again.GetAsync("/")).Headers.Location!.ToString().ShouldBe(Page, "no longer locked: a password alone now, then set-up");
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        user.AccessFailedCount.ShouldBe(0);
    }

    [Fact]
    public async Task AnAdministrator_ResettingTheirOwn_IsRefused_TheReasonKept_AndTheAttemptRecorded()
    {
        var admin = await app.AdminAsync();
        var self = await app.UserIdAsync(TwoFactorResetApp.Admin);

        var own = await Html.ParseAsync(await admin.GetAsync(PagePath(self)));
        var refused = await SafeguardAppFactory.PostFormAsync(admin, PagePath(self), new() { ["Reason"] = "New phone" });

        own.QuerySelector("[data-testid=own-account]")!.TextContent.ShouldContain("Ask another administrator");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(refused);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(SelfAdministrationRule.Refusal);
        page.QuerySelector("#Reason")!.TextContent.ShouldContain("New phone");
        (await admin.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in");
        await using var db = app.CreateDbContext();
        (await db.Users.SingleAsync(u => u.Id == self)).TwoFactorEnabled.ShouldBeTrue();
        (await db.Events.SingleAsync(e => e.Type == TwoFactorSelfResetRefused.Name && e.SubjectId == self)).Reason.ShouldBe("New phone");
        (await db.Events.AnyAsync(e => e.Type == TwoFactorReset.Name && e.SubjectId == self)).ShouldBeFalse();
    }

    [Fact]
    public async Task ASocialWorker_AndAPartner_AreRefused_AndNothingIsReset()
    {
        var target = await app.UserIdAsync("ravi.kumar@northbridge.example");
        var (worker, _) = await SetUpAsync(app, "sam.okafor@northbridge.example");
        var partner = await app.SignInAsync("pc.jones@police.example");

        var workerGet = await worker.GetAsync(PagePath(target));
        var workerPost = await SafeguardAppFactory.PostFormAsync(worker, PagePath(target), new() { ["Reason"] = "Asked to" }, formPage: Page);
        var partnerGet = await partner.GetAsync(PagePath(target));

        workerGet.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        workerPost.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        partnerGet.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.CreateDbContext();
        (await db.Events.AnyAsync(e => e.Type == TwoFactorReset.Name && e.SubjectId == target)).ShouldBeFalse();
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused_AndNothingIsReset()
    {
        const string email = "ben.taylor@northbridge.example";
        var id = await app.UserIdAsync(email);
        await SetUpAsync(app, email);
        var admin = await app.AdminAsync();

        var forged = await admin.PostAsync(PagePath(id), new FormUrlEncodedContent([new("Reason", "Forged")]));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = app.CreateDbContext();
        (await db.Users.SingleAsync(u => u.Id == id)).TwoFactorEnabled.ShouldBeTrue();
        (await db.Events.AnyAsync(e => e.Type == TwoFactorReset.Name && e.SubjectId == id)).ShouldBeFalse();
    }
}
