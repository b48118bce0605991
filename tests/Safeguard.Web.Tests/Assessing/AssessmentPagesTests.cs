using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Assessments;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Assessing;

/// <summary>
/// The child and family assessment through its pages (/assessments/{id} and /assessments/{id}/authorise), from a
/// referral allocated through the allocation service: the worker saves and completes it, a manager of theirs authorises
/// it or sends it back, everyone else is refused, and two people at once save once.
/// </summary>
public sealed class AssessmentPagesTests(SafeguardAppFactory app) : AppTests(app), IAsyncLifetime
{
    private const string Hannah = "hannah.wright@northbridge.example";
    private const string Chloe = "chloe.adams@northbridge.example";
    private const string Partner = "pc.jones@police.example";
    private const string Admin = "alex.admin@northbridge.example";

    private const string Analysis = "Father's drinking leaves the children without care at weekends; mother wants help.";
    private const string Views = "Seen alone at school: she wants her dad to stop shouting.";

    public Task InitializeAsync() => QualifyWorkersAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An assessment as the allocation started it: its id, its child and the child's name.</summary>
    private sealed record Started(Guid Id, Guid ChildId, string Child)
    {
        public string Url => $"/assessments/{Id}";
        public string AuthoriseUrl => $"/assessments/{Id}/authorise";
    }

    /// <summary>
    /// A new child's referral, allocated by Martin Hughes to <paramref name="workerEmail"/> through the allocation service,
    /// which starts the assessment.
    /// </summary>
    private async Task<Started> AllocatedAsync(string given, string workerEmail = Sam)
    {
        var referral = await ReferralAsync(App, given);
        await AllocateAsync(App, referral, Martin, workerEmail);
        await using var db = App.CreateDbContext();
        var id = await db.Assessments.Where(a => a.ReferralId == referral.Id).Select(a => a.Id).SingleAsync();
        return new Started(id, referral.PersonId, $"{given} Allocated");
    }

    /// <summary>Everything the form asks for, as a worker fills it in (the child seen today, alone; two factors), and the button pressed.</summary>
    private List<KeyValuePair<string, string>> Everything(string action = "complete")
    {
        var today = Today(App);
        return
        [
            new("Form.ChildSeenOn.Day", today.Day.ToString()), new("Form.ChildSeenOn.Month", today.Month.ToString()),
            new("Form.ChildSeenOn.Year", today.Year.ToString()),
            new("Form.SeenAlone", "yes"),
            new("Form.Factors", "3B"), new("Form.Factors", "16A"),
            new("Form.Analysis", Analysis),
            new("Form.ChildsViews", Views),
            new("Form.Outcome", "ChildInNeedPlan"),
            new("action", action),
        ];
    }

