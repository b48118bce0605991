using System.Globalization;
using System.Net;
using Safeguard.Core.Text;
using Safeguard.Core.Timescales;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Refusing;

/// <summary>
/// A NUL character (U+0000) typed or pasted into a staff form: PostgreSQL cannot keep it in text, so the page refuses it
/// with its own error summary naming the field (400), keeping everything else that was typed, on both databases.
/// </summary>
public sealed class NulInFormsTests(SafeguardAppFactory app) : AppTests(app), IAsyncLifetime
{
    public Task InitializeAsync() => QualifyWorkersAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ACaseNoteWithNulInItsNote_IsRefusedOnItsOwnPage_NamingTheField_AndKeepsWhatWasTyped()
    {
        var referral = await ReferralAsync(App, "Nulnote");
        var sam = await App.SignInAsync(Sam);
        var at = TimeZoneInfo.ConvertTime(App.Time.GetUtcNow().AddMinutes(-20), WorkingDayCalendar.UkTime);
        var url = $"/children/{referral.PersonId}/case-notes/new";

        var refused = await SafeguardAppFactory.PostFormAsync(sam, url, new()
        {
            ["Kind"] = "Visit",
            ["HeldOn.Day"] = at.Day.ToString(CultureInfo.InvariantCulture), ["HeldOn.Month"] = at.Month.ToString(CultureInfo.InvariantCulture),
            ["HeldOn.Year"] = at.Year.ToString(CultureInfo.InvariantCulture), ["HeldTime"] = at.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Participants"] = "Mother; the child", ["ChildSeen"] = "yes", ["ChildSeenAlone"] = "yes", ["Note"] = "Bedroom clean;\0 pasted from a PDF",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".govuk-error-summary").ShouldNotBeNull(page.QuerySelector("main")?.TextContent);
        summary.TextContent.ShouldContain($"Note {StorableText.NulProblem}");
        summary.QuerySelector("a[href='#Note']").ShouldNotBeNull();
        page.QuerySelector("#Participants").ShouldNotBeNull().TextContent.Trim().ShouldBe("Mother; the child");
        page.QuerySelector("input[name=ChildSeen][value=yes]").ShouldNotBeNull().HasAttribute("checked").ShouldBeTrue();
        await using var read = App.CreateDbContext();
        read.CaseNotes.Count(n => n.PersonId == referral.PersonId).ShouldBe(0);
    }

    [Fact]
    public async Task ANulBesideAnotherMistake_IsNamedInTheSameErrorSummary()
    {
        var referral = await ReferralAsync(App, "Nulmistake");
        var sam = await App.SignInAsync(Sam);

        var refused = await SafeguardAppFactory.PostFormAsync(sam, $"/children/{referral.PersonId}/case-notes/new", new()
        {
            ["Kind"] = "Visit", ["ChildSeen"] = "", ["Participants"] = "Father\0", ["Note"] = "Kept as typed",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent;
        summary.ShouldContain($"Who took part {StorableText.NulProblem}");
        summary.ShouldContain("Select whether the child was seen");
        page.QuerySelector("#Note").ShouldNotBeNull().TextContent.Trim().ShouldBe("Kept as typed");
    }

    [Fact]
    public async Task AStrategyDiscussionWithNulInTheInformationShared_IsRefusedOnItsOwnPage_NamingTheField_AndKeepsWhatWasTyped()
    {
        var referral = await ReferralAsync(App, "Nulstrategy");
        await AllocateAsync(App, referral, Martin, Sam);
        var sam = await App.SignInAsync(Sam);
        var today = Today(App);
        var url = $"/children/{referral.PersonId}/strategy-discussions/new";

        var refused = await SafeguardAppFactory.PostFormAsync(sam, url, new()
        {
            ["Form.HeldOn.Day"] = today.Day.ToString(CultureInfo.InvariantCulture), ["Form.HeldOn.Month"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Form.HeldOn.Year"] = today.Year.ToString(CultureInfo.InvariantCulture), ["Form.HeldTime"] = "08:30",
            ["Form.Participants[0].Agency"] = "ChildrensSocialCare", ["Form.Participants[0].Name"] = "Sam Okafor", ["Form.Participants[0].Role"] = "Social worker",
            ["Form.Participants[1].Agency"] = "Police", ["Form.Participants[1].Name"] = "DS Priya Khan", ["Form.Participants[1].Role"] = "Detective sergeant",
            ["Form.Participants[2].Agency"] = "Health", ["Form.Participants[2].Name"] = "Dr Amir Shah", ["Form.Participants[2].Role"] = "Named doctor",
            ["Form.Participants[3].Agency"] = "Education", ["Form.Participants[3].Name"] = "Jo Lane", ["Form.Participants[3].Role"] = "Designated safeguarding lead",
            ["Form.InformationShared"] = "School saw bruising\0 on the child's arm.",
            ["Form.Section47"] = "yes",
            ["Form.DecisionReasons"] = "The bruising meets the threshold for a section 47 enquiry.",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".govuk-error-summary").ShouldNotBeNull();
        summary.TextContent.ShouldContain($"Information shared {StorableText.NulProblem}");
        summary.QuerySelector("a[href='#Form_InformationShared']").ShouldNotBeNull();
        page.QuerySelector("#Form_DecisionReasons").ShouldNotBeNull().TextContent.Trim().ShouldBe("The bruising meets the threshold for a section 47 enquiry.");
        page.QuerySelector("input[name='Form.Participants[1].Name']").ShouldNotBeNull().GetAttribute("value").ShouldBe("DS Priya Khan");
    }
}
