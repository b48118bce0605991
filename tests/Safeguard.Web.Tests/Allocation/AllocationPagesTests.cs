using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Allocation;

/// <summary>The allocation journey through the pages, as forms without JavaScript post them, and who is refused.</summary>
public sealed class AllocationPagesTests(SafeguardAppFactory app) : AppTests(app), IAsyncLifetime
{
    public Task InitializeAsync() => QualifyWorkersAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AManagerAllocatesAfterADiscussion_TheWorkerAcceptsFromTheirTray_AndDoesTheAgreedAction()
    {
        var referral = await ReferralAsync(App, "Journey");
        var martin = await App.SignInAsync(Martin);
        var sam = await App.SignInAsync(Sam);
        var samId = await App.UserIdAsync(Sam);

        var page = await martin.GetStringAsync($"/allocation/referrals/{referral.Id}");
        page.ShouldContain("Who could hold the case");
        Html.Parse(page).QuerySelector("[data-testid=no-workers]").ShouldNotBeNull();
        var posted = await SafeguardAppFactory.PostFormAsync(martin, $"/allocation/referrals/{referral.Id}", Form(App, samId));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        (await martin.GetStringAsync(posted.Headers.Location!.ToString())).ShouldContain("Allocated to Sam Okafor");
        var martinsTray = Html.Parse(await martin.GetStringAsync("/"));
        var waiting = martinsTray.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Journey Allocated (allocated to Sam Okafor, not yet accepted)"));
        waiting.GetAttribute("href").ShouldBe($"/children/{referral.PersonId}");

        var samsTray = Html.Parse(await sam.GetStringAsync("/"));
        var accept = samsTray.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Accept a new case: Journey Allocated"));
        var acceptPage = await sam.GetStringAsync(accept.GetAttribute("href")!);
        acceptPage.ShouldContain("Father drinks; child frightened");
        acceptPage.ShouldContain("See the child alone at school (Journey Allocated)");
        var accepted = await SafeguardAppFactory.PostFormAsync(sam, accept.GetAttribute("href")!, []);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sam.GetStringAsync(accepted.Headers.Location!.ToString())).ShouldContain("You have accepted the case of Journey Allocated");

