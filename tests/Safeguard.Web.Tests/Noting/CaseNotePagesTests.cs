using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseNotes;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Noting;

/// <summary>Recording a case note from the child's record, as a form without JavaScript posts it; refused roles and a restricted child.</summary>
public sealed class CaseNotePagesTests(SafeguardAppFactory app) : AppTests(app)
{
    private static string NewUrl(Guid childId) => $"/children/{childId}/case-notes/new";

    private Dictionary<string, string> Visit(string seen = "yes", string alone = "yes")
    {
        var at = TimeZoneInfo.ConvertTime(App.Time.GetUtcNow().AddMinutes(-20), WorkingDayCalendar.UkTime);
        return new()
        {
            ["Kind"] = "Visit",
            ["HeldOn.Day"] = at.Day.ToString(CultureInfo.InvariantCulture), ["HeldOn.Month"] = at.Month.ToString(CultureInfo.InvariantCulture),
            ["HeldOn.Year"] = at.Year.ToString(CultureInfo.InvariantCulture), ["HeldTime"] = at.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Participants"] = "Mother; the child", ["ChildSeen"] = seen, ["ChildSeenAlone"] = alone, ["Note"] = "Bedroom clean; the child chatted about school.",
        };
    }

    [Fact]
    public async Task AWorkerRecordsAVisit_FromTheChildsRecord_AndItIsListedThere()
    {
        var referral = await ReferralAsync(App, "Noteme");
        var sam = await App.SignInAsync(Sam);
        var record = Html.Parse(await sam.GetStringAsync($"/children/{referral.PersonId}"));
        record.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Record a case note").GetAttribute("href").ShouldBe(NewUrl(referral.PersonId));

        var missing = Visit(seen: "");
        missing["Note"] = "Kept as typed";
        var refused = await SafeguardAppFactory.PostFormAsync(sam, NewUrl(referral.PersonId), missing);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = Html.Parse(await refused.Content.ReadAsStringAsync());
        errors.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent.ShouldContain("Select whether the child was seen");
        errors.QuerySelector("#Note").ShouldNotBeNull().TextContent.Trim().ShouldBe("Kept as typed");

        var posted = await SafeguardAppFactory.PostFormAsync(sam, NewUrl(referral.PersonId), Visit());

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var listed = Html.Parse(await sam.GetStringAsync($"/children/{referral.PersonId}")).QuerySelector("[data-testid=case-notes]").ShouldNotBeNull();
        listed.TextContent.ShouldContain("child seen alone");
        listed.TextContent.ShouldContain("Bedroom clean; the child chatted about school.");
        await using var read = App.CreateDbContext();
        (await read.CaseNotes.SingleAsync(n => n.PersonId == referral.PersonId)).Kind.ShouldBe(CaseNoteKind.Visit);
    }

    [Fact]
    public async Task AVisitDueOnTheTray_LeadsToTheFormWithVisitChosen_AndAnyOtherWayInChoosesNothing()
    {
        var referral = await ReferralAsync(App, "Notevisit");
        var sam = await App.SignInAsync(Sam);
        var visitLink = Web.Infrastructure.WorkLinks.For(new Core.Work.OpenWorkLine(Guid.NewGuid(), Core.Work.WorkKind.Visit, "Visit due",
            referral.PersonId, Core.Work.Priority.Standard, App.Time.GetUtcNow(), App.Time.GetUtcNow().AddDays(10), null, Guid.NewGuid()));

        string? Chosen(string html) => Html.Parse(html).QuerySelector("input[name=Kind]:checked")?.GetAttribute("value");
        Chosen(await sam.GetStringAsync(visitLink!)).ShouldBe("Visit");
        Chosen(await sam.GetStringAsync(NewUrl(referral.PersonId))).ShouldBeNull();
        Chosen(await sam.GetStringAsync(NewUrl(referral.PersonId) + "?kind=Nonsense")).ShouldBeNull();
        Chosen(await sam.GetStringAsync(NewUrl(referral.PersonId) + "?kind=7")).ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.ConferenceChair)]
    [InlineData(Roles.PerformanceAnalyst)]
    [InlineData(Roles.FrontDoorWorker)]
    public async Task RolesThatMayNotRecordCaseNotes_AreRefused403(string role)
    {
        var referral = await ReferralAsync(App, "Noterefused" + role[..4]);
        var refused = await App.SignInAsRoleAsync(role);

        (await refused.GetAsync(NewUrl(referral.PersonId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = Visit().Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await refused.GetStringAsync("/"))));
        (await refused.PostAsync(NewUrl(referral.PersonId), new FormUrlEncodedContent(body))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var read = App.CreateDbContext();
        (await read.CaseNotes.CountAsync(n => n.PersonId == referral.PersonId)).ShouldBe(0);
    }

    [Fact]
    public async Task ARestrictedChild_IsNotFound_ToAWorkerNotOnTheList_AndNothingIsSaved()
    {
        var referral = await ReferralAsync(App, "Notehidden");
        var sam = await App.SignInAsync(Sam);
        var samsPage = await sam.GetStringAsync(NewUrl(referral.PersonId));
        await using (var asHelen = App.Database.CreateContext(App.Time, new Actor(await App.UserIdAsync(Helen), "Helen Price")))
        {
            (await new AccessLists(asHelen).RestrictAsync(referral.PersonId, "Adoption placement")).ShouldBe(AccessChange.Done);
        }

        var hidden = await sam.GetAsync(NewUrl(referral.PersonId));
        var missing = await sam.GetAsync(NewUrl(Guid.NewGuid()));
        var body = Html.AsPosted(samsPage, NewUrl(referral.PersonId), Visit());
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await sam.GetStringAsync("/"))));
        var post = await sam.PostAsync(NewUrl(referral.PersonId), new FormUrlEncodedContent(body));

        (hidden.StatusCode, missing.StatusCode, post.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        (await hidden.Content.ReadAsStringAsync()).ShouldNotContain("Notehidden");
        await using var read = App.CreateDbContext();
        (await read.CaseNotes.CountAsync(n => n.PersonId == referral.PersonId)).ShouldBe(0);
    }
}
