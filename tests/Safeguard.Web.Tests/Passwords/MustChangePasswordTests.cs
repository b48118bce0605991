using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Security;
using Safeguard.Core.Passwords;
using Safeguard.Core.Workforce;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Passwords;

/// <summary>A password an administrator set opens only the change page (and sign-out) until it is changed.</summary>
public sealed class MustChangePasswordTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Temporary = "a-long-temporary-password";
    private const string Chosen = "heron-marble-sandwich-4";

    private async Task<Guid> AddUserAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .AddAsync(new NewUser("Yusuf Demir", email, Temporary, [Roles.SocialWorker], null, null, "Social worker"));
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        return result.UserId!.Value;
    }

    [Fact]
    public async Task ANewAccount_SignsInToTheChangePage_ReachesNothingElse_ThenEverythingItMayAfterChanging()
    {
        var email = $"yusuf.{Guid.NewGuid():N}@northbridge.example";
        await AddUserAsync(email);
        var client = App.CreateBrowserlikeClient();

        var signIn = await SafeguardAppFactory.PostFormAsync(client, "/sign-in?ReturnUrl=%2Fchildren",
            new() { ["Email"] = email, ["Password"] = Temporary }, "/sign-in?ReturnUrl=%2Fchildren");

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().ShouldBe("/account/password?ReturnUrl=%2Fchildren");
        foreach (var path in new[] { "/", "/children", "/escalations/new" })
        {
            var refused = await client.GetAsync(path);
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            refused.Headers.Location!.ToString().ShouldBe("/account/password");
        }
        var page = await client.GetStringAsync("/account/password");
        page.ShouldContain("Your password was set by an administrator");

        var changed = await SafeguardAppFactory.PostFormAsync(client, "/account/password?ReturnUrl=%2Fchildren",
            new() { ["CurrentPassword"] = Temporary, ["NewPassword"] = Chosen, ["ConfirmPassword"] = Chosen }, "/account/password?ReturnUrl=%2Fchildren");

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(changed.Headers.Location!.ToString())).ShouldContain("href=\"/children\"");
        (await client.GetAsync("/children")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.Users.SingleAsync(u => u.Email == email)).MustChangePassword.ShouldBeFalse();
    }

    [Fact]
    public async Task WhileThePasswordIsToBeChanged_PostsElsewhereAreTurnedAway_AndSignOutWorks()
    {
        var email = $"yusuf.{Guid.NewGuid():N}@northbridge.example";
        await AddUserAsync(email);
        var client = await App.SignInAsync(email, Temporary);

        var page = await client.GetStringAsync("/account/password");
        var post = await client.PostAsync("/escalations/new", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(page))]));
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldBe("/account/password");

        var signOut = await SafeguardAppFactory.PostFormAsync(client, "/sign-out", [], formPage: "/account/password");
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/account/password")).Headers.Location!.ToString().ShouldContain("/sign-in");
    }

    [Fact]
    public async Task AnAdministratorsReset_MarksTheAccount_AndEndsItsSessions_AndACommonPasswordIsRefused()
    {
        const string email = "michael.obrien@northbridge.example";
        var client = await App.SignInAsync(email);
        var id = await App.UserIdAsync(email);
        var admin = await App.SignInAsync("alex.admin@northbridge.example");
        var page = $"/admin/users/{id}/password";

        var common = await SafeguardAppFactory.PostFormAsync(admin, page, new() { ["NewPassword"] = "qazwsxedcrfv", ["Reason"] = "Forgot the password" });
        var reset = await SafeguardAppFactory.PostFormAsync(admin, page, new() { ["NewPassword"] = Temporary, ["Reason"] = "Forgot the password" });

        common.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await Html.ParseAsync(common);
        refused.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(CommonPasswordValidator.CommonMessage);
        refused.QuerySelector("#NewPassword")!.GetAttribute("value").ShouldBeNullOrEmpty();
        refused.QuerySelector("#Reason")!.TextContent.ShouldContain("Forgot the password");
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).Headers.Location!.ToString().ShouldContain("/sign-in");
        var again = await App.SignInAsync(email, Temporary);
        (await again.GetAsync("/")).Headers.Location!.ToString().ShouldBe("/account/password");
        await using var db = App.CreateDbContext();
        (await db.Events.SingleAsync(e => e.Type == PasswordReset.Name && e.SubjectId == id)).Reason.ShouldBe("Forgot the password");
    }

    [Fact]
    public async Task AnAdministrator_CannotResetTheirOwnPassword_WithoutTheCurrentOne()
    {
        const string email = "alex.admin@northbridge.example";
        var admin = await App.SignInAsync(email);
        var page = $"/admin/users/{await App.UserIdAsync(email)}/password";

        var own = await SafeguardAppFactory.PostFormAsync(admin, page, new() { ["NewPassword"] = Temporary, ["Reason"] = "Locked myself out" });

        own.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await Html.ParseAsync(own);
        refused.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(Core.Workforce.SelfAdministrationRule.Refusal);
        refused.QuerySelector("#Reason")!.TextContent.ShouldContain("Locked myself out");
        (await App.SignInAsync(email)).ShouldNotBeNull("the password is unchanged");
        await using var db = App.CreateDbContext();
        (await db.Users.SingleAsync(u => u.Email == email)).MustChangePassword.ShouldBeFalse();
    }

    [Fact]
    public async Task TheSeededDemoAccounts_AreNotMarked_SoTheDemoSignsInStraightAway()
    {
        await using var db = App.CreateDbContext();

        // michael.obrien is reset by a test of this class.
        var demo = Core.Seeding.DemoAccounts.All.Select(a => a.Email).Where(e => e != "michael.obrien@northbridge.example").ToList();

        (await db.Users.CountAsync(u => demo.Contains(u.Email!))).ShouldBe(demo.Count);
        (await db.Users.Where(u => demo.Contains(u.Email!) && u.MustChangePassword).Select(u => u.Email).ToListAsync()).ShouldBeEmpty();
        var client = await App.SignInAsync("tom.evans@northbridge.example");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
