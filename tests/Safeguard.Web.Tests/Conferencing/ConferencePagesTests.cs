using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Conferences;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Conferencing;

/// <summary>
/// Initial and review conferences and core groups through their pages, as forms without JavaScript post them: the plan
/// and its due dates shown, GOV.UK errors keeping what was typed, a second plan, two reviews at once, refused roles and a
/// restricted child.
/// </summary>
public sealed class ConferencePagesTests(SafeguardAppFactory app) : AppTests(app), IAsyncLifetime
{
    private static readonly string Chair = DemoAccounts.ForRole(Roles.ConferenceChair).Email;

    public Task InitializeAsync() => QualifyWorkersAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new child's referral allocated to Sam, a strategy discussion and an enquiry concluded as needing a conference.</summary>
    private async Task<(Guid ChildId, string Child, Guid EnquiryId)> EnquiryAsync(string given)
    {
        var referral = await ReferralAsync(App, given);
        await AllocateAsync(App, referral, Martin, Sam);
        StaffUser sam;
        await using (var db = App.CreateDbContext()) sam = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Sam);
        var enquiry = await ConferenceTestData.EnquiryNeedingConferenceAsync(App.Database, App.Time, sam, referral.PersonId);
        return (referral.PersonId, $"{given} Allocated", enquiry);
    }

    private static string InitialUrl(Guid enquiryId) => $"/section47/{enquiryId}/conference";

    /// <summary>The conference form as a chair fills it in: held ten minutes ago, three agencies, parents attending, a neglect plan.</summary>
    private async Task<Dictionary<string, string>> ConferenceFormAsync(string plan = "yes", string category = "Neglect")
    {
        var held = TimeZoneInfo.ConvertTime(App.Time.GetUtcNow().AddMinutes(-10), WorkingDayCalendar.UkTime);
        return new()
        {
            ["Form.HeldOn.Day"] = held.Day.ToString(CultureInfo.InvariantCulture), ["Form.HeldOn.Month"] = held.Month.ToString(CultureInfo.InvariantCulture),
            ["Form.HeldOn.Year"] = held.Year.ToString(CultureInfo.InvariantCulture), ["Form.HeldTime"] = held.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Form.ChairId"] = (await App.UserIdAsync(Chair)).ToString(),
            ["Form.Attendees[0].Agency"] = "ChildrensSocialCare", ["Form.Attendees[0].Name"] = "Sam Okafor", ["Form.Attendees[0].Role"] = "Social worker",
            ["Form.Attendees[1].Agency"] = "Police", ["Form.Attendees[1].Name"] = "DS Priya Khan", ["Form.Attendees[1].Role"] = "Detective sergeant",
            ["Form.Attendees[2].Agency"] = "Health", ["Form.Attendees[2].Name"] = "Jo Bell", ["Form.Attendees[2].Role"] = "Health visitor",
            ["Form.FamilyAttendance"] = "Attended", ["Form.FamilyAttendanceNotes"] = "Mother and father",
            ["Form.Plan"] = plan, ["Form.Category"] = category,
            ["Form.DecisionReasons"] = "Chronic neglect: the threshold for a child protection plan is met.",
        };
    }

    /// <summary>The form on <paramref name="path"/> as the browser would post it with <paramref name="fields"/> typed in.</summary>
    private static async Task<List<KeyValuePair<string, string>>> PostedAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var body = Html.AsPosted(page, path, fields);
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(page)));
        return body;
    }

    private async Task<Guid> PlanOfAsync(Guid childId)
    {
        await using var db = App.CreateDbContext();
        return await db.ChildPlans.Where(p => p.PersonId == childId && p.EndedOn == null).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task TheChairsTyping_IsKeptAsADraft_UntilTheConferenceIsRecorded()
    {
        var (_, _, enquiryId) = await EnquiryAsync("Confdraft");
        var chair = await App.SignInAsync(Chair);
        var form = InitialUrl(enquiryId);

        Drafting.DraftProbe.ShouldHaveTheDraft(await Drafting.DraftProbe.SaveAndReopenAsync(chair, form), form);

        var recorded = await chair.PostAsync(form, new FormUrlEncodedContent(await PostedAsync(chair, form, await ConferenceFormAsync())));
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Html.Parse(await chair.GetStringAsync(recorded.Headers.Location!.ToString())).QuerySelector("[data-testid=draft-restored]").ShouldBeNull();
        await using var db = App.CreateDbContext();
        (await db.FormDrafts.AnyAsync(d => d.Form == form)).ShouldBeFalse("recording the conference deletes its draft");
    }

    [Fact]
    public async Task TheChairRecordsAPlan_AndThePlanShowsItsFirstCoreGroupAndReviewDueDates()
    {
        var (childId, child, enquiryId) = await EnquiryAsync("Confplan");
        var chair = await App.SignInAsync(Chair);
        var record = Html.Parse(await chair.GetStringAsync($"/children/{childId}"));
        record.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Record the initial child protection conference").GetAttribute("href")
            .ShouldBe(InitialUrl(enquiryId));

        var posted = await SafeguardAppFactory.PostFormAsync(chair, InitialUrl(enquiryId), await ConferenceFormAsync());

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var page = Html.Parse(await chair.GetStringAsync(posted.Headers.Location!.ToString()));
        page.QuerySelector(".govuk-notification-banner--success").ShouldNotBeNull().TextContent.ShouldContain($"Initial child protection conference about {child} recorded");
        page.QuerySelector("[data-testid=decision]").ShouldNotBeNull().TextContent.Trim().ShouldBe("Child protection plan: neglect");
        page.QuerySelectorAll("[data-testid=attendees] li").Length.ShouldBe(3);
        var planId = await PlanOfAsync(childId);
        var today = Today(App);
        page.QuerySelector("[data-testid=core-group-due]").ShouldNotBeNull().TextContent.Trim()
            .ShouldBe(ConferenceTestData.Calendar.AddWorkingDays(today, 10).ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        page.QuerySelector("[data-testid=review-due]").ShouldNotBeNull().TextContent.Trim()
            .ShouldBe(ReviewConferenceDueRule.DueOn(ConferenceTestData.Calendar, ConferenceKind.Initial, today).ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        var samsRecord = Html.Parse(await (await App.SignInAsync(Sam)).GetStringAsync($"/children/{childId}"));
        samsRecord.QuerySelector("[data-testid=child-protection-plans] a").ShouldNotBeNull().GetAttribute("href").ShouldBe($"/plans/{planId}");
        await using var read = App.CreateDbContext();
        (await read.WorkItems.CountAsync(w => w.SubjectId == planId && w.ClosedAt == null && (w.Kind == WorkKind.CoreGroup || w.Kind == WorkKind.ReviewConference)))
            .ShouldBe(2);
    }

    [Fact]
    public async Task AFormWithProblems_Is400WithEveryGovUkError_KeepingWhatWasTyped()
    {
        var (_, _, enquiryId) = await EnquiryAsync("Confwrong");
        var chair = await App.SignInAsync(Chair);
        var form = await ConferenceFormAsync(category: "");
        form["Form.ChairId"] = (await App.UserIdAsync(Sam)).ToString();
        form["Form.Attendees[1].Agency"] = "NotAnAgency";
        form["Form.FamilyAttendance"] = "";

        var response = await SafeguardAppFactory.PostFormAsync(chair, InitialUrl(enquiryId), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()).ShouldBe(
        [
            "Choose the chair: a conference chair", "Select the agency of person 2", "Select how the family took part", "Select the category of abuse",
        ], ignoreOrder: true);
        page.QuerySelector("#Form_DecisionReasons").ShouldNotBeNull().TextContent.Trim().ShouldBe("Chronic neglect: the threshold for a child protection plan is met.");
        page.QuerySelector("#Form_Attendees_2__Name").ShouldNotBeNull().GetAttribute("value").ShouldBe("Jo Bell");
        await using var read = App.CreateDbContext();
        (await read.ChildProtectionConferences.CountAsync(c => c.Section47EnquiryId == enquiryId)).ShouldBe(0);
    }

    [Fact]
    public async Task ACoreGroupAndAReviewThatEndsThePlan_AreRecordedThroughTheirPages_AndTwoReviewsAtOnceKeepOne()
    {
        var (childId, _, enquiryId) = await EnquiryAsync("Confreview");
        var chair = await App.SignInAsync(Chair);
        (await SafeguardAppFactory.PostFormAsync(chair, InitialUrl(enquiryId), await ConferenceFormAsync())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var planId = await PlanOfAsync(childId);
        var sam = await App.SignInAsync(Sam);
        var today = Today(App);

        var coreGroup = await SafeguardAppFactory.PostFormAsync(sam, $"/plans/{planId}/core-groups/new", new()
        {
            ["HeldOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture), ["HeldOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["HeldOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["Attendees"] = "Sam Okafor, Jo Bell, mother", ["Notes"] = "Daily nursery; weekly visits.",
        });
        coreGroup.StatusCode.ShouldBe(HttpStatusCode.Redirect, await coreGroup.Content.ReadAsStringAsync());
        var planPage = Html.Parse(await sam.GetStringAsync($"/plans/{planId}"));
        planPage.QuerySelector("[data-testid=core-group-due]").ShouldNotBeNull().TextContent.Trim().ShouldBe("Held");
        planPage.QuerySelector("[data-testid=core-groups]").ShouldNotBeNull().TextContent.ShouldContain("Daily nursery; weekly visits.");

        var ending = await ConferenceFormAsync(plan: "no", category: "");
        ending["Form.EndReason"] = "Risks reduced";
        var continuing = await ConferenceFormAsync(category: "Emotional");
        var otherChair = await App.SignInAsync(Chair);
        var review = $"/plans/{planId}/review";
        // Both chairs open the review page (the plan at the same version) before either records it.
        var endingBody = await PostedAsync(chair, review, ending);
        var continuingBody = await PostedAsync(otherChair, review, continuing);
        var results = await Task.WhenAll(
            chair.PostAsync(review, new FormUrlEncodedContent(endingBody)),
            otherChair.PostAsync(review, new FormUrlEncodedContent(continuingBody)));

        results.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Conflict], ignoreOrder: true);
        var refused = results.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-testid=changed-elsewhere]").ShouldNotBeNull();
        await using var read = App.CreateDbContext();
        (await read.ChildProtectionConferences.CountAsync(c => c.ChildPlanId == planId && c.Kind == ConferenceKind.Review)).ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.FrontDoorWorker)]
    [InlineData(Roles.PerformanceAnalyst)]
    public async Task RolesThatMayNotRecordAConference_AreRefused403_AndNothingIsSaved(string role)
    {
        var (_, _, enquiryId) = await EnquiryAsync("Confrefused" + role[..4]);
        var refused = await App.SignInAsRoleAsync(role);

        (await refused.GetAsync(InitialUrl(enquiryId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var form = await ConferenceFormAsync();
        var body = form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await refused.GetStringAsync("/"))));
        (await refused.PostAsync(InitialUrl(enquiryId), new FormUrlEncodedContent(body))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var read = App.CreateDbContext();
        (await read.ChildProtectionConferences.CountAsync(c => c.Section47EnquiryId == enquiryId)).ShouldBe(0);
    }

    [Fact]
    public async Task AChildRestrictedFromTheReader_IsNotFound_OnEveryConferenceAndPlanPage_AsIfThereWereNoChild()
    {
        var (childId, child, enquiryId) = await EnquiryAsync("Confhidden");
        var chair = await App.SignInAsync(Chair);
        var posted = await SafeguardAppFactory.PostFormAsync(chair, InitialUrl(enquiryId), await ConferenceFormAsync());
        var conference = posted.Headers.Location!.ToString();
        var planId = await PlanOfAsync(childId);
        await using (var asHelen = App.Database.CreateContext(App.Time, new Actor(await App.UserIdAsync(Helen), "Helen Price")))
        {
            (await new AccessLists(asHelen).RestrictAsync(childId, "High-profile family")).ShouldBe(AccessChange.Done);
        }

        foreach (var url in new[] { conference, $"/plans/{planId}", $"/plans/{planId}/review", InitialUrl(enquiryId) })
        {
            var hidden = await chair.GetAsync(url);
            hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await hidden.Content.ReadAsStringAsync()).ShouldNotContain(child);
        }
        var sam = await App.SignInAsync(Sam);
        (await sam.GetAsync($"/plans/{planId}/core-groups/new")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = (await ConferenceFormAsync()).Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        body.Add(new("Version", "1"));
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await chair.GetStringAsync("/"))));
        (await chair.PostAsync($"/plans/{planId}/review", new FormUrlEncodedContent(body))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var read = App.CreateDbContext();
        (await read.ChildProtectionConferences.CountAsync(c => c.ChildPlanId == planId && c.Kind == ConferenceKind.Review)).ShouldBe(0);
        (await read.Events.CountAsync(e => e.PersonId == childId && e.Type == RecordAccessRefused.Name)).ShouldBeGreaterThanOrEqualTo(5);
    }
}