        samsTray = Html.Parse(await sam.GetStringAsync("/"));
        samsTray.QuerySelectorAll("a").ShouldNotContain(a => a.TextContent.StartsWith("Accept a new case: Journey Allocated"));
        var action = samsTray.QuerySelectorAll("a").Single(a => a.TextContent == "See the child alone at school (Journey Allocated)");
        var done = await SafeguardAppFactory.PostFormAsync(sam, action.GetAttribute("href")!, []);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var db = App.CreateDbContext();
        var allocation = await db.CaseAllocations.SingleAsync(a => a.ReferralId == referral.Id);
        (allocation.WorkerId, allocation.AcceptedAt).ShouldBe((samId, (DateTimeOffset?)App.Time.GetUtcNow()));
        (await db.WorkItems.CountAsync(w => w.SubjectId == allocation.Id && w.Kind == WorkKind.AgreedAction && w.ClosedAt == null)).ShouldBe(0);
        (await martin.GetStringAsync($"/children/{referral.PersonId}")).ShouldContain("Sam Okafor");
    }

    [Fact]
    public async Task APostWithoutADiscussion_IsRefusedWithTheErrors_AndKeepsWhatWasTyped_AndAllocatesNothing()
    {
        var referral = await ReferralAsync(App, "Nodiscussion");
        var martin = await App.SignInAsync(Martin);
        var form = Form(App, await App.UserIdAsync(Sam), risks: "");
        form["Form.DiscussedTime"] = "";
        form["Form.Actions[0].What"] = "";
        form["Form.Actions[0].DueOn.Day"] = "";
        form["Form.Actions[0].DueOn.Month"] = "";
        form["Form.Actions[0].DueOn.Year"] = "";
        form["Form.Notes"] = "Typed notes stay";

        var response = await SafeguardAppFactory.PostFormAsync(martin, $"/allocation/referrals/{referral.Id}", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("Enter the time of the discussion");
        html.ShouldContain("Typed notes stay");
        var again = await SafeguardAppFactory.PostFormAsync(martin, $"/allocation/referrals/{referral.Id}", Form(App, await App.UserIdAsync(Sam), risks: " "));
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("Enter the risks discussed");
        var noActions = Form(App, await App.UserIdAsync(Sam));
        noActions.Remove("Form.Actions[0].What");
        noActions.Remove("Form.Actions[0].DueOn.Day");
        noActions.Remove("Form.Actions[0].DueOn.Month");
        noActions.Remove("Form.Actions[0].DueOn.Year");
        (await (await SafeguardAppFactory.PostFormAsync(martin, $"/allocation/referrals/{referral.Id}", noActions)).Content.ReadAsStringAsync())
            .ShouldContain("Enter at least one action agreed in the discussion");

        await using var db = App.CreateDbContext();
        (await db.CaseAllocations.CountAsync(a => a.ReferralId == referral.Id)).ShouldBe(0);
        (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status.ShouldBe(ReferralStatus.AwaitingAllocation);
    }

    [Fact]
    public async Task AddAnotherAction_WorksWithoutJavaScript_KeepingWhatWasTyped()
    {
        var referral = await ReferralAsync(App, "Morerows");
        var martin = await App.SignInAsync(Martin);
        var form = Form(App, await App.UserIdAsync(Sam));
        var page = Html.Parse(await martin.GetStringAsync($"/allocation/referrals/{referral.Id}"));
        page.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Add another action").GetAttribute("formaction").ShouldBe("?handler=AddAction");

        var response = await SafeguardAppFactory.PostFormAsync(martin, $"/allocation/referrals/{referral.Id}?handler=AddAction", form,
            $"/allocation/referrals/{referral.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = Html.Parse(await response.Content.ReadAsStringAsync());
        doc.QuerySelectorAll("[data-testid=action-row]").Length.ShouldBe(4);
        doc.QuerySelector("#Form_Actions_0__What")!.GetAttribute("value").ShouldBe("See the child alone at school");
    }

    [Fact]
    public async Task ChildProtectionWorkForAnUntrainedWorker_IsRefusedWithItsReasons_AndOnlyServiceManagersSeeTheOverride()
    {
        var referral = await ReferralAsync(App, "Protection", childProtection: true);
        var martin = await App.SignInAsync(Martin);

        var response = await SafeguardAppFactory.PostFormAsync(martin, $"/allocation/referrals/{referral.Id}",
            Form(App, await App.UserIdAsync(Sam), kind: "ChildProtection"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Sam Okafor cannot be allocated this case. Child protection work needs current training in &quot;Child protection: section 47 enquiries&quot;; none is recorded");
        html.ShouldNotContain("Form.OverrideReason");
        (await (await App.SignInAsync(Helen)).GetStringAsync($"/allocation/referrals/{referral.Id}")).ShouldContain("Form.OverrideReason");
        var byMartin = Form(App, await App.UserIdAsync(Sam), kind: "ChildProtection");
        byMartin["Form.OverrideReason"] = "I say so";
        (await (await SafeguardAppFactory.PostFormAsync(martin, $"/allocation/referrals/{referral.Id}", byMartin)).Content.ReadAsStringAsync())
            .ShouldContain("Only a service manager, head of service or director can override the competence rules");

        await using var db = App.CreateDbContext();
        (await db.CaseAllocations.CountAsync(a => a.ReferralId == referral.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task TwoManagersAllocatingOneReferralAtOnce_OneAllocates_TheOtherIsToldWhoHasIt()
    {
        var martin = await App.SignInAsync(Martin);
        var omar = await App.SignInAsync(Omar);
        var sam = await App.UserIdAsync(Sam);
        var grace = await App.UserIdAsync(Grace);
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var referral = await ReferralAsync(App, $"Race{round}");
            var url = $"/allocation/referrals/{referral.Id}";

            var (a, b) = await AtOnce.PostAsync(martin, omar, url, Form(App, sam), Form(App, grace));

            var both = (a, b).Both();
            both.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, $"round {round}");
            var loser = both.Single(r => r.StatusCode != HttpStatusCode.Redirect);
            loser.StatusCode.ShouldBe(HttpStatusCode.Conflict, $"round {round}");
            (await loser.Content.ReadAsStringAsync()).ShouldContain("Someone else allocated this case while you were working on it");
            await using var db = App.CreateDbContext();
            (await db.CaseAllocations.CountAsync(x => x.ReferralId == referral.Id)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task MarkingAnActionDoneTwiceAtOnce_ClosesItOnce_AndTheOtherIsToldItWasDone()
    {
        var sam = await App.SignInAsync(Sam);
        for (var round = 0; round < 3; round++)
        {
            var referral = await ReferralAsync(App, $"Twice{round}");
            var allocation = await AllocateAsync(App, referral, Martin, Sam);
            Guid item;
            await using (var db = App.CreateDbContext())
            {
                item = await db.WorkItems.Where(w => w.SubjectId == allocation && w.Kind == WorkKind.AgreedAction).Select(w => w.Id).SingleAsync();
            }

            var (a, b) = await AtOnce.PostAsync(sam, sam, $"/work/{item}", new Dictionary<string, string>(), new Dictionary<string, string>());

            var both = (a, b).Both();
            both.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, $"round {round}");
            (await both.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync()).ShouldContain("It was marked as done");
        }
    }

    [Fact]
    public async Task PagesRefuse_PeopleWhoMayNot()
    {
        var referral = await ReferralAsync(App, "Refusals");
        var allocation = await AllocateAsync(App, referral, Martin, Sam);
        Guid action;
        await using (var db = App.CreateDbContext())
        {
            action = await db.WorkItems.Where(w => w.SubjectId == allocation && w.Kind == WorkKind.AgreedAction).Select(w => w.Id).SingleAsync();
        }
        var sam = await App.SignInAsync(Sam);
        var grace = await App.SignInAsync(Grace);
        var martin = await App.SignInAsync(Martin);
        var partner = await App.SignInAsync("pc.jones@police.example");

        (await sam.GetAsync($"/allocation/referrals/{referral.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sam.GetAsync($"/allocation/cases/{allocation}/reallocate")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await partner.GetAsync($"/allocation/cases/{allocation}/accept")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await partner.GetAsync($"/work/{action}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await martin.GetAsync($"/allocation/cases/{allocation}/accept")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await grace.GetAsync($"/allocation/cases/{allocation}/accept")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var samsPage = await sam.GetStringAsync($"/allocation/cases/{allocation}/accept");
        var gracePosts = new FormUrlEncodedContent(Html.AsPosted(samsPage, $"/allocation/cases/{allocation}/accept", [])
            .Append(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await grace.GetStringAsync("/")))));
        (await grace.PostAsync($"/allocation/cases/{allocation}/accept", gracePosts)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await grace.GetAsync($"/work/{action}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "Grace is in another team");
        (await sam.GetAsync($"/allocation/cases/{allocation}/accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sam.GetAsync($"/work/{action}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var check = App.CreateDbContext();
        (await check.CaseAllocations.SingleAsync(a => a.Id == allocation)).AcceptedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Reallocating_WithAReason_MovesTheCase_AndTheChildsRecordListsBothWorkers()
    {
        var referral = await ReferralAsync(App, "Moving");
        var allocation = await AllocateAsync(App, referral, Martin, Sam);
        var martin = await App.SignInAsync(Martin);
        var url = $"/allocation/cases/{allocation}/reallocate";
        var form = Form(App, await App.UserIdAsync(Grace));

        var noReason = await SafeguardAppFactory.PostFormAsync(martin, url, form);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Select why the case is moving to another worker");

        form["Form.ReallocationReason"] = nameof(ReallocationReasonKind.Leaving);
        form["Form.ReallocationDetail"] = "Sam leaves at the end of the month";
        var moved = await SafeguardAppFactory.PostFormAsync(martin, url, form);
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await moved.Content.ReadAsStringAsync());

        var record = Html.Parse(await martin.GetStringAsync($"/children/{referral.PersonId}"));
        var workers = record.QuerySelector("[data-testid=workers]")!.TextContent;
        workers.ShouldContain("Grace Lee (allocated, not yet accepted)");
        workers.ShouldContain("Sam Okafor");
        workers.ShouldContain("Reallocated. Worker leaving: Sam leaves at the end of the month");
        (await martin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await SafeguardAppFactory.PostFormAsync(martin, url, form);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
