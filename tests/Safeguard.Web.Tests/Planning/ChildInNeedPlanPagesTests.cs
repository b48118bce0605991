using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Planning;

/// <summary>
/// Child in need plans through their pages, as forms without JavaScript post them: listed on the child's record and the
/// worker's tray, a review with GOV.UK errors keeping what was typed, two reviews at once, refused roles and a restricted child.
/// </summary>
public sealed class ChildInNeedPlanPagesTests(SafeguardAppFactory app) : AppTests(app), IAsyncLifetime
{
    public Task InitializeAsync() => QualifyWorkersAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new child's referral allocated to Sam, assessed by Sam and authorised by Martin with a child in need plan as its outcome.</summary>
    private async Task<ChildPlan> PlanAsync(string given)
    {
        var referral = await ReferralAsync(App, given);
        await AllocateAsync(App, referral, Martin, Sam);
        StaffUser sam, martin;
        await using (var db = App.CreateDbContext())
        {
            sam = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Sam);
            martin = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Martin);
        }
        await using (var db = App.CreateDbContext()) referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id);
        return await ChildInNeedTestData.PlanAfterAssessmentAsync(App.Database, App.Time, martin, sam, referral);
    }

    private static string ReviewUrl(Guid planId) => $"/child-in-need-plans/{planId}/review";

    private Dictionary<string, string> Review(string continues = "yes", string? endReason = null)
    {
        var today = Today(App);
        return new()
        {
            ["HeldOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture), ["HeldOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["HeldOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["Participants"] = "Sam Okafor; mother; school nurse", ["Progress"] = "School attendance up to 95%.",
            ["PlanContinues"] = continues, ["EndReason"] = endReason ?? "",
        };
    }

    private static async Task<List<KeyValuePair<string, string>>> PostedAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var body = Html.AsPosted(page, path, fields);
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(page)));
        return body;
    }

    [Fact]
    public async Task TheWorkerReviewsThePlan_FromTheirTray_AndTheNextReviewIsShown()
    {
        var plan = await PlanAsync("Cinreview");
        var sam = await App.SignInAsync(Sam);
        var record = Html.Parse(await sam.GetStringAsync($"/children/{plan.PersonId}"));
        var listed = record.QuerySelector("[data-testid=child-in-need-plans]").ShouldNotBeNull();
        listed.QuerySelector("a").ShouldNotBeNull().GetAttribute("href").ShouldBe($"/child-in-need-plans/{plan.Id}");
        var home = Html.Parse(await sam.GetStringAsync("/"));
        home.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain(ReviewUrl(plan.Id));

        var missing = Review(continues: "");
        missing["Progress"] = "Kept as typed";
        var refused = await SafeguardAppFactory.PostFormAsync(sam, ReviewUrl(plan.Id), missing);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = Html.Parse(await refused.Content.ReadAsStringAsync());
        errors.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent.ShouldContain("Select whether the plan continues");
        errors.QuerySelector("#Progress").ShouldNotBeNull().TextContent.Trim().ShouldBe("Kept as typed");

        var posted = await SafeguardAppFactory.PostFormAsync(sam, ReviewUrl(plan.Id), Review());

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var page = Html.Parse(await sam.GetStringAsync($"/child-in-need-plans/{plan.Id}"));
        page.QuerySelector("[data-testid=reviews]").ShouldNotBeNull().TextContent.ShouldContain("School attendance up to 95%.");
        var due = Core.ChildInNeed.ChildInNeedReviewDueRule.DueOn(Core.Timescales.WorkingDayCalendar.Default(), Today(App), new Core.CaseNotes.VisitSettings());
        page.QuerySelector("[data-testid=review-due]").ShouldNotBeNull().TextContent.Trim().ShouldBe(due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TwoReviewsAtOnce_KeepOne_AndTheOtherIsToldWithWhatTheyTyped()
    {
        var plan = await PlanAsync("Cintwice");
        var sam = await App.SignInAsync(Sam);
        var martin = await App.SignInAsync(Martin);
        var ending = Review(continues: "no", endReason: "Needs met");
        var continuing = Review();
        continuing["Progress"] = "Martin's words";
        var endingBody = await PostedAsync(sam, ReviewUrl(plan.Id), ending);
        var continuingBody = await PostedAsync(martin, ReviewUrl(plan.Id), continuing);

        var results = await Task.WhenAll(
            sam.PostAsync(ReviewUrl(plan.Id), new FormUrlEncodedContent(endingBody)),
            martin.PostAsync(ReviewUrl(plan.Id), new FormUrlEncodedContent(continuingBody)));

        results.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Conflict], ignoreOrder: true);
        var refused = Html.Parse(await results.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync());
        refused.QuerySelector("[data-testid=changed-elsewhere]").ShouldNotBeNull();
        await using var read = App.CreateDbContext();
        (await read.ChildInNeedReviews.CountAsync(r => r.ChildPlanId == plan.Id)).ShouldBe(1);
        (await read.WorkItems.CountAsync(w => w.SubjectId == plan.Id && w.Kind == WorkKind.Review && w.ClosedAt == null))
            .ShouldBe((await read.ChildPlans.SingleAsync(p => p.Id == plan.Id)).IsOpen ? 1 : 0);
    }

    [Theory]
    [InlineData(Roles.ConferenceChair)]
    [InlineData(Roles.PerformanceAnalyst)]
    [InlineData(Roles.FrontDoorWorker)]
    public async Task RolesThatMayNotReviewAPlan_AreRefused403_AndNothingIsSaved(string role)
    {
        var plan = await PlanAsync("Cinrefused" + role[..4]);
        var refused = await App.SignInAsRoleAsync(role);

        (await refused.GetAsync(ReviewUrl(plan.Id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = Review().Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        body.Add(new("Version", plan.Version.ToString(CultureInfo.InvariantCulture)));
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await refused.GetStringAsync("/"))));
        (await refused.PostAsync(ReviewUrl(plan.Id), new FormUrlEncodedContent(body))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var read = App.CreateDbContext();
        (await read.ChildInNeedReviews.CountAsync(r => r.ChildPlanId == plan.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task ARestrictedChild_IsNotFound_OnBothPages_ToAWorkerNotOnTheList_AndNothingIsSaved()
    {
        var plan = await PlanAsync("Cinhidden");
        var sam = await App.SignInAsync(Sam);
        var samsPage = await sam.GetStringAsync(ReviewUrl(plan.Id));
        await using (var asHelen = App.Database.CreateContext(App.Time, new Actor(await App.UserIdAsync(Helen), "Helen Price")))
        {
            (await new AccessLists(asHelen).RestrictAsync(plan.PersonId, "Adoption placement")).ShouldBe(AccessChange.Done);
        }

        var view = await sam.GetAsync($"/child-in-need-plans/{plan.Id}");
        var review = await sam.GetAsync(ReviewUrl(plan.Id));
        var missing = await sam.GetAsync($"/child-in-need-plans/{Guid.NewGuid()}");
        var body = Html.AsPosted(samsPage, ReviewUrl(plan.Id), Review());
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await sam.GetStringAsync("/"))));
        var post = await sam.PostAsync(ReviewUrl(plan.Id), new FormUrlEncodedContent(body));

        (view.StatusCode, review.StatusCode, missing.StatusCode, post.StatusCode)
            .ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        (await view.Content.ReadAsStringAsync()).ShouldNotContain("Cinhidden");
        await using var read = App.CreateDbContext();
        (await read.ChildInNeedReviews.CountAsync(r => r.ChildPlanId == plan.Id)).ShouldBe(0);
    }
}
