using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Work;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>
/// Nothing is done twice: real concurrent requests (<see cref="AtOnce"/>) from two signed-in people against the real app
/// and database (SQLite by default, PostgreSQL with SAFEGUARD_TEST_PROVIDER=Postgres). Exactly one wins; the other is
/// told what was done, and nothing of theirs is saved.
/// </summary>
public sealed class DecideOnceTests(SafeguardAppFactory app, Xunit.Abstractions.ITestOutputHelper output) : AppTests(app)
{
    private const string Tom = "tom.evans@northbridge.example";
    private const string Priya = "priya.shah@northbridge.example";
    private const string Manager = "jo.bennett@northbridge.example";

    private async Task<Guid> NewContactAsync(string given, params string[] categories)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ContactIntake>();
        var child = TestData.Child(given, "Once" + Guid.NewGuid().ToString("N")[..6], new DateOnly(2017, 6, 1));
        return (await intake.RecordAsync(TestData.Contact([child], categories.Length == 0 ? ["neglect"] : categories))).Id;
    }

    private static Dictionary<string, string> Decision(string outcome, string reasons, int? version)
    {
        var form = new Dictionary<string, string> { ["Outcome"] = outcome, ["Reasons"] = reasons };
        if (version is { } v) form["Version"] = v.ToString();
        return form;
    }

    private static async Task<string> ChangedElsewhereAsync(HttpResponseMessage response) =>
        (await Html.ParseAsync(response)).QuerySelector("[data-testid=changed-elsewhere]")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task TwoPeopleDecidingAtOnce_OneWins_TheOtherIsToldWhoDecidedWhat_AndOneReferralAndOneEmailAreMade()
    {
        var tom = await App.SignInAsync(Tom);
        var priya = await App.SignInAsync(Priya);
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var id = await NewContactAsync("Ada");
            // Half the rounds post the version the page showed (as a browser does); half post none, so only the
            // database's concurrency token stands between the two.
            var version = round % 2 == 0 ? 1 : (int?)null;

            var (a, b) = await AtOnce.PostAsync(tom, priya, $"/front-door/contacts/{id}",
                Decision("ReferralToSocialCare", "Neglect needs an assessment", version), Decision("EarlyHelp", "Family agree to early help", version));

            var statuses = new[] { a.StatusCode, b.StatusCode };
            statuses.Count(s => s == HttpStatusCode.Redirect).ShouldBe(1, $"round {round}: one decision wins");
            statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(1, $"round {round}: the other is told, not failed");
            var tomWon = a.StatusCode == HttpStatusCode.Redirect;
            var message = await ChangedElsewhereAsync(tomWon ? b : a);
            message.ShouldContain(tomWon ? "This contact was decided by Tom Evans at" : "This contact was decided by Priya Shah at");
            message.ShouldContain(tomWon ? "Referral to children's social care for assessment" : "Early help");

            await using var db = App.CreateDbContext();
            var contact = await db.Contacts.SingleAsync(c => c.Id == id);
            contact.DecidedByUserId.ShouldBe(await App.UserIdAsync(tomWon ? Tom : Priya));
            (await db.Referrals.CountAsync(r => r.ContactId == id)).ShouldBe(tomWon ? 1 : 0);
            (await db.FeedbackMessages.CountAsync(m => m.ContactId == id)).ShouldBe(1);
            (await db.Events.CountAsync(e => e.SubjectId == id && e.Type == ContactDecided.Name)).ShouldBe(1);
            (await db.WorkItems.CountAsync(w => w.SubjectId == id && w.Kind == WorkKind.ScreeningDecision && w.ClosedAt == null)).ShouldBe(0);
        }
    }

    [Fact]
    public async Task ADecisionAndAManagersPriorityChangeAtOnce_OneWins_AndTheOtherIsToldWhatChanged()
    {
        var tom = await App.SignInAsync(Tom);
        var manager = await App.SignInAsync(Manager);
        var decisionsWon = 0;
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var id = await NewContactAsync("Bea");
            var url = $"/front-door/contacts/{id}";
            var priority = new Dictionary<string, string>
            {
                ["NewPriority"] = "ChildProtection", ["PriorityReason"] = "Police now report a bruise", ["Version"] = "1",
            };

            var (decided, changed) = await AtOnce.PostAsync(tom, manager, url, Decision("ReferralToSocialCare", "Needs an assessment", 1), priority,
                urlB: url + "?handler=Priority");

            await using var db = App.CreateDbContext();
            var contact = await db.Contacts.SingleAsync(c => c.Id == id);
            if (decided.StatusCode == HttpStatusCode.Redirect)
            {
                decisionsWon++;
                changed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
                (await ChangedElsewhereAsync(changed)).ShouldContain("This contact was decided by Tom Evans at");
                contact.Priority.ShouldNotBe(Priority.ChildProtection);
                (await db.Events.CountAsync(e => e.SubjectId == id && e.Type == ContactPriorityChanged.Name)).ShouldBe(0);
                (await db.Referrals.CountAsync(r => r.ContactId == id)).ShouldBe(1);
            }
            else
            {
                decided.StatusCode.ShouldBe(HttpStatusCode.Conflict, $"round {round}");
                changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"round {round}");
                var message = await ChangedElsewhereAsync(decided);
                message.ShouldContain("Someone else changed this contact while you were working on it");
                message.ShouldContain("child protection");
                // What the worker typed is kept for them to decide again.
                (await decided.Content.ReadAsStringAsync()).ShouldContain("Needs an assessment");
                contact.Priority.ShouldBe(Priority.ChildProtection);
                contact.Status.ShouldBe(ContactStatus.AwaitingDecision);
                (await db.Referrals.CountAsync(r => r.ContactId == id)).ShouldBe(0);
                (await db.FeedbackMessages.CountAsync(m => m.ContactId == id)).ShouldBe(0);
            }
        }
        output.WriteLine($"decision won {decisionsWon} of {AtOnce.Rounds}");
    }

    [Fact]
    public async Task TheContactFormPostedTwiceAtOnce_RecordsOneContact_AndTheSecondPostGoesToIt()
    {
        var priya = await App.SignInAsync(Priya);
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var form = await ContactFormAsync(priya, "/front-door/contacts/new", $"Cleo{round}");

            var (a, b) = await AtOnce.PostAsync(priya, priya, "/front-door/contacts/new", form, form);

            a.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"round {round}");
            b.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"round {round}");
            a.Headers.Location.ShouldBe(b.Headers.Location, "both posts go to the one contact");
            await using var db = App.CreateDbContext();
            var key = Guid.Parse(form["SubmissionKey"]);
            var contact = await db.Contacts.SingleAsync(c => c.SubmissionKey == key);
            a.Headers.Location!.ToString().ShouldEndWith($"/front-door/contacts/{contact.Id}");
            (await db.Contacts.CountAsync(c => c.Concern == form["Form.Concern"])).ShouldBe(1);
        }
    }

    [Fact]
    public async Task TheContactFormSentAgain_RecordsNothing_AndSaysTheContactWasAlreadyRecorded()
    {
        var priya = await App.SignInAsync(Priya);
        var form = await ContactFormAsync(priya, "/front-door/contacts/new", "Dora");

        var first = await SafeguardAppFactory.PostFormAsync(priya, "/front-door/contacts/new", form);
        var again = await SafeguardAppFactory.PostFormAsync(priya, "/front-door/contacts/new", form);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        var page = await priya.GetStringAsync(again.Headers.Location!.ToString());
        page.ShouldContain("was already recorded from this form. It has not been recorded twice");
        await using var db = App.CreateDbContext();
        (await db.Contacts.CountAsync(c => c.Concern == form["Form.Concern"])).ShouldBe(1);
    }

    [Fact]
    public async Task ThePartnerReferralFormPostedTwiceAtOnce_SendsOneReferral()
    {
        // Two sessions of the one referrer: each keeps its own message (one shared cookie jar would let the first post's
        // message overwrite the second's).
        var police = await App.SignInAsync("pc.jones@police.example");
        var policeAgain = await App.SignInAsync("pc.jones@police.example");
        for (var round = 0; round < AtOnce.Rounds; round++)
        {
            var form = await ContactFormAsync(police, "/partner/referrals/new", $"Edie{round}");

            var (a, b) = await AtOnce.PostAsync(police, policeAgain, "/partner/referrals/new", form, form);

            a.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"round {round}");
            b.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"round {round}");
            await using var db = App.CreateDbContext();
            (await db.Contacts.CountAsync(c => c.Concern == form["Form.Concern"])).ShouldBe(1);
            var againByA = a.Headers.Location!.ToString().Contains("/partner/referrals/");
            var again = againByA ? a : b;
            var page = await (againByA ? police : policeAgain).GetStringAsync(again.Headers.Location!.ToString());
            page.ShouldContain("was already sent from this form. It has not been sent twice");
        }
    }

    /// <summary>A filled-in contact form with the one-time key the form page gave.</summary>
    private async Task<Dictionary<string, string>> ContactFormAsync(HttpClient client, string page, string given)
    {
        var html = await client.GetStringAsync(page);
        var key = Regex.Match(html, "name=\"SubmissionKey\" value=\"([^\"]+)\"").Groups[1].Value;
        key.ShouldNotBeNullOrEmpty();
        return new Dictionary<string, string>
        {
            ["SubmissionKey"] = key,
            ["Form.Children[0].GivenName"] = given, ["Form.Children[0].FamilyName"] = "Twice",
            ["Form.Children[0].DateOfBirth.Day"] = "3", ["Form.Children[0].DateOfBirth.Month"] = "4", ["Form.Children[0].DateOfBirth.Year"] = "2019",
            ["Form.Children[0].Sex"] = "Female", ["Form.Children[0].Postcode"] = "NB1 2AB",
            ["Form.ReferrerName"] = "Sue Black", ["Form.ReferrerOrganisation"] = "Hillside Nursery", ["Form.ReferrerEmail"] = "sue@hillside.example",
            ["Form.Concern"] = $"{given} arrived with no coat in the snow again ({Guid.NewGuid():N}).", ["Form.Categories"] = "neglect",
            ["Form.InjurySeen"] = "no", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "yes",
        }.ReceivedBy(App.Time.GetUtcNow());
    }
}
