using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Records;
using Safeguard.Core.People;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>
/// Need to know, page by page: the demo council's restricted child (Rosie Bennett, whose list Helen Price holds and
/// which names Grace Lee and Priya Shah) is seen by the people on the list and "not found" by everyone else, with each
/// refusal audited. Every page of the app is either tested here with a restricted child in it or listed as holding
/// no child data, so a new page that forgets the check fails <see cref="EveryPage_IsCheckedForRestrictedChildren_OrListedAsHoldingNone"/>.
/// Unrestricted children on the same pages are covered role by role in <see cref="PageAccessTests"/>.
/// </summary>
public sealed class RestrictedRecordTests(RestrictedRecordTests.Fixture fixture) : IClassFixture<RestrictedRecordTests.Fixture>
{
    private const string Holder = "helen.price@northbridge.example";
    private const string ManagerOnList = "martin.hughes@northbridge.example";

    /// <summary>On the list: the holder, the two the demo names, and a manager the fixture adds (not a holder).</summary>
    private static readonly string[] OnList = [Holder, "grace.lee@northbridge.example", "priya.shah@northbridge.example", ManagerOnList];

    /// <summary>Someone of every role; those with a role that can see children but not on the list must get "not found".</summary>
    public static readonly string[] Viewers =
    [
        Holder, ManagerOnList, "grace.lee@northbridge.example", "priya.shah@northbridge.example",
        "jo.bennett@northbridge.example", "omar.farouk@northbridge.example", "david.clarke@northbridge.example",
        "sam.okafor@northbridge.example", "leah.brown@northbridge.example", "tom.evans@northbridge.example",
        "ruth.morgan@northbridge.example", "nina.patel@northbridge.example", "alex.admin@northbridge.example", "pc.jones@police.example",
    ];

    /// <summary>Pages that show one child (or a contact, a duplicate pair or a merge about one), the path to the restricted one, and their permission.</summary>
    public static readonly IReadOnlyDictionary<string, (string Path, string Permission)> ChildPages = new Dictionary<string, (string, string)>
    {
        ["children/{}"] = ("/children/{child}", Permissions.ViewChildRecords),
        ["children/{}/access"] = ("/children/{child}/access", Permissions.RestrictChildRecords),
        ["children/{}/family/add"] = ("/children/{child}/family/add", Permissions.EditChildRecords),
        ["children/{}/names/add"] = ("/children/{child}/names/add", Permissions.EditChildRecords),
        ["children/{}/census"] = ("/children/{child}/census", Permissions.EditChildRecords),
        ["children/{}/address"] = ("/children/{child}/address", Permissions.EditChildRecords),
        ["children/{}/family/{}/end"] = ("/children/{child}/family/{relative}/end?kind=Carer", Permissions.EditChildRecords),
        ["children/{}/chronology"] = ("/children/{child}/chronology", Permissions.ViewChildRecords),
        ["children/{}/documents"] = ("/children/{child}/documents", Permissions.ViewChildRecords),
        ["front-door/contacts/{}"] = ("/front-door/contacts/{contact}", Permissions.ReadContacts),
        ["people/duplicates/{}"] = ("/people/duplicates/{duplicate}", Permissions.ReviewDuplicates),
        ["people/merges/{}"] = ("/people/merges/{merge}", Permissions.ReviewDuplicates),
    };

