using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Seeding;
using Safeguard.Core.Work;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Api;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>A child's current plans and status are on their record and on the decision page (demo council: Maya Green is on a plan).</summary>
public sealed class ChildStatusPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string FrontDoorWorker = "priya.shah@northbridge.example";

    private async Task<string> MayasPlanStartAsync()
    {
        await using var db = App.CreateDbContext();
        var maya = await App.DemoChildIdAsync("Maya");
        var started = await db.ChildPlans.Where(p => p.PersonId == maya && p.Kind == PlanKind.ChildProtection && p.EndedOn == null)
            .Select(p => p.StartedOn).SingleAsync();
        return started.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ChildsRecord_StartsWithHerChildProtectionPlanAndAllocatedWorker_AndTheViewIsAudited()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var since = await MayasPlanStartAsync();
        var client = await App.SignInAsync(FrontDoorWorker);

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{maya}"));

        var summary = page.QuerySelector("h1").ShouldNotBeNull().NextElementSibling.ShouldNotBeNull();
        summary.GetAttribute("data-testid").ShouldBe("child-status");
        var text = string.Join(" ", summary.TextContent.Split((char[])null!, StringSplitOptions.RemoveEmptyEntries));
        text.ShouldContain($"Child protection plan Neglect, since {since}");
        text.ShouldContain("Allocated to Grace Lee (Child Protection Team)");
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.PersonId == maya && e.Type == RecordViewed.Name && e.ActorName == "Priya Shah")).ShouldBe(1);
    }

    [Fact]
    public async Task LookedAfterChildsRecord_ShowsTheLegalStatus()
    {
        var leo = await App.DemoChildIdAsync("Leo");
        var client = await App.SignInAsync(FrontDoorWorker);

        var summary = (await Html.ParseAsync(await client.GetAsync($"/children/{leo}"))).QuerySelector("[data-testid=child-status]").ShouldNotBeNull();

        summary.TextContent.ShouldContain("Looked after");
        summary.TextContent.ShouldContain("Care order, since");
        summary.TextContent.ShouldContain("Allocated to Sam Okafor");
    }

    [Fact]
    public async Task ChildWithNothingOpen_SaysSo()
    {
        var oliver = await App.DemoChildIdAsync("Oliver");
        var client = await App.SignInAsync(FrontDoorWorker);

        var page = await Html.ParseAsync(await client.GetAsync($"/children/{oliver}"));

        page.QuerySelector("[data-testid=child-status-none]").ShouldNotBeNull().TextContent.ShouldBe("No open plans, cases or alerts");
    }

    [Fact]
    public async Task DecisionPage_ForANeglectContactAboutAChildOnAPlan_IsChildProtection_AndShowsThePlanInWhatWeAlreadyKnow()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var since = await MayasPlanStartAsync();
        Guid contactId;
        await using (var db = App.CreateDbContext())
        {
            var recorded = await TestData.Intake(db).RecordAsync(TestData.Contact(
                [TestData.Child("Maya", "Green", personId: maya)], ["neglect"]));
            contactId = recorded.Id;
            recorded.Priority.ShouldBe(Priority.ChildProtection);
        }
        var client = await App.SignInAsync(FrontDoorWorker);

        var response = await client.GetAsync($"/front-door/contacts/{contactId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        var body = page.Body.ShouldNotBeNull().TextContent;
        body.ShouldContain("Child protection");
        body.ShouldContain($"Maya Green has been on a child protection plan (neglect) since {since}");
        var known = page.QuerySelector("#history").ShouldNotBeNull().NextElementSibling.ShouldNotBeNull();
        var history = known.NextElementSibling.ShouldNotBeNull();
        history.GetAttribute("data-testid").ShouldBe("decision-history");
        history.QuerySelector("[data-testid=child-status]").ShouldNotBeNull().TextContent.ShouldContain($"Neglect, since {since}");
        history.QuerySelector("[data-testid=history-repeat-plan]").ShouldNotBeNull().TextContent.ShouldContain("would be plan 2");
        await using var check = App.CreateDbContext();
        (await check.Events.CountAsync(e => e.PersonId == maya && e.Type == RecordViewed.Name && e.SubjectId == contactId)).ShouldBe(1);
    }

    [Fact]
    public async Task PartnerApiReferral_AboutAChildOnAPlan_IsChildProtectionForTheCouncil_ButThePartnerIsNotToldAboutThePlan()
    {
        await using var db = App.CreateDbContext();
        var maya = await db.People.AsNoTracking().SingleAsync(p => p.GivenName == "Maya" && p.FamilyName == "Green");
        var client = App.ApiClient((await App.CreateKeyAsync(DemoAccounts.Health)).Key);

        var response = await client.PostReferralAsync(PartnerApiTestHelpers.Referral("Maya", "Green",
            maya.DateOfBirth!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), maya.NhsNumber, ["neglect"]));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        // Need to know: the partner is told what its own words earn (neglect: urgent), never that she is on a plan.
        body.GetProperty("priority").GetString().ShouldBe("urgent");
        var id = body.GetProperty("id").GetGuid();
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Children).SingleAsync(c => c.Id == id);
        contact.Children.Single().PersonId.ShouldBe(maya.Id);
        contact.Priority.ShouldBe(Priority.ChildProtection);
        contact.PriorityReason.ShouldBe($"Maya Green has been on a child protection plan (neglect) since {await MayasPlanStartAsync()}");
        var followed = await (await client.GetAsync($"/api/v1/referrals/{id}")).JsonAsync();
        followed.GetProperty("priority").GetString().ShouldBe("urgent");
        var listed = await (await client.GetAsync("/api/v1/referrals")).JsonAsync();
        listed.GetProperty("referrals").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id)
            .GetProperty("priority").GetString().ShouldBe("urgent");
    }
}
