using System.Net;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.People;
using Safeguard.Core.Supervision;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>
/// Recording case and personal supervision, and a worker's supervision history: who may (the worker's supervisor; the
/// worker and managers for the history), GOV.UK validation with what was typed kept, a restricted child answering 404,
/// and two supervisors recording the same case at once.
/// </summary>
public sealed class SupervisionPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Martin = "martin.hughes@northbridge.example"; // manages Sam's team (assessment)
    private const string Helen = "helen.price@northbridge.example"; // Sam's line manager (set below)
    private const string Sam = "sam.okafor@northbridge.example";
    private const string Grace = "grace.lee@northbridge.example";
    private const string Jo = "jo.bennett@northbridge.example"; // manages another team
    private static readonly DateOnly Today = new(2026, 3, 2); // the app's clock: Monday 2 March 2026, 09:00 GMT

    /// <summary>Sam's line manager is Helen; a new child's case allocated to Sam with its first supervision item open. Returns the ids.</summary>
    private async Task<(Guid AllocationId, Guid PersonId, Guid SamId)> AllocatedToSamAsync(string given = "Kit", bool restricted = false)
    {
        await using var db = App.CreateDbContext();
        var sam = await db.Users.SingleAsync(u => u.Email == Sam);
        var helen = await db.Users.SingleAsync(u => u.Email == Helen);
        var martin = await db.Users.SingleAsync(u => u.Email == Martin);
        sam.ManagerId = helen.Id;
        var child = new Person(given, "Supervised" + Guid.NewGuid().ToString("N")[..6], new DateOnly(2017, 6, 1), Sex.Male);
        db.People.Add(child);
        var referral = new Referral(child.Id, null, Today.AddDays(-14), "1A", sam.TeamId!.Value);
        db.Referrals.Add(referral);
        var allocatedAt = App.Time.GetUtcNow().AddDays(-7);
        var discussion = new AllocationDiscussion(allocatedAt, martin.Id, sam.Id, [new AgreedAction("See the child alone", Today)], "Neglect");
        // The allocation service is the only code that makes allocations; this test stands in for it.
        var allocation = (CaseAllocation)typeof(CaseAllocation).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance)
            .Single(c => c.GetParameters().Length == 6)
            .Invoke([child.Id, referral.Id, sam.TeamId!.Value, CaseKind.ChildInNeed, discussion, allocatedAt]);
        db.CaseAllocations.Add(allocation);
        var work = new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default()));
        var first = work.Open(WorkKind.CaseSupervision, allocation.Id, SupervisionDueRule.CaseTitle($"{child.GivenName} {child.FamilyName}"),
            sam.TeamId!.Value, Priority.Standard, child.Id, allocatedAt, WorkingDayCalendar.Default().DueAt(allocatedAt, TimeLimits.FirstSupervisionWorkingDays));
        work.Reassign(first, sam.TeamId!.Value, sam.Id);
        await db.SaveChangesAsync();
        if (restricted)
        {
            // Restricted by Helen, who holds its list; Martin is not on it.
            await using var asHelen = App.Database.CreateContext(App.Time, new Core.Security.Actor(helen.Id, helen.DisplayName));
            (await new Core.People.Access.AccessLists(asHelen).RestrictAsync(child.Id, "Family member works in the council")).ShouldBe(Core.People.Access.AccessChange.Done);
        }
        return (allocation.Id, child.Id, sam.Id);
    }

    private static Dictionary<string, string> CaseForm(Guid ownerId, string decisions = "Keep the plan; review school attendance weekly.") => new()
    {
        ["Form.HeldOn.Day"] = "2", ["Form.HeldOn.Month"] = "3", ["Form.HeldOn.Year"] = "2026", ["Form.HeldTime"] = "08:30",
        ["Form.Reflection"] = "Kit talks about his dog a lot; Sam thinks he is lonely.",
        ["Form.RiskAnalysis"] = "Lower than at referral: school attendance is up.",
        ["Form.Decisions"] = decisions,
        ["Form.Actions[0].What"] = "Visit Kit at school", ["Form.Actions[0].DueOn.Day"] = "6", ["Form.Actions[0].DueOn.Month"] = "3",
        ["Form.Actions[0].DueOn.Year"] = "2026", ["Form.Actions[0].OwnerId"] = ownerId.ToString(),
        ["Form.Actions[1].OwnerId"] = ownerId.ToString(), ["Form.Actions[2].OwnerId"] = ownerId.ToString(),
    };

    [Fact]
    public async Task ASupervisorsTyping_IsKeptAsADraft_OnBothSupervisionForms()
    {
        var (allocationId, _, samId) = await AllocatedToSamAsync("Drafted");
        var helen = await App.SignInAsync(Helen);

        foreach (var form in new[] { $"/supervision/cases/{allocationId}/new", $"/supervision/workers/{samId}/new" })
            Drafting.DraftProbe.ShouldHaveTheDraft(await Drafting.DraftProbe.SaveAndReopenAsync(helen, form), form);
    }

    [Fact]
    public async Task CaseSupervision_ByTheTeamManager_IsRecorded_AndShowsOnTheChildsRecordAndTheWorkersHistory()
    {
        var (allocationId, personId, samId) = await AllocatedToSamAsync();
        var martin = await App.SignInAsync(Martin);
        var url = $"/supervision/cases/{allocationId}/new";

        var form = Html.Parse(await martin.GetStringAsync(url));
        form.QuerySelectorAll("[data-testid=action-row]").Length.ShouldBe(3, "three action rows without JavaScript");
        form.QuerySelectorAll("script[src*='supervision']").ShouldBeEmpty();

        var response = await SafeguardAppFactory.PostFormAsync(martin, url, CaseForm(samId));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/supervision/workers/{samId}");
        var record = Html.Parse(await martin.GetStringAsync($"/children/{personId}"));
        record.QuerySelector("[data-testid=case-supervision]")!.TextContent.ShouldContain("Keep the plan; review school attendance weekly.");
        record.QuerySelector("[data-testid=case-supervision]")!.TextContent.ShouldContain("Martin Hughes");
        var history = Html.Parse(await martin.GetStringAsync($"/supervision/workers/{samId}"));
        history.QuerySelector("[data-testid=sessions]")!.TextContent.ShouldContain("Keep the plan");
        history.QuerySelector("[data-testid=due]")!.TextContent.ShouldContain("Case supervision: Kit");
        await using var db = App.CreateDbContext();
        var open = await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.CaseSupervision && w.SubjectId == allocationId && w.ClosedAt == null);
        open.OwnerUserId.ShouldBe(samId);
        open.Title.ShouldStartWith("Case supervision due: Kit ");
        var action = await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.AgreedAction && w.PersonId == personId);
        (action.OwnerUserId, action.DueAt).ShouldBe(((Guid?)samId, TimeLimits.EndOfDay(new DateOnly(2026, 3, 6))));
    }

    [Fact]
    public async Task CaseSupervision_WithErrors_Is400_WithTheErrorSummary_AndKeepsWhatWasTyped()
    {
        var (allocationId, _, samId) = await AllocatedToSamAsync();
        var martin = await App.SignInAsync(Martin);
        var fields = CaseForm(samId, decisions: "");
        fields["Form.HeldTime"] = "half eight";
        fields["Form.Actions[0].DueOn.Day"] = "";
        fields["Form.Actions[1].What"] = "Ring the school nurse";
        fields["Form.Actions[1].DueOn.Day"] = "31"; fields["Form.Actions[1].DueOn.Month"] = "2"; fields["Form.Actions[1].DueOn.Year"] = "2026";

        var response = await SafeguardAppFactory.PostFormAsync(martin, $"/supervision/cases/{allocationId}/new", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        summary.ShouldContain("Enter the time as hours and minutes, like 09:30 or 14:15");
        summary.ShouldContain("Enter the decisions made");
        summary.ShouldContain("The day action 1 is due by must include a day");
        summary.ShouldContain("The day action 2 is due by must be a real date");
        page.QuerySelector("#Form_Decisions-error").ShouldNotBeNull();
        page.QuerySelector("#Form_Reflection")!.TextContent.ShouldBe("Kit talks about his dog a lot; Sam thinks he is lonely.");
        page.QuerySelector("#Form_Actions_1__What")!.GetAttribute("value").ShouldBe("Ring the school nurse");
        page.QuerySelector("#Form_HeldTime")!.GetAttribute("value").ShouldBe("half eight");
        await using var db = App.CreateDbContext();
        (await db.SupervisionRecords.CountAsync(r => r.AllocationId == allocationId)).ShouldBe(0);
    }

    [Theory]
    [InlineData(Sam)] // the worker themselves
    [InlineData(Grace)] // another social worker
    [InlineData("tom.evans@northbridge.example")] // front door
    [InlineData(Jo)] // a manager, but not of Sam's team nor his line manager
    [InlineData("nina.patel@northbridge.example")] // performance analyst
    [InlineData("alex.admin@northbridge.example")] // system administrator
    public async Task RecordingSupervision_IsRefused_ToAnyoneButTheWorkersSupervisor(string email)
    {
        var (allocationId, personId, samId) = await AllocatedToSamAsync();
        var client = await App.SignInAsync(email);

        (await client.GetAsync($"/supervision/cases/{allocationId}/new")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/supervision/workers/{samId}/new")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A post with the person's own antiforgery token (from a form they may open; those who may open none are refused before it is read).
        var own = await client.GetAsync($"/children/{personId}/names/add");
        var page = own.IsSuccessStatusCode ? await own.Content.ReadAsStringAsync() : await (await App.SignInAsync(Martin)).GetStringAsync($"/supervision/cases/{allocationId}/new");
        var post = await client.PostAsync($"/supervision/cases/{allocationId}/new", new FormUrlEncodedContent(
            CaseForm(samId).Append(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(page)))));
        if (own.IsSuccessStatusCode) post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        else post.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest); // no form of their own to take a token from
        await using var db = App.CreateDbContext();
        (await db.SupervisionRecords.CountAsync(r => r.AllocationId == allocationId)).ShouldBe(0);
    }

    [Fact]
    public async Task CaseSupervision_OfARestrictedChildTheSupervisorMayNotSee_IsNotFound_AndAudited()
    {
        var (allocationId, personId, _) = await AllocatedToSamAsync("Rue", restricted: true);
        var martin = await App.SignInAsync(Martin);

        var response = await martin.GetAsync($"/supervision/cases/{allocationId}/new");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = App.CreateDbContext();
        (await db.Events.AnyAsync(e => e.Type == Core.People.Access.RecordAccessRefused.Name && e.PersonId == personId)).ShouldBeTrue();
        var helen = await App.SignInAsync(Helen);
        (await helen.GetAsync($"/supervision/cases/{allocationId}/new")).StatusCode.ShouldBe(HttpStatusCode.OK, "the holder of the list, and Sam's line manager");
    }

    [Fact]
    public async Task WorkerHistory_OfARestrictedChild_DoesNotNameThemToAManagerNotOnTheList()
    {
        var (allocationId, _, samId) = await AllocatedToSamAsync("Rue", restricted: true);
        var helen = await App.SignInAsync(Helen);
        (await SafeguardAppFactory.PostFormAsync(helen, $"/supervision/cases/{allocationId}/new", CaseForm(samId, "Secret decision about Rue")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var martin = await App.SignInAsync(Martin);

        var history = await martin.GetStringAsync($"/supervision/workers/{samId}");

        history.ShouldNotContain("Secret decision about Rue");
        history.ShouldNotContain("Rue Supervised");
        history.ShouldContain(Core.People.Access.NeedToKnow.RestrictedTitle);
    }

    [Fact]
    public async Task TwoSupervisorsRecordingTheSameCaseAtOnce_BothRecordsAreKept_ButOnlyOneNextItemIsOpen()
    {
        var martin = await App.SignInAsync(Martin);
        var helen = await App.SignInAsync(Helen);
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var (allocationId, _, samId) = await AllocatedToSamAsync();
            var url = $"/supervision/cases/{allocationId}/new";

            var (a, b) = await AtOnce.PostAsync(martin, helen, url, CaseForm(samId, "Martin's decision"), CaseForm(samId, "Helen's decision"));

            a.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"round {round}");
            b.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"round {round}");
            await using var db = App.CreateDbContext();
            (await db.SupervisionRecords.Where(r => r.AllocationId == allocationId).Select(r => r.Decisions).OrderBy(d => d).ToListAsync())
                .ShouldBe(["Helen's decision", "Martin's decision"], $"round {round}");
            (await db.WorkItems.CountAsync(w => w.Kind == WorkKind.CaseSupervision && w.SubjectId == allocationId && w.ClosedAt == null))
                .ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task PersonalSupervision_ByTheLineManager_IsRecorded_AndTheNextIsDue()
    {
        var (_, _, samId) = await AllocatedToSamAsync();
        var helen = await App.SignInAsync(Helen);
        var url = $"/supervision/workers/{samId}/new";
        Html.Parse(await helen.GetStringAsync(url)).QuerySelectorAll("[data-testid=action-row]").Length.ShouldBe(3);

        var response = await SafeguardAppFactory.PostFormAsync(helen, url, new()
        {
            ["Form.HeldOn.Day"] = "2", ["Form.HeldOn.Month"] = "3", ["Form.HeldOn.Year"] = "2026", ["Form.HeldTime"] = "8:45",
            ["Form.Wellbeing"] = "Sam is well; asked about flexible hours.", ["Form.Caseload"] = "", ["Form.Training"] = "Court skills due.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        var record = await db.SupervisionRecords.Where(r => r.WorkerId == samId && r.Kind == SupervisionKind.Personal).OrderByDescending(r => r.HeldAt).FirstAsync();
        record.Wellbeing.ShouldBe("Sam is well; asked about flexible hours.");
        var next = await db.WorkItems.SingleAsync(w => w.Kind == WorkKind.PersonalSupervision && w.SubjectId == samId && w.ClosedAt == null);
        next.Title.ShouldBe("Personal supervision due: Sam Okafor");
        next.OwnerUserId.ShouldBe(samId);
    }

    [Fact]
    public async Task PersonalSupervision_WithNothingDiscussed_Is400_WithTheErrorBesideWellbeing()
    {
        var (_, _, samId) = await AllocatedToSamAsync();
        var martin = await App.SignInAsync(Martin);

        var response = await SafeguardAppFactory.PostFormAsync(martin, $"/supervision/workers/{samId}/new", new()
        {
            ["Form.HeldOn.Day"] = "3", ["Form.HeldOn.Month"] = "3", ["Form.HeldOn.Year"] = "2026", ["Form.HeldTime"] = "10:00",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#Form_Wellbeing-error")!.TextContent.ShouldContain("Enter what was discussed about wellbeing, caseload or training");
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("The supervision must have been held now or in the past");
    }

    [Theory]
    [InlineData(Sam, HttpStatusCode.OK)] // themselves
    [InlineData(Martin, HttpStatusCode.OK)] // their team's manager
    [InlineData(Jo, HttpStatusCode.OK)] // a manager
    [InlineData(Grace, HttpStatusCode.Forbidden)]
    [InlineData("leah.brown@northbridge.example", HttpStatusCode.Forbidden)]
    [InlineData("tom.evans@northbridge.example", HttpStatusCode.Forbidden)]
    [InlineData("nina.patel@northbridge.example", HttpStatusCode.Forbidden)]
    [InlineData("alex.admin@northbridge.example", HttpStatusCode.Forbidden)]
    [InlineData("pc.jones@police.example", HttpStatusCode.Forbidden)]
    public async Task WorkersHistory_IsSeenByTheWorkerAndManagers_Only(string email, HttpStatusCode expected)
    {
        var samId = await App.UserIdAsync(Sam);
        var client = await App.SignInAsync(email);

        (await client.GetAsync($"/supervision/workers/{samId}")).StatusCode.ShouldBe(expected);
    }
}