    /// <summary>Pages that list children or their work, and the test here that shows they hide or mask the restricted child.</summary>
    private static readonly IReadOnlyDictionary<string, string> ListPages = new Dictionary<string, string>
    {
        [""] = nameof(HomeTray_ShowsTheRestrictedChildsWork_AsRestrictedRecord),
        ["children"] = nameof(Search_HidesTheRestrictedChild_FromPeopleNotOnTheList_AndRecordsWhoWasListed),
        ["people/candidates"] = nameof(Candidates_HideTheRestrictedChild_FromPeopleNotOnTheList),
        ["front-door/contacts/new"] = nameof(Candidates_HideTheRestrictedChild_FromPeopleNotOnTheList),
        ["people/duplicates"] = nameof(DuplicateQueue_HidesPairsWithTheRestrictedChild),
        ["front-door"] = nameof(FrontDoorTray_CountsTheRestrictedChildsContact_ButDoesNotNameThem),
        ["admin/audit"] = nameof(AuditPage_HidesWhatEventsAboutTheRestrictedChildSaid),
        ["children/{}/documents/{}"] = nameof(Attaching.AttachmentPageTests.ARestrictedChildsDocuments_AreNotFound_ForAWorkerNotOnTheList_AndShownToOneOnIt),
        ["pattern-alerts/{}"] = nameof(Chronicling.PatternAlertPageTests.AnAlertAboutARestrictedChild_IsNotFound_ForSomeoneNotOnTheList_AndShownToSomeoneOnIt),
        ["returns/cin-census"] = nameof(Returning.CinCensusPageTests.TheValidationReport_LinksEachFailureToTheChild_ButNamesARestrictedChildOnlyAsRestricted),
        ["front-door/contacts/{}/information/read"] = nameof(MarkingInformationRead_OnTheRestrictedChildsContact_IsNotFound),
        ["supervision/cases/{}/new"] = nameof(SupervisionPageTests.CaseSupervision_OfARestrictedChildTheSupervisorMayNotSee_IsNotFound_AndAudited),
        ["supervision/workers/{}"] = nameof(SupervisionPageTests.WorkerHistory_OfARestrictedChild_DoesNotNameThemToAManagerNotOnTheList),
        ["caseloads/workers/{}"] = nameof(CaseloadPageTests.AWorkersCaseloadPage_ShowsARestrictedChild_AsRestrictedRecord_ToAManagerNotOnTheList),
        ["caseloads/service"] = nameof(CaseloadPageTests.TheServicePage_ListsChildrenWithThreeWorkersInAYear_LeavingOutAndCountingRestrictedOnes),
        ["caseloads/exceptions"] = nameof(Allocation.AllocationExceptionsPageTests
            .ARestrictedChild_IsLeftOutAndCounted_ForAManagerNotOnItsList_OnThePageAndInTheFile_ButListedForItsHolder),
        ["allocation/referrals/{}"] = nameof(AllocationPages_AboutTheRestrictedChild_AreNotFoundForPeopleNotOnTheList),
        ["allocation/cases/{}/accept"] = nameof(AllocationPages_AboutTheRestrictedChild_AreNotFoundForPeopleNotOnTheList),
        ["allocation/cases/{}/reallocate"] = nameof(AllocationPages_AboutTheRestrictedChild_AreNotFoundForPeopleNotOnTheList),
        ["work/{}"] = nameof(AllocationPages_AboutTheRestrictedChild_AreNotFoundForPeopleNotOnTheList),
        ["assessments/{}"] = nameof(Assessing.AssessmentPagesTests
            .AChildRestrictedFromTheReader_IsNotFound_AsForAnAssessmentThatDoesNotExist_AndTheRefusalIsAudited),
        ["assessments/{}/authorise"] = nameof(Assessing.AssessmentPagesTests
            .AChildRestrictedFromTheReader_IsNotFound_AsForAnAssessmentThatDoesNotExist_AndTheRefusalIsAudited),
        ["children/{}/strategy-discussions/new"] = nameof(Enquiring.StrategyDiscussionPagesTests
            .AChildRestrictedFromTheReader_IsNotFound_OnEveryPage_AsIfThereWereNoChild),
        ["strategy-discussions/{}"] = nameof(Enquiring.StrategyDiscussionPagesTests
            .AChildRestrictedFromTheReader_IsNotFound_OnEveryPage_AsIfThereWereNoChild),
        ["section47/{}/outcome"] = nameof(Enquiring.StrategyDiscussionPagesTests
            .AChildRestrictedFromTheReader_IsNotFound_OnEveryPage_AsIfThereWereNoChild),
        ["section47/{}/conference"] = nameof(Conferencing.ConferencePagesTests.AChildRestrictedFromTheReader_IsNotFound_OnEveryConferenceAndPlanPage_AsIfThereWereNoChild),
        ["conferences/{}"] = nameof(Conferencing.ConferencePagesTests.AChildRestrictedFromTheReader_IsNotFound_OnEveryConferenceAndPlanPage_AsIfThereWereNoChild),
        ["plans/{}"] = nameof(Conferencing.ConferencePagesTests.AChildRestrictedFromTheReader_IsNotFound_OnEveryConferenceAndPlanPage_AsIfThereWereNoChild),
        ["plans/{}/review"] = nameof(Conferencing.ConferencePagesTests.AChildRestrictedFromTheReader_IsNotFound_OnEveryConferenceAndPlanPage_AsIfThereWereNoChild),
        ["children/{}/case-notes/new"] = nameof(Noting.CaseNotePagesTests.ARestrictedChild_IsNotFound_ToAWorkerNotOnTheList_AndNothingIsSaved),
        ["children/{}/arrangements/new"] = nameof(Arranging.ArrangementPagesTests.ARestrictedChild_IsNotFound_OnBothPages_ToAManagerNotOnTheList),
        ["arrangements/{}"] = nameof(Arranging.ArrangementPagesTests.ARestrictedChild_IsNotFound_OnBothPages_ToAManagerNotOnTheList),
        ["cases/{}/close"] = nameof(Closing.ClosurePagesTests.ARestrictedChildsCase_IsNotFound_ToAManagerNotOnTheList_AndStaysOpen),
        ["child-in-need-plans/{}"] = nameof(Planning.ChildInNeedPlanPagesTests.ARestrictedChild_IsNotFound_OnBothPages_ToAWorkerNotOnTheList_AndNothingIsSaved),
        ["child-in-need-plans/{}/review"] = nameof(Planning.ChildInNeedPlanPagesTests.ARestrictedChild_IsNotFound_OnBothPages_ToAWorkerNotOnTheList_AndNothingIsSaved),
        ["plans/{}/core-groups/new"] = nameof(Conferencing.ConferencePagesTests.AChildRestrictedFromTheReader_IsNotFound_OnEveryConferenceAndPlanPage_AsIfThereWereNoChild),
        ["escalations"] = nameof(Escalating.EscalationPagesTests.AnEscalationAboutARestrictedChild_IsNotFound_ToTheDirectorNotOnTheList_AndListedAsRestricted),
        ["escalations/mine"] = nameof(Escalating.EscalationPagesTests.AnEscalationAboutARestrictedChild_IsNotFound_ToTheDirectorNotOnTheList_AndListedAsRestricted),
        ["escalations/new"] = nameof(Escalating.EscalationPagesTests.AnEscalationAboutARestrictedChild_IsNotFound_ToTheDirectorNotOnTheList_AndListedAsRestricted),
        ["escalations/{}"] = nameof(Escalating.EscalationPagesTests.AnEscalationAboutARestrictedChild_IsNotFound_ToTheDirectorNotOnTheList_AndListedAsRestricted),
        ["recommendations/{}"] = nameof(Tracking.RecommendationPagesTests.EvidenceLinkedToARestrictedChild_ShowsTheRestrictedTitle_ToSomeoneNotOnTheList),
        // The council's return to Ofsted, as the census download: every child, restricted or not (docs/returns.md).
        ["returns/annex-a"] = nameof(Returning.AnnexAPageTests.TheAnalystDownloadsTheWorkbook_WithEveryChildIncludingARestrictedOne_AndTheDownloadIsAudited),
        ["returns/annex-a/{}/{}"] = nameof(Returning.AnnexAPageTests.TheAnalystDownloadsTheWorkbook_WithEveryChildIncludingARestrictedOne_AndTheDownloadIsAudited),
        ["performance/{}/list"] = nameof(Performing.PerformancePageTests
            .TheListBehindAFigure_ShowsARestrictedChild_AsRestrictedRecord_ToTheDirector_AndNamesHerToTheHolder_AndIsAudited),
    };

