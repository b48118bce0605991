using System.Globalization;
using System.Net;
using Safeguard.Core.Timescales;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Drafting;

/// <summary>
/// A case note kept as a draft without JavaScript ("Save draft"), found again when the form is opened, deleted when the
/// note is recorded or the draft discarded; never shown to anyone else.
/// </summary>
public sealed class FormDraftPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string Grace = "grace.lee@northbridge.example";

    private static string Form(Guid child) => $"/children/{child}/case-notes/new";

    private static async Task<HttpResponseMessage> SaveDraftAsync(HttpClient client, Guid child, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(Form(child));
        var body = Html.AsPosted(html, Form(child), fields);
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(html)));
        return await client.PostAsync($"/drafts?form={Uri.EscapeDataString(Form(child))}", new FormUrlEncodedContent(body));
    }

    private Dictionary<string, string> Typed(string note)
    {
        var at = TimeZoneInfo.ConvertTime(App.Time.GetUtcNow().AddMinutes(-30), WorkingDayCalendar.UkTime);
        return new()
        {
            ["Kind"] = "Visit", ["HeldOn.Day"] = at.Day.ToString(CultureInfo.InvariantCulture), ["HeldOn.Month"] = at.Month.ToString(CultureInfo.InvariantCulture),
            ["HeldOn.Year"] = at.Year.ToString(CultureInfo.InvariantCulture), ["HeldTime"] = at.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Participants"] = "Mother; Maya", ["ChildSeen"] = "yes", ["ChildSeenAlone"] = "yes", ["Note"] = note,
        };
    }

    [Fact]
    public async Task SaveDraft_KeepsWhatWasTyped_TheFormOpensWithIt_AndRecordingTheNoteDeletesIt()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var grace = await App.SignInAsync(Grace);

        var saved = await SaveDraftAsync(grace, maya, Typed("Maya showed me her room; half-way through writing this up"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe($"{Form(maya)}?draft=saved");
        var reopened = Html.Parse(await grace.GetStringAsync(Form(maya)));
        reopened.QuerySelector("[data-testid=draft-restored]").ShouldNotBeNull();
        reopened.QuerySelector("textarea[name=Note]")!.TextContent.ShouldBe("Maya showed me her room; half-way through writing this up");
        reopened.QuerySelector("input[name=Participants], textarea[name=Participants]")!.TextContent.ShouldBe("Mother; Maya");
        reopened.QuerySelector("input[name=Kind][value=Visit]")!.HasAttribute("checked").ShouldBeTrue();

        var otherWorker = await App.SignInAsync("chloe.adams@northbridge.example");
        var theirs = Html.Parse(await otherWorker.GetStringAsync(Form(maya)));
        theirs.QuerySelector("[data-testid=draft-restored]").ShouldBeNull();
        theirs.QuerySelector("textarea[name=Note]")!.TextContent.ShouldBeEmpty();

        var recorded = await SafeguardAppFactory.PostFormAsync(grace, Form(maya), Typed("Maya showed me her room; all well."));
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = Html.Parse(await grace.GetStringAsync(Form(maya)));
        after.QuerySelector("[data-testid=draft-restored]").ShouldBeNull();
        after.QuerySelector("textarea[name=Note]")!.TextContent.ShouldBeEmpty();
    }

    [Fact]
    public async Task ADraftCanBeDiscarded_AndTheFormStartsEmpty()
    {
        var ruby = await App.DemoChildIdAsync("Ruby");
        var michael = await App.SignInAsync("michael.obrien@northbridge.example");
        await SaveDraftAsync(michael, ruby, Typed("Not needed after all"));
        var html = await michael.GetStringAsync(Form(ruby));

        var discarded = await michael.PostAsync($"/drafts?handler=Discard&form={Uri.EscapeDataString(Form(ruby))}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SafeguardAppFactory.AntiforgeryToken(html) }));

        discarded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = Html.Parse(await michael.GetStringAsync(discarded.Headers.Location!.ToString()));
        page.QuerySelector("[data-testid=draft-discarded]").ShouldNotBeNull();
        page.QuerySelector("textarea[name=Note]")!.TextContent.ShouldBeEmpty();
    }

    [Fact]
    public async Task ADraftForAnotherSite_IsRefusedAsAProblem_AndAPartnerMayKeepNone()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var grace = await App.SignInAsync(Grace);
        var token = SafeguardAppFactory.AntiforgeryToken(await grace.GetStringAsync(Form(maya)));

        var elsewhere = await grace.PostAsync($"/drafts?form={Uri.EscapeDataString("https://elsewhere.example/x")}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Note"] = "x", ["__RequestVerificationToken"] = token }));

        elsewhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        elsewhere.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var partner = await App.SignInAsync("pc.jones@police.example");
        var partnerToken = SafeguardAppFactory.AntiforgeryToken(await partner.GetStringAsync("/partner"));
        var refused = await partner.PostAsync($"/drafts?form={Uri.EscapeDataString(Form(maya))}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Note"] = "x", ["__RequestVerificationToken"] = partnerToken }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SaveDraft_WithoutJavaScript_TooLongToKeep_IsAPageSayingSo_NotAProblemDocument()
    {
        var maya = await App.DemoChildIdAsync("Maya");
        var grace = await App.SignInAsync(Grace);

        var response = await SaveDraftAsync(grace, maya, Typed(new string('a', Core.Drafts.FormDraft.FieldsMaxLength + 1)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary__list li")!.TextContent.ShouldContain("too long to keep");
        page.QuerySelector($"a[href='{Form(maya)}']").ShouldNotBeNull();
    }
}
