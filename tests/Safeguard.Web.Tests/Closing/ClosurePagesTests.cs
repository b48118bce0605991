using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Closing;

/// <summary>
/// Closing a case through its page, as a form without JavaScript posts it: the CIN reason shown on the child's record,
/// GOV.UK errors keeping what was typed, two managers at once, refused roles and a restricted child.
/// </summary>
public sealed class ClosurePagesTests(SafeguardAppFactory app) : AppTests(app), IAsyncLifetime
{
    public Task InitializeAsync() => QualifyWorkersAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string CloseUrl(Guid referralId) => $"/cases/{referralId}/close";

    private Dictionary<string, string> Form(string reason = "RC7", string summary = "The family no longer needs our help.")
    {
        var today = Today(App);
        return new()
        {
            ["Reason"] = reason, ["Summary"] = summary,
            ["ClosedOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture), ["ClosedOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["ClosedOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task AManagerClosesTheCase_FromTheChildsRecord_AndTheRecordShowsTheReason()
    {
        var referral = await ReferralAsync(App, "Closeme");
        await AllocateAsync(App, referral, Martin, Sam);
        var martin = await App.SignInAsync(Martin);
        var record = Html.Parse(await martin.GetStringAsync($"/children/{referral.PersonId}"));
        record.QuerySelectorAll("[data-testid=referrals] a").Single(a => a.TextContent.Contains("Close the case")).GetAttribute("href")
            .ShouldBe(CloseUrl(referral.Id));

        var missing = await SafeguardAppFactory.PostFormAsync(martin, CloseUrl(referral.Id), Form(reason: "", summary: "Keep me"));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = Html.Parse(await missing.Content.ReadAsStringAsync());
        errors.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent.ShouldContain("Select the reason for closure");
        errors.QuerySelector("#Summary").ShouldNotBeNull().TextContent.Trim().ShouldBe("Keep me");

        var closed = await SafeguardAppFactory.PostFormAsync(martin, CloseUrl(referral.Id), Form());

        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await closed.Content.ReadAsStringAsync());
        var after = Html.Parse(await martin.GetStringAsync($"/children/{referral.PersonId}"));
        after.QuerySelector("[data-testid=referrals]").ShouldNotBeNull().TextContent
            .ShouldContain("RC7 Services ceased for any other reason, including child no longer in need");
        await using var read = App.CreateDbContext();
        (await read.Referrals.SingleAsync(r => r.Id == referral.Id)).Status.ShouldBe(ReferralStatus.Closed);
    }

    [Fact]
    public async Task TwoManagersClosingAtOnce_OneIsKept_TheOtherGets409WithWhatTheyTyped()
    {
        var referral = await ReferralAsync(App, "Closetwice");
        await AllocateAsync(App, referral, Martin, Sam);
        var martin = await App.SignInAsync(Martin);
        var helen = await App.SignInAsync(Helen);
        var martinsPage = await martin.GetStringAsync(CloseUrl(referral.Id));
        var helensPage = await helen.GetStringAsync(CloseUrl(referral.Id));
        List<KeyValuePair<string, string>> Body(string page, Dictionary<string, string> form)
        {
            var body = Html.AsPosted(page, CloseUrl(referral.Id), form);
            body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(page)));
            return body;
        }

        var results = await Task.WhenAll(
            martin.PostAsync(CloseUrl(referral.Id), new FormUrlEncodedContent(Body(martinsPage, Form("RC5", "Moved to Leeds.")))),
            helen.PostAsync(CloseUrl(referral.Id), new FormUrlEncodedContent(Body(helensPage, Form("RC7", "Helen's summary")))));

        results.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Conflict], ignoreOrder: true);
        var refused = Html.Parse(await results.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync());
        refused.QuerySelector("[data-testid=changed-elsewhere]").ShouldNotBeNull().TextContent.ShouldContain("already closed");
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.ConferenceChair)]
    [InlineData(Roles.PerformanceAnalyst)]
    public async Task RolesThatMayNotCloseACase_AreRefused403_AndTheCaseStaysOpen(string role)
    {
        var referral = await ReferralAsync(App, "Closerefused" + role[..4]);
        var refused = await App.SignInAsRoleAsync(role);

        (await refused.GetAsync(CloseUrl(referral.Id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = Form().Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        body.Add(new("Version", "1"));
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await refused.GetStringAsync("/"))));
        (await refused.PostAsync(CloseUrl(referral.Id), new FormUrlEncodedContent(body))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var read = App.CreateDbContext();
        (await read.Referrals.SingleAsync(r => r.Id == referral.Id)).Status.ShouldNotBe(ReferralStatus.Closed);
    }

    [Fact]
    public async Task ARestrictedChildsCase_IsNotFound_ToAManagerNotOnTheList_AndStaysOpen()
    {
        var referral = await ReferralAsync(App, "Closehidden");
        await using (var asHelen = App.Database.CreateContext(App.Time, new Actor(await App.UserIdAsync(Helen), "Helen Price")))
        {
            (await new AccessLists(asHelen).RestrictAsync(referral.PersonId, "Relative of staff")).ShouldBe(AccessChange.Done);
        }
        var martin = await App.SignInAsync(Martin);

        var hidden = await martin.GetAsync(CloseUrl(referral.Id));
        var missing = await martin.GetAsync(CloseUrl(Guid.NewGuid()));
        var body = Form().Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        body.Add(new("Version", "1"));
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await martin.GetStringAsync("/"))));
        var post = await martin.PostAsync(CloseUrl(referral.Id), new FormUrlEncodedContent(body));

        (hidden.StatusCode, missing.StatusCode, post.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        (await hidden.Content.ReadAsStringAsync()).ShouldNotContain("Closehidden");
        await using var read = App.CreateDbContext();
        (await read.Referrals.SingleAsync(r => r.Id == referral.Id)).Status.ShouldNotBe(ReferralStatus.Closed);
        (await read.Events.CountAsync(e => e.PersonId == referral.PersonId && e.Type == RecordAccessRefused.Name)).ShouldBeGreaterThanOrEqualTo(2);
    }
}
