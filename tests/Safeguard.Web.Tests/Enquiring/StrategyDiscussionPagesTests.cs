using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Enquiries;
using Safeguard.Core.People;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Enquiring;

/// <summary>
/// Recording a strategy discussion through its pages (/children/{id}/strategy-discussions/new and
/// /strategy-discussions/{id}), as a form without JavaScript posts it, about a child whose referral was allocated through
/// the allocation service: what is shown, what is refused with GOV.UK errors (keeping what was typed), and who may not.
/// </summary>
public sealed class StrategyDiscussionPagesTests(SafeguardAppFactory app) : AppTests(app), IAsyncLifetime
{
    private const string Information = "School saw bruising on the child's arm; police know of two call-outs to the home.";
    private const string Reasons = "The bruising and the call-outs together meet the threshold for a section 47 enquiry.";

    public Task InitializeAsync() => QualifyWorkersAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new child's referral, allocated by Martin Hughes to Sam Okafor: the child's id and name.</summary>
    private async Task<(Guid ChildId, string Child)> AllocatedAsync(string given)
    {
        var referral = await ReferralAsync(App, given);
        await AllocateAsync(App, referral, Martin, Sam);
        return (referral.PersonId, $"{given} Allocated");
    }

    private static string NewUrl(Guid childId) => $"/children/{childId}/strategy-discussions/new";

    /// <summary>
    /// Everything the form asks for, as a social worker fills it in: held today at 08:30, children's social care, police,
    /// health and education taking part, a section 47 enquiry, and one action for Sam due in two days.
    /// </summary>
    private async Task<Dictionary<string, string>> EverythingAsync()
    {
        var today = Today(App);
        var due = today.AddDays(2);
        return new()
        {
            ["Form.HeldOn.Day"] = today.Day.ToString(), ["Form.HeldOn.Month"] = today.Month.ToString(), ["Form.HeldOn.Year"] = today.Year.ToString(),
            ["Form.HeldTime"] = "08:30",
            ["Form.Participants[0].Agency"] = "ChildrensSocialCare", ["Form.Participants[0].Name"] = "Sam Okafor", ["Form.Participants[0].Role"] = "Social worker",
            ["Form.Participants[1].Agency"] = "Police", ["Form.Participants[1].Name"] = "DS Priya Khan", ["Form.Participants[1].Role"] = "Detective sergeant",
            ["Form.Participants[2].Agency"] = "Health", ["Form.Participants[2].Name"] = "Dr Amir Shah", ["Form.Participants[2].Role"] = "Named doctor",
            ["Form.Participants[3].Agency"] = "Education", ["Form.Participants[3].Name"] = "Jo Lane", ["Form.Participants[3].Role"] = "Designated safeguarding lead",
            ["Form.InformationShared"] = Information,
            ["Form.Section47"] = "yes",
            ["Form.DecisionReasons"] = Reasons,
            ["Form.Actions[0].What"] = "Joint visit with the police",
            ["Form.Actions[0].DueOn.Day"] = due.Day.ToString(), ["Form.Actions[0].DueOn.Month"] = due.Month.ToString(),
            ["Form.Actions[0].DueOn.Year"] = due.Year.ToString(),
            ["Form.Actions[0].OwnerId"] = (await App.UserIdAsync(Sam)).ToString(),
        };
    }