    /// <summary>Pages judged to show no child data from the person index, and why.</summary>
    private static readonly IReadOnlyDictionary<string, string> NoChildData = new Dictionary<string, string>
    {
        ["drafts"] = "a person's own drafts, put back only on the form's page, which checks need to know", ["sign-in"] = "account", ["sign-in/external/callback"] = "account", ["sign-out"] = "account", ["session"] = "the person's own sign-in: when it ends",
        ["sign-in/two-factor"] = "account", ["sign-in/recovery-code"] = "account", ["account/two-factor"] = "account", ["account/password"] = "account",
        ["status/{}"] = "status and error pages", ["error"] = "status and error pages",
        ["admin/users"] = "staff accounts", ["admin/users/add"] = "staff accounts", ["admin/users/{}"] = "staff accounts", ["admin/users/{}/password"] = "staff accounts", ["admin/users/{}/two-factor"] = "staff accounts",
        ["admin/organisations"] = "partner agencies", ["admin/organisations/add"] = "partner agencies",
        ["admin/organisations/{}"] = "partner agencies", ["admin/organisations/{}/retire"] = "partner agencies",
        ["admin/teams"] = "teams", ["admin/teams/add"] = "teams", ["admin/teams/{}"] = "teams", ["admin/teams/{}/retire"] = "teams",
        ["admin/staff"] = "staff records", ["admin/staff/{}"] = "staff records", ["admin/staff/{}/training"] = "staff records",
        ["admin/staff/{}/absences"] = "staff records",
        ["oversight/backlog"] = "counts by kind, team and age only: no titles or names",
        ["front-door/alerts"] = "alert messages come from ManagerAlerts, which masks them (tested on the tray, which shows the same list)",
        ["front-door/alerts/{}/acknowledge"] = "POST only, by alert id: shows nothing of the child",
        ["partner"] = "the partner's own words: names as sent, never the index's",
        ["partner/referrals/new"] = "a form for a new referral: shows no existing record",
        ["partner/referrals/{}"] = "the partner's own referral: names as sent, never the index's",
        ["supervision/workers/{}/new"] = "personal supervision: the worker and the staff actions can be given to",
        ["caseloads/teams/{}"] = "workers' caseload numbers only: no child is named",
        ["recommendations"] = "review recommendations: their words, owners and dates; evidence (which may link a child) only on a recommendation's page",
        ["recommendations/summary"] = "review recommendations: counts and the recommendations' own words",
        ["recommendations/export"] = "review recommendations and their actions and evidence in words: no child's name",
        ["recommendations/add"] = "a form for a new recommendation",
        ["recommendations/{}/change"] = "a recommendation's own fields",
        ["recommendations/{}/status"] = "a recommendation's words and status",
        ["recommendations/{}/actions/new"] = "a recommendation's words and its actions",
        ["recommendations/{}/evidence/new"] = "a recommendation's actions; a child's record is only typed in, never shown",
        ["performance"] = "counts and percentages only: the children are named on the lists behind the figures",
        ["oversight/flow"] = "daily counts of each stage of the flow and its alerts: no child is named",
        ["oversight/flow/alerts/{}"] = "one flow alert: a stage's (or a partner's) daily counts, no child is named",
    };