    /// <summary>
    /// Posts the form at <paramref name="path"/> as a browser would: the hidden inputs of <paramref name="page"/> (default:
    /// a fresh GET; pass an older copy to post the version it showed), the fields typed (a name may repeat, as checkboxes
    /// do; typed fields win over hidden ones) and the page's antiforgery token.
    /// </summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields,
        string? page = null)
    {
        var html = page ?? await client.GetStringAsync(path);
        var typed = fields.ToList();
        var body = Html.HiddenFields(html, path).Where(h => typed.All(t => t.Key != h.Key)).Concat(typed).ToList();
        var token = SafeguardAppFactory.AntiforgeryToken(html);
        token.ShouldNotBeNullOrEmpty("the page has an antiforgery token to post with");
        body.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    /// <summary>The link with exactly this text on the person's home page tray, reading page after page; null if there is none.</summary>
    private static async Task<string?> TrayLinkAsync(HttpClient client, string title)
    {
        for (var page = 1; page <= 20; page++)
        {
            var html = await client.GetStringAsync($"/?pageNumber={page}");
            if (Html.Parse(html).QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == title) is { } link) return link.GetAttribute("href");
            if (!html.Contains("rel=\"next\"", StringComparison.Ordinal)) return null;
        }
        return null;
    }

    /// <summary>The worker completes the assessment with everything, through the page.</summary>
    private static async Task CompleteAsync(HttpClient worker, Started assessment, List<KeyValuePair<string, string>> everything)
    {
        var completed = await PostAsync(worker, assessment.Url, everything);
        completed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await completed.Content.ReadAsStringAsync());
    }

    private async Task<Assessment> StoredAsync(Guid id)
    {
        await using var db = App.CreateDbContext();
        return await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private static string Stage(IHtmlDocument page) => page.QuerySelector("[data-testid=stage]").ShouldNotBeNull().TextContent.Trim();

    private static string Checked(IHtmlDocument page, string name) =>
        string.Join(",", page.QuerySelectorAll($"input[name='{name}']").OfType<IHtmlInputElement>().Where(i => i.IsChecked).Select(i => i.Value));

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy");

    /// <summary>The page without its antiforgery tokens (new on every response).</summary>
    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");

    [Fact]
    public async Task TheWorker_OpensTheAssessmentFromTheirTray_SeesItsDueDate_AndADraftKeepsWhatWasTyped()
    {
        Today(App).ShouldBe(new DateOnly(2026, 3, 2), "the test clock starts on Monday 2 March 2026, the referral date");
        var assessment = await AllocatedAsync("Draft");
        var sam = await App.SignInAsync(Sam);

        (await TrayLinkAsync(sam, $"Child and family assessment: {assessment.Child}")).ShouldBe(assessment.Url);
        var page = Html.Parse(await sam.GetStringAsync(assessment.Url));
        // 45 working days after Monday 2 March 2026, leaving out Good Friday (3 April), Easter Monday (6 April) and the early May bank holiday (4 May).
        page.QuerySelector("[data-testid=due]").ShouldNotBeNull().TextContent.ShouldContain("7 May 2026");
        Stage(page).ShouldBe("In progress");

        var saved = await PostAsync(sam, assessment.Url,
        [
            new("Form.SeenAlone", "no"), new("Form.Factors", "3B"), new("Form.Factors", "16A"), new("Form.Analysis", Analysis),
            new("Form.Outcome", ""), new("action", "save"),
        ]);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        saved.Headers.Location!.ToString().ShouldBe(assessment.Url);
        var again = Html.Parse(await sam.GetStringAsync(assessment.Url));
        again.Body!.TextContent.ShouldContain($"Assessment of {assessment.Child} saved");
        again.QuerySelector("textarea[name='Form.Analysis']").ShouldNotBeNull().TextContent.Trim().ShouldBe(Analysis);
        again.QuerySelector("textarea[name='Form.ChildsViews']").ShouldNotBeNull().TextContent.Trim().ShouldBeEmpty();
        Checked(again, "Form.Factors").ShouldBe("3B,16A");
        Checked(again, "Form.SeenAlone").ShouldBe("no");
        Stage(again).ShouldBe("In progress", "a draft is not completed");
        var stored = await StoredAsync(assessment.Id);
        (stored.Factors, stored.Analysis, stored.SeenAlone, stored.CompletedOn).ShouldBe(("3B|16A", Analysis, (bool?)false, (DateOnly?)null));
    }

    [Fact]
    public async Task CompletingWithFieldsMissing_Is400_NamingEachMissingField_AndKeepsWhatWasTyped()
    {
        var assessment = await AllocatedAsync("Missing");
        var sam = await App.SignInAsync(Sam);

        var response = await PostAsync(sam, assessment.Url,
            [new("Form.Factors", "16A"), new("Form.Analysis", "Typed analysis stays"), new("action", "complete")]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary").ShouldNotBeNull();
        summary.TextContent.ShouldContain("There is a problem");
        var errors = summary.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim()).ToList();
        errors.ShouldBe(
        [
            "Enter the date the child was seen: an assessment is not complete until the child has been seen",
            "Select whether the child was seen alone",
            "Enter the child\u2019s views, or why they could not be given",
            "Select the outcome of the assessment",
        ], ignoreOrder: true);
        foreach (var href in summary.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")!))
        {
            page.QuerySelector(href).ShouldNotBeNull($"the error summary's link {href} leads to its field");
        }
        page.QuerySelector("textarea[name='Form.Analysis']").ShouldNotBeNull().TextContent.Trim().ShouldBe("Typed analysis stays");
        Checked(page, "Form.Factors").ShouldBe("16A");
        var stored = await StoredAsync(assessment.Id);
        (stored.Analysis, stored.CompletedOn).ShouldBe((null, null), "nothing is saved from a refused completion");
    }

    [Fact]
    public async Task AnUnreadableDate_GetsItsOwnError_AndNoFactorsWithAnotherFactor_IsRefused()
    {
        var assessment = await AllocatedAsync("Unreadable");
        var sam = await App.SignInAsync(Sam);
        var impossible = Everything("save").Where(f => !f.Key.StartsWith("Form.ChildSeenOn.")).ToList();
        impossible.AddRange([new("Form.ChildSeenOn.Day", "31"), new("Form.ChildSeenOn.Month", "2"), new("Form.ChildSeenOn.Year", "2026")]);

        var badDate = await PostAsync(sam, assessment.Url, impossible);

        badDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(badDate);
        page.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent.ShouldContain("The date the child was seen must be a real date");
        page.QuerySelector("input[name='Form.ChildSeenOn.Day']").ShouldNotBeNull().GetAttribute("value").ShouldBe("31");
        page.QuerySelector("textarea[name='Form.Analysis']").ShouldNotBeNull().TextContent.Trim().ShouldBe(Analysis);

        var noFactorsAndNeglect = Everything("save").Where(f => f.Key != "Form.Factors").Append(new("Form.Factors", "21"))
            .Append(new("Form.Factors", "16A"));
        var both = await PostAsync(sam, assessment.Url, noFactorsAndNeglect);

        both.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await Html.ParseAsync(both);
        refused.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent
            .ShouldContain("\u201CNo factors identified\u201D cannot be chosen with other factors");
        Checked(refused, "Form.Factors").ShouldBe("16A,21");
        (await StoredAsync(assessment.Id)).Version.ShouldBe(1, "neither refused post saved anything");
    }

    [Fact]
    public async Task CompletingWithEverything_GoesToTheChildsRecord_AndPutsItOnTheManagersTray()
    {
        var assessment = await AllocatedAsync("Complete");
        var sam = await App.SignInAsync(Sam);
        var martin = await App.SignInAsync(Martin);

        var completed = await PostAsync(sam, assessment.Url, Everything());

        completed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await completed.Content.ReadAsStringAsync());
        completed.Headers.Location!.ToString().ShouldBe($"/children/{assessment.ChildId}");
        var record = Html.Parse(await sam.GetStringAsync($"/children/{assessment.ChildId}"));
        record.QuerySelector(".govuk-notification-banner--success").ShouldNotBeNull().TextContent
            .ShouldContain($"Assessment of {assessment.Child} completed: it is with your manager to authorise");
        var row = record.QuerySelectorAll("[data-testid=assessments] tbody tr").ShouldHaveSingleItem();
        row.TextContent.ShouldContain("waiting for authorisation");
        row.TextContent.ShouldContain("Sam Okafor");
        row.QuerySelector("a").ShouldNotBeNull().GetAttribute("href").ShouldBe(assessment.Url);

        (await TrayLinkAsync(martin, $"Authorise the assessment of {assessment.Child} (completed by Sam Okafor)")).ShouldBe(assessment.AuthoriseUrl);
        (await TrayLinkAsync(sam, $"Child and family assessment: {assessment.Child}")).ShouldBeNull("the worker's item closed when it was completed");
        var now = Html.Parse(await sam.GetStringAsync(assessment.Url));
        Stage(now).ShouldBe($"Completed on {Long(Today(App))} by Sam Okafor: waiting for a manager to authorise it");
        now.QuerySelector("textarea[name='Form.Analysis']").ShouldBeNull("a completed assessment is not the worker's to change");
        now.QuerySelector("[data-testid=factors]").ShouldNotBeNull().TextContent.ShouldContain("16A Neglect");
    }

    [Fact]
    public async Task TheManagerAuthorises_AndTheAssessmentSaysWhenAndByWhom()
    {
        var assessment = await AllocatedAsync("Authorised");
        var sam = await App.SignInAsync(Sam);
        var martin = await App.SignInAsync(Martin);
        await CompleteAsync(sam, assessment, Everything());
        (await martin.GetStringAsync(assessment.Url)).ShouldContain($"href=\"{assessment.AuthoriseUrl}\"");

        var authorised = await PostAsync(martin, assessment.AuthoriseUrl, [new("action", "authorise")]);

        authorised.StatusCode.ShouldBe(HttpStatusCode.Redirect, await authorised.Content.ReadAsStringAsync());
        authorised.Headers.Location!.ToString().ShouldBe(assessment.Url);
        var page = Html.Parse(await martin.GetStringAsync(assessment.Url));
        page.Body!.TextContent.ShouldContain($"Assessment of {assessment.Child} authorised");
        Stage(page).ShouldBe($"Authorised on {Long(Today(App))} by Martin Hughes");
        Stage(Html.Parse(await sam.GetStringAsync(assessment.Url))).ShouldBe($"Authorised on {Long(Today(App))} by Martin Hughes");
        Html.Parse(await martin.GetStringAsync(assessment.AuthoriseUrl)).QuerySelector("button[value=authorise]")
            .ShouldBeNull("an authorised assessment has nothing left to decide");
        (await TrayLinkAsync(martin, $"Authorise the assessment of {assessment.Child} (completed by Sam Okafor)")).ShouldBeNull();
        var stored = await StoredAsync(assessment.Id);
        (stored.AuthorisedOn, stored.AuthorisedBy).ShouldBe((Today(App), await App.UserIdAsync(Martin)));
    }

    [Fact]
    public async Task SendingBack_NeedsAReason_ThenTheWorkerSeesItAndCanChangeItAgain()
    {
        var assessment = await AllocatedAsync("Returned");
        var sam = await App.SignInAsync(Sam);
        var martin = await App.SignInAsync(Martin);
        await CompleteAsync(sam, assessment, Everything());

        var noReason = await PostAsync(martin, assessment.AuthoriseUrl, [new("ReturnReason", "  "), new("action", "return")]);

        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(noReason)).QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent
            .ShouldContain("Say what the worker needs to change");
        (await StoredAsync(assessment.Id)).CompletedOn.ShouldNotBeNull("still waiting to be authorised");

        const string reason = "Say how the father's drinking affects the younger child, and what the school has seen.";
        var returned = await PostAsync(martin, assessment.AuthoriseUrl, [new("ReturnReason", reason), new("action", "return")]);

        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await returned.Content.ReadAsStringAsync());
        var page = Html.Parse(await sam.GetStringAsync(assessment.Url));
        page.QuerySelector("[data-testid=returned]").ShouldNotBeNull().TextContent.Trim().ShouldBe(reason);
        Stage(page).ShouldBe("In progress");
        page.QuerySelector("textarea[name='Form.Analysis']").ShouldNotBeNull("the worker can change it again").TextContent.Trim().ShouldBe(Analysis);
        (await TrayLinkAsync(sam, $"Child and family assessment: {assessment.Child} (returned by Martin Hughes)")).ShouldBe(assessment.Url);

        var changed = Everything().Where(f => f.Key != "Form.Analysis").Append(new("Form.Analysis", Analysis + " The school sees him hungry."));
        await CompleteAsync(sam, assessment, changed.ToList());
        var stored = await StoredAsync(assessment.Id);
        (stored.CompletedOn, stored.ReturnedReason, stored.Analysis).ShouldBe(((DateOnly?)Today(App), null, Analysis + " The school sees him hungry."));
    }

    [Fact]
    public async Task PeopleWhoMayNot_AreRefused_AndNothingChanges()
    {
        var assessment = await AllocatedAsync("Refused");
        var sam = await App.SignInAsync(Sam);
        (await PostAsync(sam, assessment.Url, [new("Form.Analysis", Analysis), new("action", "save")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = await StoredAsync(assessment.Id);
        var hannah = await App.SignInAsync(Hannah);
        var chloe = await App.SignInAsync(Chloe);

        // Another social worker in the same team reads it, but may not change it.
        var hannahsPage = await hannah.GetStringAsync(assessment.Url);
        Html.Parse(hannahsPage).QuerySelector("textarea[name='Form.Analysis']").ShouldBeNull("only the worker is given the form");
        var hannahPosts = await PostAsync(hannah, assessment.Url,
            Everything().Where(f => f.Key != "Form.Analysis")
                .Append(new("Form.Analysis", "Hannah's words")).Append(new("Form.Version", before.Version.ToString())),
            hannahsPage);
        hannahPosts.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var untouched = await StoredAsync(assessment.Id);
        (untouched.Analysis, untouched.Version, untouched.CompletedOn).ShouldBe((Analysis, before.Version, (DateOnly?)null));

        // The worker may not authorise their own work; nor may a manager of another team.
        (await sam.GetAsync(assessment.AuthoriseUrl)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await CompleteAsync(sam, assessment, Everything());
        var completed = await StoredAsync(assessment.Id);
        (await sam.GetAsync(assessment.AuthoriseUrl)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await chloe.GetAsync(assessment.AuthoriseUrl)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Html.Parse(await chloe.GetStringAsync(assessment.Url)).QuerySelector($"a[href='{assessment.AuthoriseUrl}']")
            .ShouldBeNull("a manager of another team is not offered the authorisation");
        var chloePosts = await PostAsync(chloe, assessment.AuthoriseUrl,
            [new("Version", completed.Version.ToString()), new("action", "authorise")], await chloe.GetStringAsync(assessment.Url));
        chloePosts.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Roles that may not see children's records at all.
        (await (await App.SignInAsync(Partner)).GetAsync(assessment.Url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await App.SignInAsync(Admin)).GetAsync(assessment.Url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var after = await StoredAsync(assessment.Id);
        (after.Analysis, after.Version, after.AuthorisedOn).ShouldBe((Analysis, completed.Version, (DateOnly?)null));
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.SubjectId == assessment.Id && e.Type == AssessmentAuthorised.Name)).ShouldBe(0);
    }

    [Fact]
    public async Task AChildRestrictedFromTheReader_IsNotFound_AsForAnAssessmentThatDoesNotExist_AndTheRefusalIsAudited()
    {
        var assessment = await AllocatedAsync("Hidden");
        var sam = await App.SignInAsync(Sam);
        await CompleteAsync(sam, assessment, Everything());
        var helenId = await App.UserIdAsync(Helen);
        await using (var asHelen = App.Database.CreateContext(App.Time, new Actor(helenId, "Helen Price")))
        {
            (await new AccessLists(asHelen).RestrictAsync(assessment.ChildId, "Adoption placement")).ShouldBe(AccessChange.Done);
        }
        var hannah = await App.SignInAsync(Hannah);
        var martin = await App.SignInAsync(Martin);

        var hidden = await hannah.GetAsync(assessment.Url);
        var missing = await hannah.GetAsync($"/assessments/{Guid.NewGuid()}");
        (hidden.StatusCode, missing.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        var hiddenHtml = await hidden.Content.ReadAsStringAsync();
        WithoutTokens(hiddenHtml).ShouldBe(WithoutTokens(await missing.Content.ReadAsStringAsync()), "the same answer as no assessment at all");
        hiddenHtml.ShouldNotContain("Hidden Allocated");
        (await martin.GetAsync(assessment.AuthoriseUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "Sam's manager, but not on the list");
        (await sam.GetAsync(assessment.Url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the worker is not on the list either");
        var helensPage = await (await App.SignInAsync(Helen)).GetAsync(assessment.Url);
        helensPage.StatusCode.ShouldBe(HttpStatusCode.OK, "the holder of the list");
        (await helensPage.Content.ReadAsStringAsync()).ShouldContain(assessment.Child);

        var hannahId = await App.UserIdAsync(Hannah);
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.Type == RecordAccessRefused.Name && e.PersonId == assessment.ChildId && e.ActorUserId == hannahId))
            .ShouldBe(1);
    }

    /// <summary>Every view of a child's data is an event (docs/restricted-records.md): the assessment page records who read it.</summary>
    [Fact]
    public async Task ReadingTheAssessment_IsAuditedAgainstTheChild()
    {
        var assessment = await AllocatedAsync("Audited");
        var hannah = await App.SignInAsync(Hannah);
        var hannahId = await App.UserIdAsync(Hannah);

        (await hannah.GetAsync(assessment.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.Type == RecordViewed.Name && e.PersonId == assessment.ChildId && e.ActorUserId == hannahId))
            .ShouldBe(1, "one view of the child's assessment, one record.viewed event naming the reader");
    }

    [Fact]
    public async Task TwoManagersDecidingAtOnce_OneAuthorisesOrReturns_TheOtherIsToldItChanged()
    {
        // A worker in the assessment team whose line manager is Helen Price: Martin (same team) and Helen (line manager) both manage them.
        const string worker = "Wendy Twomanagers";
        Guid workerId;
        await using (var db = App.CreateDbContext())
        {
            var team = await db.Teams.Where(t => t.Name == DemoAccounts.AssessmentTeam).Select(t => t.Id).SingleAsync();
            var user = await AllocationTestData.StaffAsync(db, worker, Roles.SocialWorker, team);
            user.ManagerId = await App.UserIdAsync(Helen);
            await db.SaveChangesAsync();
            await AllocationTestData.QualifyAsync(db, user.Id, Today(App), childProtectionTrained: false);
            workerId = user.Id;
        }
        var workerEmail = await StaffEmailAsync(workerId);
        var martin = await App.SignInAsync(Martin);
        var helen = await App.SignInAsync(Helen);
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var assessment = await AllocatedAsync($"Decide{round}", workerEmail);
            await CompleteThroughTheServiceAsync(assessment, workerId, worker);

            var (a, b) = await AtOnce.PostAsync(martin, helen, assessment.AuthoriseUrl,
                new Dictionary<string, string> { ["action"] = "authorise" },
                new Dictionary<string, string> { ["action"] = "return", ["ReturnReason"] = "Add the school's view" });

            var both = (a, b).Both();
            both.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, $"round {round}");
            var loser = both.Single(r => r.StatusCode != HttpStatusCode.Redirect);
            loser.StatusCode.ShouldBe(HttpStatusCode.Conflict, $"round {round}");
            var html = await loser.Content.ReadAsStringAsync();
            html.ShouldContain("This assessment changed while you were reading it");
            var stored = await StoredAsync(assessment.Id);
            await using var db = App.CreateDbContext();
            var decisions = await db.Events
                .Where(e => e.SubjectId == assessment.Id && (e.Type == AssessmentAuthorised.Name || e.Type == AssessmentReturned.Name))
                .Select(e => e.Type).ToListAsync();
            decisions.ShouldHaveSingleItem($"round {round}");
            if (a.StatusCode == HttpStatusCode.Redirect)
            {
                (decisions[0], stored.AuthorisedBy, stored.ReturnedReason).ShouldBe((AssessmentAuthorised.Name, (Guid?)await App.UserIdAsync(Martin), null));
                html.ShouldContain("Martin Hughes has already authorised it");
            }
            else
            {
                (decisions[0], stored.AuthorisedOn, stored.CompletedOn, stored.ReturnedReason)
                    .ShouldBe((AssessmentReturned.Name, null, null, "Add the school's view"));
                html.ShouldContain("It has been sent back to the worker");
            }
        }
    }

    [Fact]
    public async Task TheWorkerCompletingTwiceAtOnce_CompletesItOnce_AndTheOtherIsToldItChanged()
    {
        var everything = Everything().Where(f => f.Key != "Form.Factors").Append(new("Form.Factors", "16A")).ToDictionary();
        await using (var db = App.CreateDbContext())
        {
            await AllocationTestData.QualifyAsync(db, await App.UserIdAsync(Hannah), Today(App), childProtectionTrained: false);
        }
        var hannah = await App.SignInAsync(Hannah);
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var assessment = await AllocatedAsync($"Twice{round}", Hannah);

            var (a, b) = await AtOnce.PostAsync(hannah, hannah, assessment.Url, everything, everything);

            var both = (a, b).Both();
            both.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, $"round {round}");
            var loser = both.Single(r => r.StatusCode != HttpStatusCode.Redirect);
            loser.StatusCode.ShouldBe(HttpStatusCode.Conflict, $"round {round}");
            (await loser.Content.ReadAsStringAsync()).ShouldContain("This assessment changed while you were working on it");
            await using var db = App.CreateDbContext();
            (await db.Events.CountAsync(e => e.SubjectId == assessment.Id && e.Type == AssessmentCompleted.Name)).ShouldBe(1, $"round {round}");
            (await db.WorkItems.CountAsync(w => w.SubjectId == assessment.Id && w.Kind == WorkKind.AssessmentAuthorisation && w.ClosedAt == null))
                .ShouldBe(1, $"round {round}: one authorisation to do");
        }
    }

    [Fact]
    public async Task SavingFromAnOlderVersion_Is409_AndKeepsWhatWasTyped()
    {
        var assessment = await AllocatedAsync("Stale");
        var sam = await App.SignInAsync(Sam);
        var older = await sam.GetStringAsync(assessment.Url);
        var first = await PostAsync(sam, assessment.Url, [new("Form.Analysis", "Saved in the other tab"), new("action", "save")]);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var version = (await StoredAsync(assessment.Id)).Version;

        var stale = await PostAsync(sam, assessment.Url, [new("Form.Analysis", "Typed in the older tab"), new("action", "save")], older);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await Html.ParseAsync(stale);
        page.QuerySelector("[data-testid=changed-elsewhere]").ShouldNotBeNull().TextContent
            .ShouldContain("This assessment changed while you were working on it");
        page.QuerySelector("textarea[name='Form.Analysis']").ShouldNotBeNull().TextContent.Trim().ShouldBe("Typed in the older tab");
        page.QuerySelector("input[name='Form.Version']").ShouldNotBeNull().GetAttribute("value").ShouldBe(version.ToString(),
            "saving again from this page saves over the version it now shows");
        var stored = await StoredAsync(assessment.Id);
        (stored.Analysis, stored.Version).ShouldBe(("Saved in the other tab", version));
    }

    private async Task<string> StaffEmailAsync(Guid userId)
    {
        await using var db = App.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync();
    }

    /// <summary>Completes the assessment as its worker through the service (for a worker who cannot sign in: made for the test without a password).</summary>
    private async Task CompleteThroughTheServiceAsync(Started assessment, Guid workerId, string workerName)
    {
        await using var db = App.Database.CreateContext(App.Time, new Actor(workerId, workerName));
        var calendar = WorkingDayCalendar.Default();
        var service = AllocationTestData.AssessmentService(db, calendar);
        var version = await db.Assessments.Where(a => a.Id == assessment.Id).Select(a => a.Version).SingleAsync();
        var result = await service.SaveAsync(new AssessmentInput(assessment.Id, version, Today(App), true, ["16A"], Analysis, Views,
            AssessmentOutcome.ChildInNeedPlan, null), complete: true);
        result.Outcome.ShouldBe(AssessmentChange.Saved, string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
