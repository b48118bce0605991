using System.Net;
using Safeguard.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Security;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>Every page, every role: allowed roles get the page, others a 403 page, anonymous users the sign-in page.</summary>
public sealed class PageAccessTests(PageAccessTests.Fixture fixture) : IClassFixture<PageAccessTests.Fixture>
{
    public class Fixture : SafeguardAppFactory
    {
        private readonly Dictionary<string, HttpClient> _clients = [];
        private readonly SemaphoreSlim _gate = new(1, 1);

        public async Task<HttpClient> ClientForAsync(string role)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_clients.TryGetValue(role, out var client)) _clients[role] = client = await SignInAsRoleAsync(role);
                return client;
            }
            finally { _gate.Release(); }
        }

        private async Task<Guid> ContactIdAsync()
        {
            await using var db = CreateDbContext();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                Unrestricted(db).OrderBy(c => c.Reference).Select(c => c.Id));
        }

        /// <summary>Contacts about no restricted child: this matrix is about roles; RestrictedRecordTests covers need to know.</summary>
        private static IQueryable<Core.FrontDoor.Contact> Unrestricted(Core.Data.SafeguardDbContext db) =>
            db.Contacts.Where(c => !db.ContactChildren.Any(cc => cc.ContactId == c.Id && db.People.Any(p => p.Id == cc.PersonId && p.IsRestricted)));

        private async Task<Guid> PoliceContactIdAsync()
        {
            await using var db = CreateDbContext();
            var police = db.Organisations.Where(o => o.Name == Core.Seeding.DemoAccounts.Police).Select(o => (Guid?)o.Id);
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                Unrestricted(db).Where(c => c.ReferringOrganisationId == police.First()).OrderBy(c => c.Reference).Select(c => c.Id));
        }

        private (Guid Duplicate, Guid Merge)? _personIndex;

        /// <summary>A possible duplicate to review and a merge to look at, made once for the matrix.</summary>
        private async Task<(Guid Duplicate, Guid Merge)> PersonIndexAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_personIndex is { } made) return made;
                await using var db = CreateDbContext();
                var a = new Core.People.Person("Matrix", "Alpha", new DateOnly(2017, 1, 1), Core.People.Sex.Female);
                var b = new Core.People.Person("Matrix", "Alfa", new DateOnly(2017, 1, 1), Core.People.Sex.Female);
                var c = new Core.People.Person("Matrix", "Gamma", new DateOnly(2016, 1, 1), Core.People.Sex.Male);
                var d = new Core.People.Person("Matrix", "Gama", new DateOnly(2016, 1, 1), Core.People.Sex.Male);
                db.People.AddRange(a, b, c, d);
                var candidate = new Core.People.DuplicateCandidate(a.Id, b.Id, 12.5, "Possible", "[\"Date of birth: the same (+10.0)\"]",
                    Core.People.DuplicateFoundBy.Sweep, Time.GetUtcNow());
                db.DuplicateCandidates.Add(candidate);
                await db.SaveChangesAsync();
                var merge = await new Core.Records.PersonMerging(db).MergeAsync(c.Id, d.Id, "Matrix test merge");
                _personIndex = (candidate.Id, merge);
                return _personIndex.Value;
            }
            finally { _gate.Release(); }
        }

        private (Guid Referral, Guid Allocation)? _allocation;

        /// <summary>A referral waiting for allocation and an allocated case, made once for the matrix.</summary>
        private async Task<(Guid Referral, Guid Allocation)> AllocationAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_allocation is { } made) return made;
                await AllocationArrange.QualifyWorkersAsync(this);
                var waiting = await AllocationArrange.ReferralAsync(this, "Matrix");
                var allocated = await AllocationArrange.AllocateAsync(this, await AllocationArrange.ReferralAsync(this, "Matrixheld"),
                    AllocationArrange.Martin, AllocationArrange.Sam);
                _allocation = (waiting.Id, allocated);
                return _allocation.Value;
            }
            finally { _gate.Release(); }
        }

        /// <summary>The child and family assessment the allocation of the matrix's held case started.</summary>
        private async Task<Guid> AssessmentAsync()
        {
            var allocation = (await AllocationAsync()).Allocation;
            await using var db = CreateDbContext();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Assessments.Where(a => db.CaseAllocations.Any(c => c.Id == allocation && c.ReferralId == a.ReferralId)).Select(a => a.Id));
        }

        private (Guid Child, Guid Discussion)? _strategy;

        /// <summary>The child of the matrix's held case (an open referral) and a strategy discussion recorded about them, made once.</summary>
        private async Task<(Guid Child, Guid Discussion)> StrategyAsync()
        {
            var allocation = (await AllocationAsync()).Allocation;
            var samId = await UserIdAsync(AllocationArrange.Sam);
            await _gate.WaitAsync();
            try
            {
                if (_strategy is { } made) return made;
                await using var db = Database.CreateContext(Time, new Actor(samId, "Sam Okafor"));
                var child = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                    db.CaseAllocations.Where(c => c.Id == allocation).Select(c => c.PersonId));
                var calendar = Core.Timescales.WorkingDayCalendar.Default();
                var service = new Core.Enquiries.StrategyDiscussions(db, new Core.Work.WorkItems(db, new Core.Work.WorkClocks(calendar)), calendar);
                var result = await service.RecordAsync(new Core.Enquiries.StrategyDiscussionInput(child, Time.GetUtcNow().AddMinutes(-30),
                    [new(Core.Enquiries.Agency.ChildrensSocialCare, "Sam Okafor", "Social worker"), new(Core.Enquiries.Agency.Police, "DS Matrix", "Detective")],
                    null, "Matrix: not available", "Matrix: not available", "Matrix information", true, "Matrix reasons", []));
                result.Outcome.ShouldBe(Core.Enquiries.StrategyOutcome.Recorded, string.Join("; ", result.Errors.Select(e => e.Message)));
                _strategy = (child, result.Id!.Value);
                return _strategy.Value;
            }
            finally { _gate.Release(); }
        }

        /// <summary>The section 47 enquiry the matrix's strategy discussion began.</summary>
        private async Task<Guid> EnquiryAsync()
        {
            var child = (await StrategyAsync()).Child;
            await using var db = CreateDbContext();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Section47Enquiries.Where(e => e.PersonId == child && e.EndedOn == null).Select(e => e.Id));
        }

        private (Guid Enquiry, Guid Conference, Guid Plan)? _conference;

        /// <summary>A child of its own with an enquiry concluded as needing a conference, and one held with a plan: made once.</summary>
        private async Task<(Guid Enquiry, Guid Conference, Guid Plan)> ConferenceAsync()
        {
            await AllocationAsync();
            await _gate.WaitAsync();
            try
            {
                if (_conference is { } made) return made;
                var referral = await AllocationArrange.ReferralAsync(this, "Matrixplan");
                await AllocationArrange.AllocateAsync(this, referral, AllocationArrange.Martin, AllocationArrange.Sam);
                Core.Workforce.StaffUser sam, chair;
                await using (var db = CreateDbContext())
                {
                    sam = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == AllocationArrange.Sam));
                    var chairEmail = Core.Seeding.DemoAccounts.ForRole(Roles.ConferenceChair).Email;
                    chair = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == chairEmail));
                }
                var enquiry = await TestCommon.ConferenceTestData.EnquiryNeedingConferenceAsync(Database, Time, sam, referral.PersonId);
                await using var asChair = Database.CreateContext(Time, new Actor(chair.Id, chair.DisplayName));
                var held = await TestCommon.ConferenceTestData.ConferenceService(asChair)
                    .HoldInitialAsync(enquiry, TestCommon.ConferenceTestData.Input(Time.GetUtcNow().AddMinutes(-5), chair.Id));
                held.Outcome.ShouldBe(Core.Conferences.ConferenceOutcome.Recorded, string.Join("; ", held.Errors.Select(e => e.Message)));
                var plan = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                    asChair.ChildPlans.Where(p => p.PersonId == referral.PersonId).Select(p => p.Id));
                _conference = (enquiry, held.Id!.Value, plan);
                return _conference.Value;
            }
            finally { _gate.Release(); }
        }

        private Guid? _arrangement;

        /// <summary>A stay with a connected person proposed for the matrix's held case, made once.</summary>
        private async Task<Guid> ArrangementAsync()
        {
            var child = (await StrategyAsync()).Child;
            var samId = await UserIdAsync(AllocationArrange.Sam);
            await _gate.WaitAsync();
            try
            {
                if (_arrangement is { } made) return made;
                await using var db = Database.CreateContext(Time, new Actor(samId, "Sam Okafor"));
                var service = new Core.Arrangements.CarerArrangements(db, new Core.Work.WorkItems(db,
                    new Core.Work.WorkClocks(Core.Timescales.WorkingDayCalendar.Default())));
                var result = await service.ProposeAsync(child, new Core.Arrangements.ArrangementInput("Matrix Carer", "Aunt", "1 Matrix Road",
                    Core.Timescales.TimeLimits.UkDay(Time.GetUtcNow())));
                result.Outcome.ShouldBe(Core.Arrangements.ArrangementOutcome.Done, string.Join("; ", result.Errors.Select(e => e.Message)));
                _arrangement = result.Id!.Value;
                return _arrangement.Value;
            }
            finally { _gate.Release(); }
        }

        private Guid? _relative;

        /// <summary>A carer recorded for Ellie, whose relationship the end page offers to end, made once.</summary>
        private async Task<Guid> RelativeAsync()
        {
            var ellie = await DemoChildIdAsync("Ellie");
            await _gate.WaitAsync();
            try
            {
                if (_relative is { } made) return made;
                await using var db = CreateDbContext();
                var (_, relative) = await new Core.People.PersonFamilyRecords(db, new Core.People.ExactPersonLinker()).AddRelationshipAsync(ellie,
                    new Core.People.NewChild(Core.People.LinkChoice.NotChosen, "Matrix", "Carer", null, null, Core.People.Sex.Unknown, null, null, null, null, null),
                    Core.People.RelationshipKind.Carer);
                _relative = relative!.Value;
                return _relative.Value;
            }
            finally { _gate.Release(); }
        }

        private Guid? _patternAlert;

        /// <summary>A pattern alert about Ellie (two injuries added to her chronology), made once.</summary>
        private async Task<Guid> PatternAlertAsync()
        {
            await _gate.WaitAsync();
            try
            {
                _patternAlert ??= await Chronicling.PatternAlertArrange.RaiseAsync(this, await DemoChildIdAsync("Ellie"),
                    Core.Chronology.AddedEventKind.Injury, 2, Core.Chronology.Patterns.PatternRule.RepeatInjury);
                return _patternAlert.Value;
            }
            finally { _gate.Release(); }
        }

        private Guid? _flowAlert;

        /// <summary>A flow alert about assessments started, made once.</summary>
        private async Task<Guid> FlowAlertAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _flowAlert ??= await Watching.FlowArrange.RaiseAsync(this);
            }
            finally { _gate.Release(); }
        }

        private Guid? _attachment;

        /// <summary>A document attached to Ellie's record, made once.</summary>
        private async Task<Guid> AttachmentAsync()
        {
            var child = await DemoChildIdAsync("Ellie");
            var graceId = await UserIdAsync("grace.lee@northbridge.example");
            await _gate.WaitAsync();
            try
            {
                if (_attachment is { } made) return made;
                await using var db = Database.CreateContext(Time, new Actor(graceId, "Grace Lee"));
                var settings = Microsoft.Extensions.Options.Options.Create(new Core.Attachments.AttachmentSettings());
                var service = new Core.Attachments.Attachments(db,
                    new Core.Attachments.AttachmentStores(new Core.Attachments.DatabaseAttachmentStore(db), [], settings), settings);
                var result = await service.AttachAsync(child, new Core.Attachments.AttachmentUpload("matrix.pdf", new MemoryStream("%PDF-1.7 matrix"u8.ToArray()), null));
                result.Outcome.ShouldBe(Core.Attachments.AttachOutcome.Attached, string.Join("; ", result.Errors));
                _attachment = result.Id!.Value;
                return _attachment.Value;
            }
            finally { _gate.Release(); }
        }

        public async Task<string> ResolveAsync(string path) => path
            .Replace("{flowAlert}", path.Contains("{flowAlert}") ? (await FlowAlertAsync()).ToString() : "")
            .Replace("{attachment}", path.Contains("{attachment}") ? (await AttachmentAsync()).ToString() : "")
            .Replace("{patternAlert}", path.Contains("{patternAlert}") ? (await PatternAlertAsync()).ToString() : "")
            .Replace("{relative}", path.Contains("{relative}") ? (await RelativeAsync()).ToString() : "")
            .Replace("{arrangement}", path.Contains("{arrangement}") ? (await ArrangementAsync()).ToString() : "")
            .Replace("{conference}", path.Contains("{conference}") ? (await ConferenceAsync()).Conference.ToString() : "")
            .Replace("{plan}", path.Contains("{plan}") ? (await ConferenceAsync()).Plan.ToString() : "")
            .Replace("{cinPlan}", path.Contains("{cinPlan}") ? (await ChildInNeedPlanAsync()).ToString() : "")
            .Replace("{enquiry}", path.Contains("{enquiry}") ? (await EnquiryAsync()).ToString() : "")
            .Replace("{strategyChild}", path.Contains("{strategyChild}") ? (await StrategyAsync()).Child.ToString() : "")
            .Replace("{strategyDiscussion}", path.Contains("{strategyDiscussion}") ? (await StrategyAsync()).Discussion.ToString() : "")
            .Replace("{referral}", path.Contains("{referral}") ? (await AllocationAsync()).Referral.ToString() : "")
            .Replace("{allocation}", path.Contains("{allocation}") ? (await AllocationAsync()).Allocation.ToString() : "")
            .Replace("{assessment}", path.Contains("{assessment}") ? (await AssessmentAsync()).ToString() : "")
            .Replace("{duplicate}", path.Contains("{duplicate}") ? (await PersonIndexAsync()).Duplicate.ToString() : "")
            .Replace("{merge}", path.Contains("{merge}") ? (await PersonIndexAsync()).Merge.ToString() : "")
            .Replace("{child}", (await DemoChildIdAsync("Ellie")).ToString())
            .Replace("{contact}", (await ContactIdAsync()).ToString())
            .Replace("{policeContact}", (await PoliceContactIdAsync()).ToString())
            .Replace("{user}", (await UserIdAsync(Core.Seeding.DemoAccounts.ForRole(Roles.SocialWorker).Email)).ToString())
            .Replace("{organisation}", path.Contains("{organisation}") ? (await WorkforceIdAsync(organisation: true)).ToString() : "")
            .Replace("{team}", path.Contains("{team}") ? (await WorkforceIdAsync(organisation: false)).ToString() : "")
            .Replace("{measure}", "contacts")
            .Replace("{recommendation}", path.Contains("{recommendation}") ? (await RecommendationIdAsync()).ToString() : "");

        /// <summary>A demo recommendation still open.</summary>
        private async Task<Guid> RecommendationIdAsync()
        {
            await using var db = CreateDbContext();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Recommendations.Where(r => r.Status != Core.Recommendations.RecommendationStatus.Completed).OrderBy(r => r.DueOn).Select(r => r.Id));
        }

        /// <summary>An open child in need plan of a demo child whose record is not restricted.</summary>
        private async Task<Guid> ChildInNeedPlanAsync()
        {
            await using var db = CreateDbContext();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                from p in db.ChildPlans
                join c in db.People on p.PersonId equals c.Id
                where p.Kind == Core.CaseWork.PlanKind.ChildInNeed && p.EndedOn == null && !c.IsRestricted
                select p.Id);
        }

        private async Task<Guid> WorkforceIdAsync(bool organisation)
        {
            await using var db = CreateDbContext();
            return organisation
                ? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Organisations.Where(o => o.Name == Core.Seeding.DemoAccounts.School).Select(o => o.Id))
                : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Teams.Where(t => t.Name == Core.Seeding.DemoAccounts.EarlyHelpTeam).Select(t => t.Id));
        }
    }

    /// <summary>Each page and the permission it needs (null: any signed-in user).</summary>
    public static readonly (string Path, string? Permission)[] Pages =
    [
        ("/", null),
        ("/account/two-factor", null),
        ("/session", null),
        ("/session?handler=status", null),
        ("/account/password", null),
        ("/children", Permissions.ViewChildRecords),
        ("/children?q=watson", Permissions.ViewChildRecords),
        ("/children/{child}", Permissions.ViewChildRecords),
        ("/children/{child}/family/add", Permissions.EditChildRecords),
        ("/children/{child}/names/add", Permissions.EditChildRecords),
        ("/children/{child}/census", Permissions.EditChildRecords),
        ("/children/{child}/address", Permissions.EditChildRecords),
        ("/children/{child}/family/{relative}/end?kind=Carer", Permissions.EditChildRecords),
        ("/children/{child}/chronology", Permissions.ViewChildRecords),
        ("/children/{child}/documents", Permissions.ViewChildRecords),
        ("/children/{child}/documents/{attachment}", Permissions.ViewChildRecords),
        ("/children/{child}/chronology?Kind=Visit&From.Day=1&From.Month=1&From.Year=2020", Permissions.ViewChildRecords),
        ("/pattern-alerts/{patternAlert}", Permissions.ViewChildRecords),
        ("/children/{child}/chronology?handler=Pdf&Kind=Visit", Permissions.ViewChildRecords),
        ("/children/{child}?handler=Pdf", Permissions.ViewChildRecords),
        ("/children/{child}/access", Permissions.RestrictChildRecords),
        ("/children?handler=results&q=ellie", Permissions.ViewChildRecords),
        ("/people/duplicates", Permissions.ReviewDuplicates),
        ("/people/duplicates/{duplicate}", Permissions.ReviewDuplicates),
        ("/people/merges/{merge}", Permissions.ReviewDuplicates),
        ("/people/candidates?givenName=Ellie&familyName=Watson", PageAccess.AnyOf(Permissions.RecordContacts, Permissions.ViewChildRecords)),
        ("/admin/users", Permissions.AdministerUsers),
        ("/admin/users/add", Permissions.AdministerUsers),
        ("/admin/users/{user}", Permissions.AdministerUsers),
        ("/admin/users/{user}/password", Permissions.AdministerUsers),
        ("/admin/users/{user}/two-factor", Permissions.AdministerUsers),
        ("/admin/audit", PageAccess.AnyOf(Permissions.SearchAudit, Permissions.AuditChildRecords)),
        ("/front-door", Permissions.RecordContacts),
        ("/front-door/contacts/new", Permissions.RecordContacts),
        ("/front-door/contacts/{contact}", Permissions.ReadContacts),
        ("/oversight/backlog", Permissions.ViewBacklog),
        ("/partner", Permissions.ReferAsPartner),
        ("/partner/referrals/new", Permissions.ReferAsPartner),
        ("/partner/referrals/{policeContact}", Permissions.ReferAsPartner),
        ("/front-door/alerts", Permissions.ManageFrontDoor),
        ("/admin/organisations", Permissions.AdministerOrganisations),
        ("/admin/organisations/add", Permissions.AdministerOrganisations),
        ("/admin/organisations/{organisation}", Permissions.AdministerOrganisations),
        ("/admin/organisations/{organisation}/retire", Permissions.AdministerOrganisations),
        ("/admin/teams", Permissions.AdministerOrganisations),
        ("/admin/teams/add", Permissions.AdministerOrganisations),
        ("/admin/teams/{team}", Permissions.AdministerOrganisations),
        ("/admin/teams/{team}/retire", Permissions.AdministerOrganisations),
        ("/admin/staff", Permissions.ManageStaffRecords),
        ("/admin/staff/{user}", Permissions.ManageStaffRecords),
        ("/admin/staff/{user}/training", Permissions.ManageStaffRecords),
        ("/admin/staff/{user}/absences", Permissions.ManageStaffRecords),
        ("/caseloads/teams", Permissions.ViewCaseloads),
        ("/caseloads/teams/{team}", Permissions.ViewCaseloads),
        ("/caseloads/workers/{user}", Permissions.ViewCaseloads),
        ("/caseloads/service", Permissions.ViewCaseloads),
        ("/caseloads/exceptions", Permissions.ViewCaseloads),
        ("/allocation/referrals/{referral}", Permissions.AllocateCases),
        ("/allocation/cases/{allocation}/reallocate", Permissions.AllocateCases),
        ("/assessments/{assessment}", Permissions.ViewChildRecords),
        ("/children/{strategyChild}/strategy-discussions/new", Permissions.RecordStrategyDiscussions),
        ("/strategy-discussions/{strategyDiscussion}", Permissions.ViewChildRecords),
        ("/section47/{enquiry}/outcome", Permissions.RecordStrategyDiscussions),
        ("/section47/{enquiry}/conference", Permissions.RecordConferences),
        ("/conferences/{conference}", Permissions.ViewChildRecords),
        ("/plans/{plan}", Permissions.ViewChildRecords),
        ("/plans/{plan}/review", Permissions.RecordConferences),
        ("/plans/{plan}/core-groups/new", Permissions.RecordCoreGroups),
        ("/child-in-need-plans/{cinPlan}", Permissions.ViewChildRecords),
        ("/child-in-need-plans/{cinPlan}/review", Permissions.ReviewChildInNeedPlans),
        ("/cases/{referral}/close", Permissions.CloseCases),
        ("/children/{child}/case-notes/new", Permissions.RecordCaseNotes),
        ("/arrangements/{arrangement}", Permissions.RecordArrangements),
        ("/children/{strategyChild}/arrangements/new", Permissions.RecordArrangements),
        ("/returns/cin-census", Permissions.ViewReports),
        ("/escalations/new", PageAccess.AnyOf(Permissions.RaiseEscalations, Permissions.AnswerEscalations)),
        ("/escalations/mine", PageAccess.AnyOf(Permissions.RaiseEscalations, Permissions.AnswerEscalations)),
        ("/recommendations", Permissions.ViewRecommendations),
        ("/recommendations/summary", Permissions.ViewRecommendations),
        ("/recommendations/export", Permissions.ViewRecommendations),
        ("/recommendations/{recommendation}", Permissions.ViewRecommendations),
        ("/recommendations/add", Permissions.ManageRecommendations),
        ("/recommendations/{recommendation}/change", Permissions.ManageRecommendations),
        ("/recommendations/{recommendation}/status", Permissions.ManageRecommendations),
        ("/recommendations/{recommendation}/actions/new", Permissions.ManageRecommendations),
        ("/recommendations/{recommendation}/evidence/new", Permissions.ManageRecommendations),
        ("/returns/annex-a", Permissions.ViewReports),
        ("/oversight/flow", Permissions.ViewBacklog),
        ("/oversight/flow/alerts/{flowAlert}", Permissions.ViewBacklog),
        ("/performance", Permissions.ViewPerformance),
        ("/performance/{measure}/list?from=2026-02-23&to=2026-03-01&point=0", Permissions.ViewPerformance),
    ];

    public static TheoryData<string, string> RolesAndPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.All)
        foreach (var (path, _) in Pages)
            data.Add(role, path);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndPages))]
    public async Task Page_AnswersEachRoleByItsPermissions(string role, string path)
    {
        var permission = Pages.Single(p => p.Path == path).Permission;
        var allowed = permission is null || permission.Split('|').Any(p => RolePermissions.For(role).Contains(p));
        var client = await fixture.ClientForAsync(role);

        var response = await client.GetAsync(await fixture.ResolveAsync(path));

        response.StatusCode.ShouldBe(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, $"{role} on {path}");
        if (!allowed)
        {
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain("You do not have permission to see this page");
        }
    }

    public static TheoryData<string> EveryPage() => new(Pages.Select(p => p.Path));

    [Theory]
    [MemberData(nameof(EveryPage))]
    public async Task Page_WithTheLargestPageNumbers_AnswersWithoutAServerError(string path)
    {
        var permission = Pages.Single(p => p.Path == path).Permission;
        var role = Roles.All.First(r => permission is null || permission.Split('|').Any(p => RolePermissions.For(r).Contains(p)));
        var client = await fixture.ClientForAsync(role);
        var resolved = await fixture.ResolveAsync(path);

        foreach (var query in new[] { "pageNumber=2147483647", "page=2147483647", "pageNumber=-2147483648", "pageNumber=99999999999" })
        {
            var response = await client.GetAsync(resolved + (resolved.Contains('?') ? "&" : "?") + query);
            ((int)response.StatusCode).ShouldBeLessThan(500, $"{role} on {path} with {query}");
        }
    }

    /// <summary>Pages anyone may open: sign-in and its callback, sign-out, and the status and error pages.</summary>
    private static readonly string[] PublicRoutes =
        ["sign-in", "sign-in/external/callback", "sign-out", "status/{}", "error", "sign-in/two-factor", "sign-in/recovery-code"];

    /// <summary>POST-only pages, whose refusals are tested beside their journeys (FrontDoorAlertsTests, ReferralInformationTests, FormDraftPageTests).</summary>
    private static readonly string[] PostOnlyRoutes = ["front-door/alerts/{}/acknowledge", "front-door/contacts/{}/information/read", "drafts"];

    /// <summary>
    /// Pages whose answer depends on who the worker is (their supervisor; the worker themselves), tested role by role in
    /// SupervisionPageTests, and authorising an assessment (a manager of its worker only), refused by permission and by
    /// person in Assessing.AssessmentPagesTests.PeopleWhoMayNot_AreRefused_AndNothingChanges.
    /// </summary>
    private static readonly string[] PerWorkerRoutes =
        ["supervision/cases/{}/new", "supervision/workers/{}/new", "supervision/workers/{}", "assessments/{}/authorise"];

    /// <summary>
    /// Pages for one person only (the worker a case is allocated to; an agreed action's owner or team): refused by
    /// permission (403) and by person (404) in AllocationPagesTests.PagesRefuse_PeopleWhoMayNot; an Annex A export, its
    /// requester's alone, in Returning.AnnexAPageTests.SomeoneElseWhoMaySeeReturns_FindsNeitherTheExportNorItsDownload.
    /// </summary>
    private static readonly string[] OwnerOnlyRoutes = ["allocation/cases/{}/accept", "work/{}", "returns/annex-a/{}/{}"];

    /// <summary>
    /// Escalation pages for the people party to one (who raised it, the director or delegate, a line manager it was
    /// shared with; the answerers' list for the director and delegates): refused by permission (403) and by person (404)
    /// in Escalating.EscalationPagesTests.
    /// </summary>
    private static readonly string[] EscalationPartyRoutes = ["escalations", "escalations/{}"];

    [Fact]
    public void EveryPageOfTheApp_IsInThisMatrixOrKnownToBePublic()
    {
        var routes = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => Normalise(e.RoutePattern.RawText ?? ""))
            .Distinct()
            .ToList();
        var covered = Pages.Select(p => Normalise(p.Path.Split('?')[0])).ToHashSet();

        routes.ShouldNotBeEmpty();
        routes.Where(r => !covered.Contains(r) && !PublicRoutes.Contains(r) && !PostOnlyRoutes.Contains(r) && !PerWorkerRoutes.Contains(r)
                && !OwnerOnlyRoutes.Contains(r) && !EscalationPartyRoutes.Contains(r))
            .ShouldBeEmpty("Pages with no access test");
    }

    private static string Normalise(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.Trim('/'), "{[^}]*}", "{}");

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task Page_WhenNotSignedIn_RedirectsToSignIn(string path)
    {
        var client = fixture.CreateBrowserlikeClient();

        var response = await client.GetAsync(await fixture.ResolveAsync(path));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/sign-in");
    }

    public static TheoryData<string> AnonymousPages() => new(Pages.Select(p => p.Path));
}