    public sealed class Fixture : SafeguardAppFactory
    {
        private readonly Dictionary<string, HttpClient> _clients = [];
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Dictionary<string, string>? _ids;

        public async Task<HttpClient> ClientAsync(string email)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_clients.TryGetValue(email, out var client)) _clients[email] = client = await SignInAsync(email);
                return client;
            }
            finally { _gate.Release(); }
        }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var db = CreateDbContext();
            var rosie = await db.People.SingleAsync(p => p.GivenName == "Rosie" && p.FamilyName == "Bennett");
            var contact = await db.ContactChildren.Where(cc => cc.PersonId == rosie.Id).Select(cc => cc.ContactId).FirstAsync();
            var helen = await db.Users.SingleAsync(u => u.Email == Holder);
            var martin = await db.Users.SingleAsync(u => u.Email == ManagerOnList);
            await using (var asHelen = Database.CreateContext(Time, new Actor(helen.Id, helen.DisplayName)))
            {
                (await new AccessLists(asHelen).AddAsync(rosie.Id, martin.Id, holdsList: false, "Covers the front door manager's cases"))
                    .ShouldBe(AccessChange.Done);
            }
            var lookalike = new Person("Rosie", "Benett", rosie.DateOfBirth, Sex.Female);
            var merged = new Person("Rosy", "Bennett", rosie.DateOfBirth, Sex.Female);
            db.People.AddRange(lookalike, merged);
            var candidate = new DuplicateCandidate(rosie.Id, lookalike.Id, 14.0, "Possible", "[\"Date of birth: the same (+10.0)\"]",
                DuplicateFoundBy.Sweep, Time.GetUtcNow());
            db.DuplicateCandidates.Add(candidate);
            await db.SaveChangesAsync();
            var merge = await new PersonMerging(db).MergeAsync(rosie.Id, merged.Id, "Same child, name misspelt");
            var (_, carer) = await new PersonFamilyRecords(db, new ExactPersonLinker()).AddRelationshipAsync(rosie.Id,
                new NewChild(LinkChoice.NotChosen, "Restricted", "Carer", null, null, Sex.Unknown, null, null, null, null, null), RelationshipKind.Carer);
            _ids = new()
            {
                ["{child}"] = rosie.Id.ToString(), ["{contact}"] = contact.ToString(),
                ["{duplicate}"] = candidate.Id.ToString(), ["{merge}"] = merge.ToString(), ["{relative}"] = carer!.Value.ToString(),
            };
        }

        public Guid Rosie => Guid.Parse(_ids!["{child}"]);
        public Guid RosiesContact => Guid.Parse(_ids!["{contact}"]);

        public string Resolve(string path) => _ids!.Aggregate(path, (p, id) => p.Replace(id.Key, id.Value));

        public async Task<Guid> UserAsync(string email) => await UserIdAsync(email);
    }

    private static bool Permitted(string email, string permission) =>
        RolePermissions.For(Core.Seeding.DemoAccounts.All.Single(a => a.Email == email).Role).Contains(permission);

    [Fact]
    public void EveryPage_IsCheckedForRestrictedChildren_OrListedAsHoldingNone()
    {
        var routes = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => System.Text.RegularExpressions.Regex.Replace((e.RoutePattern.RawText ?? "").Trim('/'), "{[^}]*}", "{}"))
            .Distinct()
            .ToList();

        routes.Count.ShouldBeGreaterThan(20);
        routes.Where(r => !ChildPages.ContainsKey(r) && !ListPages.ContainsKey(r) && !NoChildData.ContainsKey(r))
            .ShouldBeEmpty("Pages neither checked for restricted children nor listed as holding no child data");
        ChildPages.Keys.Concat(ListPages.Keys).Concat(NoChildData.Keys).Where(r => !routes.Contains(r))
            .ShouldBeEmpty("Listed pages that the app no longer has");
    }

    public static TheoryData<string, string> PagesAndViewers()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in ChildPages.Keys)
        foreach (var viewer in Viewers)
            data.Add(page, viewer);
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndViewers))]
    public async Task RestrictedChildsPage_IsSeenByTheList_NotFoundForOthersWithTheRole_ForbiddenWithoutIt(string page, string viewer)
    {
        var (path, permission) = ChildPages[page];
        var client = await fixture.ClientAsync(viewer);
        var expected = !Permitted(viewer, permission) ? HttpStatusCode.Forbidden
            : OnList.Contains(viewer) ? HttpStatusCode.OK
            : HttpStatusCode.NotFound;

        var response = await client.GetAsync(fixture.Resolve(path));

        response.StatusCode.ShouldBe(expected, $"{viewer} on {path}");
        var html = await response.Content.ReadAsStringAsync();
        if (expected == HttpStatusCode.NotFound)
        {
            // Exactly what a child who does not exist gets, and the attempt is on the audit trail.
            var missing = await client.GetAsync(path.Replace("{child}", Guid.NewGuid().ToString()).Replace("{contact}", Guid.NewGuid().ToString())
                .Replace("{duplicate}", Guid.NewGuid().ToString()).Replace("{merge}", Guid.NewGuid().ToString())
                .Replace("{relative}", Guid.NewGuid().ToString()));
            missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            WithoutTokens(html).ShouldBe(WithoutTokens(await missing.Content.ReadAsStringAsync()));
            html.ShouldNotContain("Rosie");
            var userId = await fixture.UserAsync(viewer);
            await using var db = fixture.CreateDbContext();
            (await db.Events.AnyAsync(e => e.Type == RecordAccessRefused.Name && e.ActorUserId == userId && e.PersonId == fixture.Rosie))
                .ShouldBeTrue($"refusal of {viewer} on {path} audited");
        }
        if (expected == HttpStatusCode.OK && page != "people/duplicates/{}" && page != "people/merges/{}")
        {
            html.ShouldContain("Rosie");
        }
    }

    [Fact]
    public async Task Search_HidesTheRestrictedChild_FromPeopleNotOnTheList_AndRecordsWhoWasListed()
    {
        var tom = await fixture.ClientAsync("tom.evans@northbridge.example");
        var priya = await fixture.ClientAsync("priya.shah@northbridge.example");

        var hidden = await tom.GetStringAsync("/children?q=Rosie+Bennett");
        var shown = await priya.GetStringAsync("/children?q=Rosie+Bennett");
        var fragment = await tom.GetStringAsync("/children?handler=results&q=Bennett");

        hidden.ShouldNotContain(fixture.Rosie.ToString());
        fragment.ShouldNotContain(fixture.Rosie.ToString());
        shown.ShouldContain(fixture.Rosie.ToString());
        var priyaId = await fixture.UserAsync("priya.shah@northbridge.example");
        await using var db = fixture.CreateDbContext();
        var listings = await db.Events.Where(e => e.Type == PeopleListed.Name && e.ActorUserId == priyaId).Select(e => e.Data!).ToListAsync();
        listings.ShouldContain(d => d.Contains(fixture.Rosie.ToString()), "one event per search, naming who was listed");
    }

    [Fact]
    public async Task Candidates_HideTheRestrictedChild_FromPeopleNotOnTheList()
    {
        var tom = await fixture.ClientAsync("tom.evans@northbridge.example");
        var priya = await fixture.ClientAsync("priya.shah@northbridge.example");
        const string query = "/people/candidates?givenName=Rosie&familyName=Bennett&nhsNumber=4010232137";

        (await tom.GetStringAsync(query)).ShouldNotContain(fixture.Rosie.ToString());
        (await priya.GetStringAsync(query)).ShouldContain(fixture.Rosie.ToString());
        (await tom.GetStringAsync("/front-door/contacts/new?handler=Candidates&child=0&givenName=Rosie&familyName=Bennett&nhsNumber=4010232137"))
            .ShouldNotContain(fixture.Rosie.ToString());
    }

    [Fact]
    public async Task DuplicateQueue_HidesPairsWithTheRestrictedChild()
    {
        var jo = await fixture.ClientAsync("jo.bennett@northbridge.example");
        var helen = await fixture.ClientAsync(Holder);

        (await jo.GetStringAsync("/people/duplicates")).ShouldNotContain("Rosie Bennett");
        (await helen.GetStringAsync("/people/duplicates")).ShouldContain("Rosie Bennett");
    }

    [Fact]
    public async Task FrontDoorTray_CountsTheRestrictedChildsContact_ButDoesNotNameThem()
    {
        var tom = await fixture.ClientAsync("tom.evans@northbridge.example");
        var priya = await fixture.ClientAsync("priya.shah@northbridge.example");

        var hidden = Html.Parse(await tom.GetStringAsync("/front-door"));
        var shown = Html.Parse(await priya.GetStringAsync("/front-door"));

        hidden.Body!.TextContent.ShouldNotContain("Rosie");
        hidden.Body.TextContent.ShouldContain(NeedToKnow.RestrictedTitle);
        shown.Body!.TextContent.ShouldContain("Rosie Bennett");
        hidden.QuerySelectorAll("tbody tr").Length.ShouldBe(shown.QuerySelectorAll("tbody tr").Length, "nothing goes unseen");
        hidden.QuerySelector(".govuk-heading-xl")!.TextContent.ShouldBe(shown.QuerySelector(".govuk-heading-xl")!.TextContent);
    }

    [Fact]
    public async Task HomeTray_ShowsTheRestrictedChildsWork_AsRestrictedRecord()
    {
        var tom = await fixture.ClientAsync("tom.evans@northbridge.example");
        var priya = await fixture.ClientAsync("priya.shah@northbridge.example");

        var hidden = await tom.GetStringAsync("/");
        var shown = await priya.GetStringAsync("/");

        hidden.ShouldNotContain("Rosie");
        hidden.ShouldContain(NeedToKnow.RestrictedTitle);
        shown.ShouldContain("Screen contact about Rosie Bennett");
    }

    [Fact]
    public async Task AuditPage_HidesWhatEventsAboutTheRestrictedChildSaid()
    {
        var admin = await fixture.ClientAsync("alex.admin@northbridge.example");
        var helenId = await fixture.UserAsync(Holder);

        var html = await admin.GetStringAsync($"/admin/audit?UserId={helenId}");

        html.ShouldContain(NeedToKnow.RestrictedTitle);
        html.ShouldNotContain("Rosie");
        html.ShouldNotContain("Relative of a member of staff");
    }

    [Fact]
    public async Task MarkingInformationRead_OnTheRestrictedChildsContact_IsNotFound()
    {
        var tom = await fixture.ClientAsync("tom.evans@northbridge.example");
        var path = $"/front-door/contacts/{fixture.RosiesContact}/information/read";

        var response = await SafeguardAppFactory.PostFormAsync(tom, path, [], formPage: "/front-door");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Holder_RestrictsAddsRemovesAndLifts_EachWithAReasonAndAnEvent()
    {
        var child = await NewChildAsync("Access", "Journey");
        var helen = await fixture.ClientAsync(Holder);
        var sam = await fixture.ClientAsync("sam.okafor@northbridge.example");
        var samId = await fixture.UserAsync("sam.okafor@northbridge.example");
        var page = $"/children/{child}/access";

        (await sam.GetAsync($"/children/{child}")).StatusCode.ShouldBe(HttpStatusCode.OK, "not restricted yet");

        var noReason = await SafeguardAppFactory.PostFormAsync(helen, page + "?handler=Restrict", new() { ["RestrictReason"] = " " }, page);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Enter why the record needs to be restricted");

        (await SafeguardAppFactory.PostFormAsync(helen, page + "?handler=Restrict", new() { ["RestrictReason"] = "Adoption placement" }, page))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sam.GetAsync($"/children/{child}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var kept = await SafeguardAppFactory.PostFormAsync(helen, page + "?handler=Add",
            new() { ["AddUserId"] = samId.ToString(), ["AddAs"] = "see", ["AddReason"] = "" }, page);
        kept.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var keptHtml = await kept.Content.ReadAsStringAsync();
        keptHtml.ShouldContain("Enter why they need to see this record");
        keptHtml.ShouldContain($"selected=\"selected\" value=\"{samId}\"");

        var cannotHold = await SafeguardAppFactory.PostFormAsync(helen, page + "?handler=Add",
            new() { ["AddUserId"] = samId.ToString(), ["AddAs"] = "hold", ["AddReason"] = "Allocated worker" }, page);
        cannotHold.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cannotHold.Content.ReadAsStringAsync()).ShouldContain("Only a manager can hold the list");

        (await SafeguardAppFactory.PostFormAsync(helen, page + "?handler=Add",
            new() { ["AddUserId"] = samId.ToString(), ["AddAs"] = "see", ["AddReason"] = "Allocated worker" }, page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sam.GetAsync($"/children/{child}")).StatusCode.ShouldBe(HttpStatusCode.OK, "on the list now");

        var helenId = await fixture.UserAsync(Holder);
        var lastHolder = await SafeguardAppFactory.PostFormAsync(helen, page + "?handler=Remove",
            new() { ["RemoveUserId"] = helenId.ToString(), ["RemoveReason"] = "Leaving" }, page);
        lastHolder.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await SafeguardAppFactory.PostFormAsync(helen, page + "?handler=Remove",
            new() { ["RemoveUserId"] = samId.ToString(), ["RemoveReason"] = "Case closed" }, page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sam.GetAsync($"/children/{child}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await SafeguardAppFactory.PostFormAsync(helen, page + "?handler=Lift", new() { ["LiftReason"] = "Placement ended" }, page))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sam.GetAsync($"/children/{child}")).StatusCode.ShouldBe(HttpStatusCode.OK, "lifted");

        await using var db = fixture.CreateDbContext();
        var events = await db.Events.Where(e => e.PersonId == child).OrderBy(e => e.Id).Select(e => new { e.Type, e.Reason }).ToListAsync();
        events.ShouldContain(e => e.Type == RecordRestricted.Name && e.Reason == "Adoption placement");
        events.ShouldContain(e => e.Type == AccessGranted.Name && e.Reason == "Allocated worker");
        events.ShouldContain(e => e.Type == AccessRemoved.Name && e.Reason == "Case closed");
        events.ShouldContain(e => e.Type == RestrictionLifted.Name && e.Reason == "Placement ended");
        (await db.PersonAccessGrants.CountAsync(g => g.PersonId == child)).ShouldBe(0);
    }

    [Fact]
    public async Task OnTheListButNotHolding_MayReadTheList_ButNotChangeIt()
    {
        var martin = await fixture.ClientAsync(ManagerOnList);
        var page = $"/children/{fixture.Rosie}/access";

        var html = await martin.GetStringAsync(page);
        var post = await SafeguardAppFactory.PostFormAsync(martin, page + "?handler=Lift", new() { ["LiftReason"] = "Trying" }, page);

        html.ShouldContain("Only a manager who holds the list can change it");
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AccessListPage_RefusesRolesThatCannotRestrict()
    {
        var grace = await fixture.ClientAsync("grace.lee@northbridge.example");
        var nina = await fixture.ClientAsync("nina.patel@northbridge.example");

        (await grace.GetAsync($"/children/{fixture.Rosie}/access")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await nina.GetAsync($"/children/{fixture.Rosie}/access")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TwoHoldersAddingTheSameName_AtOnce_MakeOneEntry()
    {
        var helen = await fixture.ClientAsync(Holder);
        var omar = await fixture.ClientAsync("omar.farouk@northbridge.example");
        var samId = await fixture.UserAsync("sam.okafor@northbridge.example");
        var omarId = await fixture.UserAsync("omar.farouk@northbridge.example");
        var helenId = await fixture.UserAsync(Holder);
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var child = await NewChildAsync("Race", $"Round{round}");
            await using (var asHelen = fixture.Database.CreateContext(fixture.Time, new Actor(helenId, "Helen Price")))
            {
                var lists = new AccessLists(asHelen);
                (await lists.RestrictAsync(child, "Test of two holders")).ShouldBe(AccessChange.Done);
                (await lists.AddAsync(child, omarId, holdsList: true, "Second holder")).ShouldBe(AccessChange.Done);
            }
            var form = new Dictionary<string, string> { ["AddUserId"] = samId.ToString(), ["AddAs"] = "see", ["AddReason"] = "Allocated" };

            var both = (await AtOnce.PostAsync(helen, omar, $"/children/{child}/access?handler=Add", form, form)).Both();

            both.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect || r.StatusCode == HttpStatusCode.BadRequest);
            await using var db = fixture.CreateDbContext();
            (await db.PersonAccessGrants.CountAsync(g => g.PersonId == child && g.UserId == samId)).ShouldBe(1, $"round {round}");
        }
    }

    /// <summary>The page without its antiforgery tokens (new on every response).</summary>
    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");

    private async Task<Guid> NewChildAsync(string given, string family)
    {
        await using var db = fixture.CreateDbContext();
        var person = new Person(given, family, new DateOnly(2018, 5, 5), Sex.Male);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    /// <summary>
    /// Allocating, accepting, reallocating and an agreed action about the restricted child: the people on the list see
    /// them; a manager who may allocate, and the allocated worker, are told "not found" when they are not on it.
    /// </summary>
    [Fact]
    public async Task AllocationPages_AboutTheRestrictedChild_AreNotFoundForPeopleNotOnTheList()
    {
        await AllocationArrange.QualifyWorkersAsync(fixture);
        var waiting = await AllocationArrange.ReferralAsync(fixture, "", personId: fixture.Rosie);
        var helen = await fixture.ClientAsync(Holder);
        var omar = await fixture.ClientAsync("omar.farouk@northbridge.example");
        (await helen.GetAsync($"/allocation/referrals/{waiting.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await omar.GetAsync($"/allocation/referrals/{waiting.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Sam is not on the list: a case allocated to him (which a manager should not do) still does not show him the child.
        var toSam = await AllocationArrange.AllocateAsync(fixture, waiting, Holder, AllocationArrange.Sam);
        var sam = await fixture.ClientAsync(AllocationArrange.Sam);
        (await sam.GetAsync($"/allocation/cases/{toSam}/accept")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = fixture.CreateDbContext();
        var action = await db.WorkItems.Where(w => w.SubjectId == toSam && w.Kind == Core.Work.WorkKind.AgreedAction).Select(w => w.Id).SingleAsync();
        (await sam.GetAsync($"/work/{action}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await omar.GetAsync($"/allocation/cases/{toSam}/reallocate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var reallocate = await helen.GetAsync($"/allocation/cases/{toSam}/reallocate");
        reallocate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reallocate.Content.ReadAsStringAsync()).ShouldContain("Rosie");
    }
}