    /// <summary>The form without one person's row (the rows after it move up, as a person would type them).</summary>
    private static Dictionary<string, string> Without(Dictionary<string, string> form, string agency)
    {
        var rows = Enumerable.Range(0, 6).Where(i => form.ContainsKey($"Form.Participants[{i}].Agency"))
            .Where(i => form[$"Form.Participants[{i}].Agency"] != agency).ToList();
        var kept = form.Where(f => !f.Key.StartsWith("Form.Participants[", StringComparison.Ordinal)).ToDictionary();
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var part in new[] { "Agency", "Name", "Role" })
            {
                kept[$"Form.Participants[{i}].{part}"] = form[$"Form.Participants[{rows[i]}].{part}"];
            }
        }
        return kept;
    }

    private static string ErrorSummary(IHtmlDocument page) =>
        page.QuerySelector(".govuk-error-summary").ShouldNotBeNull("the page has a GOV.UK error summary").TextContent;

    private static IReadOnlyList<string> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()).ToList();

    private async Task<int> DiscussionsAsync(Guid? childId = null)
    {
        await using var db = App.CreateDbContext();
        return await db.StrategyDiscussions.CountAsync(d => childId == null || d.PersonId == childId);
    }

    /// <summary>The page without its antiforgery tokens (new on every response).</summary>
    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");

    [Fact]
    public async Task ASocialWorkerRecordsAFullDiscussion_AndSeesWhoTookPart_TheDecision_AndTheConferenceTarget()
    {
        Today(App).ShouldBe(new DateOnly(2026, 3, 2), "the test clock starts on Monday 2 March 2026, the referral date");
        var (childId, child) = await AllocatedAsync("Full");
        var sam = await App.SignInAsync(Sam);
        var record = Html.Parse(await sam.GetStringAsync($"/children/{childId}"));
        record.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Record a strategy discussion").GetAttribute("href").ShouldBe(NewUrl(childId));
        var form = Html.Parse(await sam.GetStringAsync(NewUrl(childId)));
        form.QuerySelector("h1").ShouldNotBeNull().TextContent.Trim().ShouldBe(child);

        var posted = await SafeguardAppFactory.PostFormAsync(sam, NewUrl(childId), await EverythingAsync());

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var location = posted.Headers.Location!.ToString();
        location.ShouldStartWith("/strategy-discussions/");
        Guid id;
        await using (var db = App.CreateDbContext())
        {
            id = await db.StrategyDiscussions.Where(d => d.PersonId == childId).Select(d => d.Id).SingleAsync();
        }
        location.ShouldBe($"/strategy-discussions/{id}");
        var page = Html.Parse(await sam.GetStringAsync(location));
        page.QuerySelector(".govuk-notification-banner--success").ShouldNotBeNull().TextContent.ShouldContain($"Strategy discussion about {child} recorded");
        page.QuerySelectorAll("[data-testid=participants] li").Select(li => li.TextContent.Trim()).ShouldBe(
        [
            "Children's social care: Sam Okafor, Social worker",
            "Police: DS Priya Khan, Detective sergeant",
            "Health: Dr Amir Shah, Named doctor",
            "Education: Jo Lane, Designated safeguarding lead",
        ], ignoreOrder: true);
        page.QuerySelector("[data-testid=absent-agencies]").ShouldBeNull("everyone took part");
        page.QuerySelector("[data-testid=decision]").ShouldNotBeNull().TextContent.Trim().ShouldBe("Section 47 enquiry");
        page.Body!.TextContent.ShouldContain(Information);
        page.Body.TextContent.ShouldContain(Reasons);
        // 15 working days after Monday 2 March 2026 (no bank holidays in March).
        page.QuerySelector("[data-testid=conference-target]").ShouldNotBeNull().TextContent.Trim().ShouldBe("23 March 2026");
        page.QuerySelector("[data-testid=actions]").ShouldNotBeNull().TextContent.ShouldContain($"Joint visit with the police ({child})");

        var listed = Html.Parse(await sam.GetStringAsync($"/children/{childId}")).QuerySelectorAll("[data-testid=strategy-discussions] li")
            .ShouldHaveSingleItem();
        listed.QuerySelector("a").ShouldNotBeNull().GetAttribute("href").ShouldBe(location);
        listed.TextContent.ShouldContain("section 47 enquiry");
        listed.TextContent.ShouldNotContain("did not take part");
        await using var read = App.CreateDbContext();
        var enquiry = await read.Section47Enquiries.SingleAsync(e => e.PersonId == childId);
        enquiry.InitialConferenceTargetOn.ShouldBe(new DateOnly(2026, 3, 23));
        (await read.WorkItems.SingleAsync(w => w.SubjectId == enquiry.Id && w.Kind == WorkKind.InitialConference)).OwnerUserId
            .ShouldBe(await App.UserIdAsync(Sam));
    }

    [Fact]
    public async Task WithoutHealth_Is400WithTheGovUkError_KeepingWhatWasTyped_AndWithTheReason_IsRecordedWithAWarning()
    {
        var (childId, _) = await AllocatedAsync("Nohealth");
        var sam = await App.SignInAsync(Sam);
        var withoutHealth = Without(await EverythingAsync(), "Health");

        var refused = await SafeguardAppFactory.PostFormAsync(sam, NewUrl(childId), withoutHealth);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(refused);
        ErrorSummary(page).ShouldContain("There is a problem");
        Errors(page).ShouldBe(["Health did not take part: say why"]);
        var href = page.QuerySelector(".govuk-error-summary__list a").ShouldNotBeNull().GetAttribute("href").ShouldNotBeNull();
        page.QuerySelector(href).ShouldNotBeNull($"the error summary's link {href} leads to its field");
        page.QuerySelector(".govuk-error-message").ShouldNotBeNull("the error is shown beside the field too").TextContent
            .ShouldContain("Health did not take part: say why");
        page.QuerySelector("input[name='Form.Participants[1].Name']").ShouldNotBeNull().GetAttribute("value").ShouldBe("DS Priya Khan");
        page.QuerySelector("select[name='Form.Participants[1].Agency']").ShouldBeAssignableTo<IHtmlSelectElement>().ShouldNotBeNull().Value.ShouldBe("Police");
        page.QuerySelector("input[name='Form.Participants[2].Name']").ShouldNotBeNull().GetAttribute("value").ShouldBe("Jo Lane");
        page.QuerySelector("textarea[name='Form.InformationShared']").ShouldNotBeNull().TextContent.Trim().ShouldBe(Information);
        page.QuerySelector("textarea[name='Form.DecisionReasons']").ShouldNotBeNull().TextContent.Trim().ShouldBe(Reasons);
        page.QuerySelector("input[name='Form.Actions[0].What']").ShouldNotBeNull().GetAttribute("value").ShouldBe("Joint visit with the police");
        (await DiscussionsAsync(childId)).ShouldBe(0);

        withoutHealth["Form.HealthAbsentReason"] = "The named nurse was on leave and nobody could cover";
        var recorded = await SafeguardAppFactory.PostFormAsync(sam, NewUrl(childId), withoutHealth);

        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        var view = Html.Parse(await sam.GetStringAsync(recorded.Headers.Location!.ToString()));
        view.QuerySelector("[data-testid=absent-agencies]").ShouldNotBeNull().TextContent.ShouldContain("Health did not take part.");
        view.Body!.TextContent.ShouldContain("The named nurse was on leave and nobody could cover");
        view.QuerySelectorAll("[data-testid=participants] li").Length.ShouldBe(3);
        Html.Parse(await sam.GetStringAsync($"/children/{childId}")).QuerySelector("[data-testid=strategy-discussions] li").ShouldNotBeNull()
            .TextContent.ShouldContain("1 statutory partner did not take part");
        await using var db = App.CreateDbContext();
        (await db.StrategyDiscussions.SingleAsync(d => d.PersonId == childId)).HealthAbsentReason
            .ShouldBe("The named nurse was on leave and nobody could cover");
    }

    [Fact]
    public async Task AnUnreadableDate_GetsItsOwnError_AlongsideEveryOtherProblem_AndNothingIsSaved()
    {
        var (childId, _) = await AllocatedAsync("Baddate");
        var sam = await App.SignInAsync(Sam);
        var form = Without(await EverythingAsync(), "Education");
        form["Form.HeldOn.Day"] = "31";
        form["Form.HeldOn.Month"] = "2";
        var before = await DiscussionsAsync();

        var response = await SafeguardAppFactory.PostFormAsync(sam, NewUrl(childId), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        Errors(page).ShouldBe(["Date held must be a real date", "Education did not take part: say why"], ignoreOrder: true);
        page.QuerySelector("input[name='Form.HeldOn.Day']").ShouldNotBeNull().GetAttribute("value").ShouldBe("31");
        page.QuerySelector("textarea[name='Form.InformationShared']").ShouldNotBeNull().TextContent.Trim().ShouldBe(Information);
        (await DiscussionsAsync()).ShouldBe(before, "nothing is saved when the form could not read the date");
        await using var db = App.CreateDbContext();
        (await db.Section47Enquiries.CountAsync(e => e.PersonId == childId)).ShouldBe(0);
    }

    /// <summary>Found by the fuzz suite: a time typed in Arabic-Indic digits ("٣١") was taken for digits and then failed to parse, a 500.</summary>
    [Theory]
    [InlineData("٣١")]
    [InlineData("٠٨:٣٠")]
    [InlineData("８:３０")]
    public async Task ATimeInAnotherScriptsDigits_IsAskedForAgain_NotAServerError(string time)
    {
        var (childId, _) = await AllocatedAsync("Digits");
        var sam = await App.SignInAsync(Sam);
        var form = await EverythingAsync();
        form["Form.HeldTime"] = time;
        var before = await DiscussionsAsync();

        var response = await SafeguardAppFactory.PostFormAsync(sam, NewUrl(childId), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        Errors(page).ShouldBe(["Enter the time as hours and minutes, like 09:30 or 14:15"]);
        page.QuerySelector("input[name='Form.HeldTime']").ShouldNotBeNull().GetAttribute("value").ShouldBe(time);
        (await DiscussionsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(Roles.PerformanceAnalyst)]
    [InlineData(Roles.SystemAdministrator)]
    public async Task RolesThatMayNotRecord_AreRefused403_OnGetAndPost(string role)
    {
        var (childId, _) = await AllocatedAsync($"Refused{role}");
        var sam = await App.SignInAsync(Sam);
        var samsPage = await sam.GetStringAsync(NewUrl(childId));
        var refused = await App.SignInAsRoleAsync(role);
        var before = await DiscussionsAsync();

        var get = await refused.GetAsync(NewUrl(childId));
        var body = Html.AsPosted(samsPage, NewUrl(childId), await EverythingAsync());
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await refused.GetStringAsync("/"))));
        var post = await refused.PostAsync(NewUrl(childId), new FormUrlEncodedContent(body));

        get.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await get.Content.ReadAsStringAsync()).ShouldContain("You do not have permission to see this page");
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DiscussionsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ARoleThatMaySeeButNotRecord_IsNotOfferedTheLink_AndIsRefused()
    {
        var (childId, _) = await AllocatedAsync("Chairseen");
        var chair = await App.SignInAsRoleAsync(Roles.ConferenceChair);

        var record = Html.Parse(await chair.GetStringAsync($"/children/{childId}"));

        record.QuerySelectorAll("a").ShouldNotContain(a => a.TextContent.Trim() == "Record a strategy discussion");
        (await chair.GetAsync(NewUrl(childId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AChildRestrictedFromTheReader_IsNotFound_OnEveryPage_AsIfThereWereNoChild()
    {
        var (childId, child) = await AllocatedAsync("Hiddenstrategy");
        var sam = await App.SignInAsync(Sam);
        var recorded = await SafeguardAppFactory.PostFormAsync(sam, NewUrl(childId), await EverythingAsync());
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        var view = recorded.Headers.Location!.ToString();
        var samsPage = await sam.GetStringAsync(NewUrl(childId));
        var helenId = await App.UserIdAsync(Helen);
        await using (var asHelen = App.Database.CreateContext(App.Time, new Actor(helenId, "Helen Price")))
        {
            (await new AccessLists(asHelen).RestrictAsync(childId, "Adoption placement")).ShouldBe(AccessChange.Done);
        }
        var before = await DiscussionsAsync(childId);
        Guid enquiry;
        await using (var read = App.CreateDbContext())
        {
            enquiry = await read.Section47Enquiries.Where(e => e.PersonId == childId).Select(e => e.Id).SingleAsync();
        }
        var outcome = $"/section47/{enquiry}/outcome";

        var hiddenNew = await sam.GetAsync(NewUrl(childId));
        var missingNew = await sam.GetAsync(NewUrl(Guid.NewGuid()));
        var hiddenView = await sam.GetAsync(view);
        var missingView = await sam.GetAsync($"/strategy-discussions/{Guid.NewGuid()}");
        var body = Html.AsPosted(samsPage, NewUrl(childId), await EverythingAsync());
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await sam.GetStringAsync("/"))));
        var hiddenPost = await sam.PostAsync(NewUrl(childId), new FormUrlEncodedContent(body));

        (hiddenNew.StatusCode, missingNew.StatusCode, hiddenView.StatusCode, missingView.StatusCode, hiddenPost.StatusCode)
            .ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        var hiddenHtml = await hiddenView.Content.ReadAsStringAsync();
        WithoutTokens(hiddenHtml).ShouldBe(WithoutTokens(await missingView.Content.ReadAsStringAsync()), "the same answer as no discussion at all");
        hiddenHtml.ShouldNotContain(child);
        WithoutTokens(await hiddenNew.Content.ReadAsStringAsync()).ShouldBe(WithoutTokens(await missingNew.Content.ReadAsStringAsync()));
        (await DiscussionsAsync(childId)).ShouldBe(before, "the refused post saved nothing");
        (await sam.GetAsync(outcome)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var outcomePost = await sam.PostAsync(outcome, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = "1", ["Outcome"] = "NoFurtherAction", ["Reasons"] = "Should not be saved",
            ["__RequestVerificationToken"] = SafeguardAppFactory.AntiforgeryToken(await sam.GetStringAsync("/")),
        }));
        outcomePost.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using (var read = App.CreateDbContext())
        {
            (await read.Section47Enquiries.Where(e => e.Id == enquiry).Select(e => e.EndedOn).SingleAsync()).ShouldBeNull("the refused outcome saved nothing");
        }
        var helen = await App.SignInAsync(Helen);
        (await helen.GetAsync(outcome)).StatusCode.ShouldBe(HttpStatusCode.OK, "the holder of the list");
        (await helen.GetAsync(view)).StatusCode.ShouldBe(HttpStatusCode.OK, "the holder of the list");
        (await helen.GetAsync(NewUrl(childId))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var samId = await App.UserIdAsync(Sam);
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.Type == RecordAccessRefused.Name && e.PersonId == childId && e.ActorUserId == samId))
            .ShouldBeGreaterThanOrEqualTo(2, "each refusal is on the audit trail");
    }

    [Fact]
    public async Task AScreeningDecisionForAStrategyDiscussion_LeadsAManagerToRecordIt_AndRecordingItClosesTheWork()
    {
        var frontDoor = await App.SignInAsRoleAsync(Roles.FrontDoorWorker);
        var form = new Dictionary<string, string>
        {
            ["Form.Children[0].GivenName"] = "Ivy", ["Form.Children[0].FamilyName"] = "Stratton",
            ["Form.Children[0].DateOfBirth.Day"] = "3", ["Form.Children[0].DateOfBirth.Month"] = "4", ["Form.Children[0].DateOfBirth.Year"] = "2019",
            ["Form.Children[0].Sex"] = "Female", ["Form.Children[0].Postcode"] = "NB1 2AB",
            ["Form.ReferrerName"] = "Sue Black", ["Form.ReferrerOrganisation"] = "Hillside Nursery", ["Form.ReferrerEmail"] = "sue@hillside.example",
            ["Form.Concern"] = "Ivy has a burn on her hand.", ["Form.Categories"] = "physical-abuse",
            ["Form.InjurySeen"] = "yes", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "no",
        }.ReceivedBy(App.Time.GetUtcNow());
        (await SafeguardAppFactory.PostFormAsync(frontDoor, "/front-door/contacts/new", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Guid ivy, contact;
        await using (var db = App.CreateDbContext())
        {
            ivy = await db.People.Where(p => p.FamilyName == "Stratton").Select(p => p.Id).SingleAsync();
            contact = await db.ContactChildren.Where(c => c.PersonId == ivy).Select(c => c.ContactId).SingleAsync();
        }
        (await SafeguardAppFactory.PostFormAsync(frontDoor, $"/front-door/contacts/{contact}", new()
        {
            ["Outcome"] = "StrategyDiscussion", ["Reasons"] = "An unexplained burn.",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var martin = await App.SignInAsync(Martin);
        var page = Html.Parse(await martin.GetStringAsync($"/front-door/contacts/{contact}"));
        page.QuerySelector("[data-testid=strategy-links] a").ShouldNotBeNull().GetAttribute("href").ShouldBe(NewUrl(ivy));
        Html.Parse(await frontDoor.GetStringAsync($"/front-door/contacts/{contact}")).QuerySelector("[data-testid=strategy-links]")
            .ShouldBeNull("the front door does not record strategy discussions");

        var everything = await EverythingAsync();
        everything.Remove("Form.Actions[0].What");
        everything.Remove("Form.Actions[0].DueOn.Day");
        everything.Remove("Form.Actions[0].DueOn.Month");
        everything.Remove("Form.Actions[0].DueOn.Year");
        everything.Remove("Form.Actions[0].OwnerId");
        var recorded = await SafeguardAppFactory.PostFormAsync(martin, NewUrl(ivy), everything);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        await using var read = App.CreateDbContext();
        (await read.WorkItems.SingleAsync(w => w.PersonId == ivy && w.Kind == WorkKind.StrategyDiscussion)).ClosedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task AChildWithNoOpenReferral_IsNotFound_AndTheirRecordOffersNoLink()
    {
        Guid childId;
        await using (var db = App.CreateDbContext())
        {
            var person = new Person("Noreferral", "Child", new DateOnly(2016, 5, 1), Sex.Male);
            db.People.Add(person);
            await db.SaveChangesAsync();
            childId = person.Id;
        }
        var sam = await App.SignInAsync(Sam);
        var samsPage = await sam.GetStringAsync(NewUrl((await AllocatedAsync("Othercase")).ChildId));

        var get = await sam.GetAsync(NewUrl(childId));
        var body = Html.AsPosted(samsPage, NewUrl(childId), await EverythingAsync());
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(samsPage)));
        var post = await sam.PostAsync(NewUrl(childId), new FormUrlEncodedContent(body));

        (get.StatusCode, post.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        var record = Html.Parse(await sam.GetStringAsync($"/children/{childId}"));
        record.QuerySelectorAll("a").ShouldNotContain(a => a.TextContent.Trim() == "Record a strategy discussion");
        record.Body!.TextContent.ShouldContain("No strategy discussions.");
        (await DiscussionsAsync(childId)).ShouldBe(0);
    }
}
