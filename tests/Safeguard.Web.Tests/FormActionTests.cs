using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Pages.FrontDoor.Shared;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>
/// Every form names where it posts, and every extra button where it posts, so that no button depends on the address the
/// page happens to be at (after "Add another child" that address is ...?handler=AddChild).
/// </summary>
public sealed class FormActionTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string FrontDoorManager = "jo.bennett@northbridge.example";
    private const string PartnerReferrer = "kate.ward@nhs.example";
    private const string Administrator = "alex.admin@northbridge.example";

    /// <summary>A query the page must not pass on to its forms.</summary>
    private const string Elsewhere = "came=from-elsewhere";

    [Theory]
    [InlineData(null, "/sign-in")]
    [InlineData(FrontDoorManager, "/account/password")]
    [InlineData(FrontDoorManager, "/front-door")]
    [InlineData(FrontDoorManager, "/front-door/contacts/new")]
    [InlineData(FrontDoorManager, "/front-door/contacts/{contact}")]
    [InlineData(FrontDoorManager, "/children/{child}/names/add")]
    [InlineData(FrontDoorManager, "/children/{child}/family/add")]
    [InlineData(FrontDoorManager, "/children/{child}/address")]
    [InlineData(FrontDoorManager, "/people/duplicates/{duplicate}")]
    [InlineData(PartnerReferrer, "/partner/referrals/new")]
    [InlineData(Administrator, "/admin/users/add")]
    [InlineData(FrontDoorManager, "/account/two-factor")]
    [InlineData(Administrator, "/admin/users/{user}")]
    [InlineData(Administrator, "/admin/users/{user}/password")]
    [InlineData(Administrator, "/admin/users/{user}/two-factor")]
    [InlineData("helen.price@northbridge.example", "/recommendations/add")]
    public async Task EveryButtonOfEveryPostForm_PostsToAnAddressOfItsOwn(string? account, string path)
    {
        var client = account is null ? App.CreateBrowserlikeClient() : await App.SignInAsync(account);
        var address = await ResolveAsync(path);

        var response = await client.GetAsync($"{address}?{Elsewhere}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var forms = (await Html.ParseAsync(response)).QuerySelectorAll("form[method=post]").ToList();
        forms.ShouldNotBeEmpty();
        foreach (var form in forms)
        {
            var buttons = form.QuerySelectorAll("button[type=submit], button:not([type]), input[type=submit]").ToList();
            buttons.ShouldNotBeEmpty();
            foreach (var button in buttons)
            {
                var target = button.GetAttribute("formaction") ?? form.GetAttribute("action");
                target.ShouldNotBeNullOrWhiteSpace($"\"{button.TextContent.Trim()}\" on {path} posts to whatever address the page is at");
                target.ShouldStartWith("/");
                target.ShouldNotContain(Elsewhere);
            }
        }
    }

    [Fact]
    public async Task ContactForm_AfterAddAnotherChild_RecordContactStillPostsToRecord_AndRecordsBothChildren()
    {
        var client = await App.SignInAsync(FrontDoorManager);
        var form = ContactAbout("Tamsin", "Ferriday").ReceivedBy(App.Time.GetUtcNow());

        var added = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new?handler=AddChild", form, "/front-door/contacts/new");

        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(added);
        var contactForm = FormWith(page, "Form.Concern");
        contactForm.GetAttribute("action").ShouldBe("/front-door/contacts/new");
        Button(page, "Add another child").GetAttribute("formaction").ShouldBe("/front-door/contacts/new?handler=AddChild");
        Button(page, "Check for existing records").GetAttribute("formaction").ShouldBe("/front-door/contacts/new?handler=Find");
        page.QuerySelector("[name='Form.Children[1].GivenName']").ShouldNotBeNull();

        AddSecondChild(form, "Rufus", "Ferriday");
        var recorded = await SafeguardAppFactory.PostFormAsync(client, contactForm.GetAttribute("action")!, form);

        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        var contactId = Guid.Parse(recorded.Headers.Location!.OriginalString[^36..]);
        (await db.ContactChildren.CountAsync(c => c.ContactId == contactId)).ShouldBe(2);
    }

    [Fact]
    public async Task PartnerForm_AfterAddAnotherChild_SendReferralStillPostsToSend_AndSendsBothChildren()
    {
        var client = await App.SignInAsync(PartnerReferrer);
        var form = ContactAbout("Wilf", "Hackleton");

        var added = await SafeguardAppFactory.PostFormAsync(client, "/partner/referrals/new?handler=AddChild", form, "/partner/referrals/new");

        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(added);
        var referralForm = FormWith(page, "Form.Concern");
        referralForm.GetAttribute("action").ShouldBe("/partner/referrals/new");
        Button(page, "Add another child").GetAttribute("formaction").ShouldBe("/partner/referrals/new?handler=AddChild");
        page.QuerySelector("[name='Form.Children[1].GivenName']").ShouldNotBeNull();

        AddSecondChild(form, "Nell", "Hackleton");
        form["Form.Concern"] = "Wilf and Nell Hackleton were left in the car outside the clinic for an hour.";
        var sent = await SafeguardAppFactory.PostFormAsync(client, referralForm.GetAttribute("action")!, form);

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        var contact = await db.Contacts.Include(c => c.Children).SingleAsync(c => c.Concern == form["Form.Concern"]);
        contact.Channel.ShouldBe(ContactChannel.PartnerPage);
        contact.Children.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("/front-door/contacts/new", FrontDoorManager)]
    [InlineData("/partner/referrals/new", PartnerReferrer)]
    public async Task AddAnotherChild_StopsAtTheMostChildrenOneContactCanHold(string path, string account)
    {
        var client = await App.SignInAsync(account);
        var form = ContactAbout("Ivy", "Maxfield").ReceivedBy(App.Time.GetUtcNow());
        for (var i = 1; i < ContactFormValidator.MaxChildren - 1; i++) form[$"Form.Children[{i}].GivenName"] = $"Child{i}";

        var upToMost = await Html.ParseAsync(await SafeguardAppFactory.PostFormAsync(client, $"{path}?handler=AddChild", form, path));
        form[$"Form.Children[{ContactFormValidator.MaxChildren - 1}].GivenName"] = "Last";
        var atMost = await Html.ParseAsync(await SafeguardAppFactory.PostFormAsync(client, $"{path}?handler=AddChild", form, path));

        upToMost.QuerySelectorAll("fieldset.sg-child").Length.ShouldBe(ContactFormValidator.MaxChildren);
        atMost.QuerySelectorAll("fieldset.sg-child").Length.ShouldBe(ContactFormValidator.MaxChildren);
        atMost.QuerySelector($"[name='Form.Children[{ContactFormValidator.MaxChildren - 1}].GivenName']")!.GetAttribute("value").ShouldBe("Last");
        atMost.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Add another child");
    }

    [Fact]
    public async Task DecisionPage_AfterAPriorityError_TheDecisionFormStillPostsToRecordTheDecision()
    {
        var manager = await App.SignInAsync(FrontDoorManager);
        var contactId = await UndecidedContactAsync();
        var address = $"/front-door/contacts/{contactId}";

        var error = await SafeguardAppFactory.PostFormAsync(manager, $"{address}?handler=Priority", new() { ["NewPriority"] = "" }, address);

        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(error);
        FormWith(page, "Outcome").GetAttribute("action").ShouldBe(address);
        FormWith(page, "NewPriority").GetAttribute("action").ShouldBe($"{address}?handler=Priority");
        var decided = await SafeguardAppFactory.PostFormAsync(manager, address,
            new() { ["Outcome"] = nameof(ScreeningOutcome.InformationAndAdvice), ["Reasons"] = "Advice given to the school about attendance." });
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = App.CreateDbContext();
        (await db.Contacts.SingleAsync(c => c.Id == contactId)).Outcome.ShouldBe(ScreeningOutcome.InformationAndAdvice);
    }

    private static IElement FormWith(IParentNode page, string field) =>
        page.QuerySelectorAll("form[method=post]").FirstOrDefault(f => f.QuerySelector($"[name='{field}']") is not null)
            .ShouldNotBeNull($"a form with {field}");

    private static IElement Button(IParentNode page, string text) =>
        page.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == text).ShouldNotBeNull($"a \"{text}\" button");

    private static Dictionary<string, string> ContactAbout(string given, string family) => new()
    {
        ["Form.Children[0].GivenName"] = given, ["Form.Children[0].FamilyName"] = family,
        ["Form.Children[0].DateOfBirth.Day"] = "9", ["Form.Children[0].DateOfBirth.Month"] = "10", ["Form.Children[0].DateOfBirth.Year"] = "2017",
        ["Form.Children[0].Sex"] = "Male",
        ["Form.ReferrerName"] = "Ann Hale", ["Form.ReferrerOrganisation"] = "Brook Primary", ["Form.ReferrerEmail"] = "ann@brook.example",
        ["Form.Concern"] = $"{given} {family} has come to school hungry every day this week.", ["Form.Categories"] = "neglect",
        ["Form.InjurySeen"] = "no", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "no",
    };

    private static void AddSecondChild(Dictionary<string, string> form, string given, string family)
    {
        form["Form.Children[1].GivenName"] = given;
        form["Form.Children[1].FamilyName"] = family;
        form["Form.Children[1].DateOfBirth.Day"] = "1";
        form["Form.Children[1].DateOfBirth.Month"] = "12";
        form["Form.Children[1].DateOfBirth.Year"] = "2020";
        form["Form.Children[1].Sex"] = "Female";
    }

    private async Task<Guid> UndecidedContactAsync()
    {
        await using var db = App.CreateDbContext();
        // Not the demo council's restricted child's: the front door manager is not on her access list.
        return await db.Contacts.Where(c => c.Status == ContactStatus.AwaitingDecision
                && !c.Children.Any(ch => db.People.Any(p => p.Id == ch.PersonId && p.IsRestricted)))
            .OrderByDescending(c => c.Reference).Select(c => c.Id).FirstAsync();
    }

    private async Task<string> ResolveAsync(string path)
    {
        if (path.Contains("{contact}")) path = path.Replace("{contact}", (await UndecidedContactAsync()).ToString());
        if (path.Contains("{child}")) path = path.Replace("{child}", (await App.DemoChildIdAsync("Ellie")).ToString());
        if (path.Contains("{user}")) path = path.Replace("{user}", (await App.UserIdAsync("sam.okafor@northbridge.example")).ToString());
        if (path.Contains("{duplicate}")) path = path.Replace("{duplicate}", (await PossibleDuplicateAsync()).ToString());
        return path;
    }

    private async Task<Guid> PossibleDuplicateAsync()
    {
        await using var db = App.CreateDbContext();
        var a = new Core.People.Person("Orla", "Bexley", new DateOnly(2018, 4, 4), Core.People.Sex.Female);
        var b = new Core.People.Person("Orla", "Bexly", new DateOnly(2018, 4, 4), Core.People.Sex.Female);
        db.People.AddRange(a, b);
        var candidate = new Core.People.DuplicateCandidate(a.Id, b.Id, 12.5, "Possible", "[\"Date of birth: the same (+10.0)\"]",
            Core.People.DuplicateFoundBy.Sweep, App.Time.GetUtcNow());
        db.DuplicateCandidates.Add(candidate);
        await db.SaveChangesAsync();
        return candidate.Id;
    }
}
