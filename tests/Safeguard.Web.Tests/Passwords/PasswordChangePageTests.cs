using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Passwords;
using Safeguard.Core.Seeding;
using Safeguard.Core.Sessions;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Passwords;

/// <summary>Changing one's own password at /account/password: the other sessions end, nothing secret comes back.</summary>
public sealed class PasswordChangePageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Page = "/account/password";
    private const string NewPassword = "kettle-orchard-lantern-9";

    private static Dictionary<string, string> Form(string current, string next, string? confirm = null) => new()
    {
        ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = confirm ?? next,
    };

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        foreach (var field in new[] { "CurrentPassword", "NewPassword", "ConfirmPassword" })
        {
            page.QuerySelector($"#{field}")!.GetAttribute("value").ShouldBeNullOrEmpty($"{field} is never sent back");
        }
        return page.QuerySelector(".govuk-error-summary")!.TextContent;
    }

    [Fact]
    public async Task ChangingThePassword_EndsEveryOtherSession_KeepsThisOne_AndTheNewPasswordSignsIn()
    {
        const string email = "chloe.adams@northbridge.example";
        var elsewhere = await App.SignInAsync(email);
        (await elsewhere.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = await App.SignInAsync(email);
        var stampBefore = await StampAsync(email);

        var response = await SafeguardAppFactory.PostFormAsync(client, Page, Form(DemoAccounts.Password, NewPassword));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var done = await client.GetAsync(response.Headers.Location!.ToString());
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Content.ReadAsStringAsync()).ShouldContain("Your password has been changed");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "this session goes on");
        var copied = await elsewhere.GetAsync("/");
        copied.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the other session ended at once");
        copied.Headers.Location!.ToString().ShouldContain("/sign-in");
        (await StampAsync(email)).ShouldNotBe(stampBefore);
        (await SafeguardAppFactory.PostFormAsync(App.CreateBrowserlikeClient(), "/sign-in",
            new() { ["Email"] = email, ["Password"] = DemoAccounts.Password })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await App.SignInAsync(email, NewPassword);
        await using var db = App.CreateDbContext();
        var userId = await App.UserIdAsync(email);
        var changed = await db.Events.SingleAsync(e => e.Type == PasswordChanged.Name && e.SubjectId == userId);
        changed.Data!.ShouldNotContain(NewPassword);
        changed.Data!.ShouldNotContain(DemoAccounts.Password);
        (await db.SignInSessions.CountAsync(s => s.UserId == userId && s.EndedBecause == SessionEnd.PasswordChanged)).ShouldBe(2);
    }

    [Fact]
    public async Task AWrongCurrentPassword_IsRefused_AndNothingTypedComesBack()
    {
        var client = await App.SignInAsync("omar.farouk@northbridge.example");

        var response = await SafeguardAppFactory.PostFormAsync(client, Page, Form("not-my-password", NewPassword));

        (await ErrorsAsync(response)).ShouldContain(PasswordChanges.WrongCurrent);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("password1234", CommonPasswordValidator.CommonMessage)]
    [InlineData("Liverpool2026!", CommonPasswordValidator.CommonMessage)]
    [InlineData("ruth-morgan-keys", CommonPasswordValidator.PersonalMessage)]
    [InlineData("short-one", "Passwords must be at least 12 characters")]
    public async Task AWeakNewPassword_IsRefusedWithItsReason(string weak, string message)
    {
        var client = await App.SignInAsync("ruth.morgan@northbridge.example");

        var response = await SafeguardAppFactory.PostFormAsync(client, Page, Form(DemoAccounts.Password, weak));

        (await ErrorsAsync(response)).ShouldContain(message);
        await App.SignInAsync("ruth.morgan@northbridge.example");
    }

    [Fact]
    public async Task NewPasswordsThatDoNotMatch_OrNothingTyped_AreRefusedWithGovUkErrors()
    {
        var client = await App.SignInAsync("david.clarke@northbridge.example");

        var mismatch = await ErrorsAsync(await SafeguardAppFactory.PostFormAsync(client, Page, Form(DemoAccounts.Password, NewPassword, NewPassword + "x")));
        var empty = await ErrorsAsync(await SafeguardAppFactory.PostFormAsync(client, Page, Form("", "", "")));

        mismatch.ShouldContain("The passwords do not match");
        empty.ShouldContain("Enter your current password");
        empty.ShouldContain("Enter a new password");
    }

    private async Task<string?> StampAsync(string email)
    {
        await using var db = App.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync();
    }
}
