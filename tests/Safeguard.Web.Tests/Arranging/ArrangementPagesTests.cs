using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Arrangements;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Arranging;

/// <summary>
/// Proposing a stay with a connected person, recording a check and agreeing it through the pages, as forms without
/// JavaScript post them: a worker is refused with checks missing, a manager agrees with a reason; refused roles; a
/// restricted child.
/// </summary>
public sealed class ArrangementPagesTests(SafeguardAppFactory app) : AppTests(app), IAsyncLifetime
{
    public Task InitializeAsync() => QualifyWorkersAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewUrl(Guid childId) => $"/children/{childId}/arrangements/new";

    private Dictionary<string, string> Proposal()
    {
        var from = Today(App).AddDays(1);
        return new()
        {
            ["CarerName"] = "Jean Green", ["Relationship"] = "Maternal grandmother", ["Address"] = "4 Mill Lane, Northbridge",
            ["From.Day"] = from.Day.ToString(CultureInfo.InvariantCulture), ["From.Month"] = from.Month.ToString(CultureInfo.InvariantCulture),
            ["From.Year"] = from.Year.ToString(CultureInfo.InvariantCulture),
        };
    }

    private async Task<(Guid ChildId, string Url)> ProposedAsync(string given)
    {
        var referral = await ReferralAsync(App, given);
        await AllocateAsync(App, referral, Martin, Sam);
        var sam = await App.SignInAsync(Sam);
        var posted = await SafeguardAppFactory.PostFormAsync(sam, NewUrl(referral.PersonId), Proposal());
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        return (referral.PersonId, posted.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AWorkerProposesAndRecordsACheck_CannotAgreeWithChecksMissing_AManagerAgreesWithAReason()
    {
        var (childId, url) = await ProposedAsync("Staywith");
        var sam = await App.SignInAsync(Sam);
        var today = Today(App);

        var check = await SafeguardAppFactory.PostFormAsync(sam, $"{url}?handler=check", new()
        {
            ["Kind"] = "HomeVisit", ["Findings"] = "Two bedrooms, warm and clean",
            ["CompletedOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture), ["CompletedOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["CompletedOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture),
        }, formPage: url);
        check.StatusCode.ShouldBe(HttpStatusCode.Redirect, await check.Content.ReadAsStringAsync());
        var page = Html.Parse(await sam.GetStringAsync(url));
        page.QuerySelector("[data-testid=checks]").ShouldNotBeNull().TextContent.ShouldContain("Two bedrooms, warm and clean");
        page.QuerySelector("[data-testid=missing-checks]").ShouldNotBeNull().TextContent.ShouldContain("Only a manager can agree the stay now");
        page.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Agree the stay");

        var martin = await App.SignInAsync(Martin);
        var noReason = await SafeguardAppFactory.PostFormAsync(martin, $"{url}?handler=agree", new() { ["MissingChecksReason"] = "" }, formPage: url);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Enter why the child may stay before every check is done");
        var agreed = await SafeguardAppFactory.PostFormAsync(martin, $"{url}?handler=agree",
            new() { ["MissingChecksReason"] = "Mother in hospital tonight; grandmother known to us" }, formPage: url);
        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await agreed.Content.ReadAsStringAsync());
        Html.Parse(await martin.GetStringAsync(url)).QuerySelector("[data-testid=status]").ShouldNotBeNull().TextContent.ShouldContain("Agreed");

        var record = Html.Parse(await sam.GetStringAsync($"/children/{childId}"));
        record.QuerySelector("[data-testid=arrangements]").ShouldNotBeNull().TextContent.ShouldContain("3 checks not done");
        await using var read = App.CreateDbContext();
        (await read.WorkItems.CountAsync(w => w.PersonId == childId && w.Kind == WorkKind.CarerCheck && w.ClosedAt == null)).ShouldBe(3);
    }

    [Theory]
    [InlineData(Roles.ConferenceChair)]
    [InlineData(Roles.PerformanceAnalyst)]
    [InlineData(Roles.FrontDoorWorker)]
    public async Task RolesThatMayNotRecordStays_AreRefused403(string role)
    {
        var (childId, url) = await ProposedAsync("Stayrefused" + role[..4]);
        var refused = await App.SignInAsRoleAsync(role);

        (await refused.GetAsync(NewUrl(childId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = new List<KeyValuePair<string, string>>
        {
            new("Version", "1"), new("MissingChecksReason", "Should not be saved"),
            new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await refused.GetStringAsync("/"))),
        };
        (await refused.PostAsync($"{url}?handler=agree", new FormUrlEncodedContent(body))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var read = App.CreateDbContext();
        (await read.CarerArrangements.SingleAsync(a => a.PersonId == childId)).Status.ShouldBe(ArrangementStatus.Proposed);
    }

    [Fact]
    public async Task ARestrictedChild_IsNotFound_OnBothPages_ToAManagerNotOnTheList()
    {
        var (childId, url) = await ProposedAsync("Stayhidden");
        await using (var asHelen = App.Database.CreateContext(App.Time, new Actor(await App.UserIdAsync(Helen), "Helen Price")))
        {
            (await new AccessLists(asHelen).RestrictAsync(childId, "High-profile family")).ShouldBe(AccessChange.Done);
        }
        var martin = await App.SignInAsync(Martin);

        var hiddenNew = await martin.GetAsync(NewUrl(childId));
        var hiddenView = await martin.GetAsync(url);
        var body = new List<KeyValuePair<string, string>>
        {
            new("Version", "1"), new("MissingChecksReason", "Should not be saved"),
            new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await martin.GetStringAsync("/"))),
        };
        var post = await martin.PostAsync($"{url}?handler=agree", new FormUrlEncodedContent(body));

        (hiddenNew.StatusCode, hiddenView.StatusCode, post.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        (await hiddenView.Content.ReadAsStringAsync()).ShouldNotContain("Stayhidden");
        await using var read = App.CreateDbContext();
        (await read.CarerArrangements.SingleAsync(a => a.PersonId == childId)).Status.ShouldBe(ArrangementStatus.Proposed);
    }
}
