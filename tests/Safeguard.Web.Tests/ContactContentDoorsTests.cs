using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Tests.Api;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>
/// The front door's contact page, a partner's referral page and the partner API refuse the same contact with the same
/// message (ContactContentRule), and accept the same contact at each limit: a page re-renders with 400 keeping what was
/// typed, the API answers problem+json; never a server error.
/// </summary>
public sealed class ContactContentDoorsTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string FrontDoorWorker = "priya.shah@northbridge.example";
    private const string PolicePartner = "pc.jones@police.example";

    public enum Door { FrontDoorPage, PartnerPage, PartnerApi }

    private sealed record SentChild(string Given, string Family, DateOnly? Born, DateOnly? Expected = null);

    /// <summary>A contact described once, sent through each door in its own format.</summary>
    private sealed record Sent(IReadOnlyList<SentChild> Children, string ReferrerPhone = "01234 567890");

    // The test app's clock: Monday 2 March 2026, 09:00 UK time.
    private static SentChild Born(DateOnly dob) => new("Poppy", "Ashdown", dob);

    private static Sent One(SentChild child) => new([child]);

    private static Sent Many(int count) =>
        new(Enumerable.Range(1, count).Select(i => new SentChild($"Sibling{i}", "Ashdown", new DateOnly(2010, 1, 1).AddDays(i * 100))).ToList());

    /// <summary>Refused: what is sent, the field (as the API names it) and the one message every door gives.</summary>
    private static readonly Dictionary<string, (Sent Sent, string Key, string Message)> Refused = new()
    {
        ["eighteen today"] = (One(Born(new DateOnly(2008, 3, 2))), "children[0].dateOfBirth",
            "Date of birth must be after 2 March 2008: a contact is about a child under 18"),
        ["a care leaver of 20"] = (One(Born(new DateOnly(2006, 1, 1))), "children[0].dateOfBirth",
            "Date of birth must be after 2 March 2008: a contact is about a child under 18"),
        ["born tomorrow"] = (One(Born(new DateOnly(2026, 3, 3))), "children[0].dateOfBirth", "Date of birth must be today or in the past"),
        ["both dates"] = (One(new SentChild("Poppy", "Ashdown", new DateOnly(2020, 1, 1), new DateOnly(2026, 6, 1))), "children[0].expectedDateOfBirth",
            "Enter a date of birth or an expected date of birth, not both: a child who is born has no expected date of birth"),
        ["expected too far ahead"] = (One(new SentChild("Unborn", "Ashdown", null, new DateOnly(2027, 1, 3))), "children[0].expectedDateOfBirth",
            "Expected date of birth must be between 2 February 2026 and 2 January 2027"),
        ["no date"] = (One(new SentChild("Poppy", "Ashdown", null)), "children[0].dateOfBirth",
            "Enter the date of birth, or the expected date of birth for an unborn child"),
        ["first name too long"] = (One(new SentChild(new string('P', 101), "Ashdown", new DateOnly(2019, 1, 1))), "children[0].givenName",
            "First name must be 100 characters or fewer"),
        ["21 children"] = (Many(21), "children", "Enter at most 20 children on one contact. Send another contact for the others"),
        ["phone too long"] = (new Sent([Born(new DateOnly(2019, 1, 1))], new string('1', 41)), "referrer.phone",
            "Phone number must be 40 characters or fewer"),
    };

    private static readonly Dictionary<string, Sent> Accepted = new()
    {
        ["17 years 364 days"] = One(Born(new DateOnly(2008, 3, 3))),
        ["born today"] = One(Born(new DateOnly(2026, 3, 2))),
        ["expected a month ago"] = One(new SentChild("Unborn", "Ashdown", null, new DateOnly(2026, 2, 2))),
        ["20 children"] = Many(20),
    };

    public static TheoryData<string, Door> RefusedAtEveryDoor() => Cross(Refused.Keys);

    public static TheoryData<string, Door> AcceptedAtEveryDoor() => Cross(Accepted.Keys);

    private static TheoryData<string, Door> Cross(IEnumerable<string> cases)
    {
        var data = new TheoryData<string, Door>();
        foreach (var name in cases)
        foreach (var door in Enum.GetValues<Door>())
            data.Add(name, door);
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedAtEveryDoor))]
    public async Task TheSameContact_IsRefusedByEveryDoor_WithTheSameMessage(string name, Door door)
    {
        var (sent, key, message) = Refused[name];
        var concern = $"Refused at the {door}: {name}.";

        var response = await SendAsync(door, sent, concern);

        if (door == Door.PartnerApi)
        {
            var problem = await response.ProblemAsync(400);
            problem.Errors(key).ShouldBe([message]);
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var page = await Html.ParseAsync(response);
            page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(message);
            page.QuerySelectorAll(".govuk-error-message").Select(e => e.TextContent).ShouldContain(t => t.Contains(message));
            // What was typed is kept.
            page.QuerySelector("[name='Form.Children[0].GivenName']")!.GetAttribute("value").ShouldBe(sent.Children[0].Given);
            page.QuerySelector("[name='Form.Concern']")!.TextContent.Trim().ShouldBe(concern);
        }
        await using var db = App.CreateDbContext();
        (await db.Contacts.CountAsync(c => c.Concern == concern)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(AcceptedAtEveryDoor))]
    public async Task TheSameContact_AtEachLimit_IsAcceptedByEveryDoor(string name, Door door)
    {
        var sent = Accepted[name];
        var concern = $"Accepted at the {door}: {name}.";

        var response = await SendAsync(door, sent, concern);

        response.StatusCode.ShouldBe(door == Door.PartnerApi ? HttpStatusCode.Created : HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        await using var db = App.CreateDbContext();
        var contact = await db.Contacts.Include(c => c.Children).SingleAsync(c => c.Concern == concern);
        contact.Children.Count.ShouldBe(sent.Children.Count);
    }

    private async Task<HttpResponseMessage> SendAsync(Door door, Sent sent, string concern)
    {
        switch (door)
        {
            case Door.PartnerApi:
                var key = await App.CreateKeyAsync("Northbridge Police");
                return await App.ApiClient(key.Key).PostReferralAsync(Json(sent, concern));
            case Door.PartnerPage:
                return await SafeguardAppFactory.PostFormAsync(await App.SignInAsync(PolicePartner), "/partner/referrals/new", Form(sent, concern));
            default:
                return await SafeguardAppFactory.PostFormAsync(await App.SignInAsync(FrontDoorWorker), "/front-door/contacts/new",
                    Form(sent, concern).ReceivedBy(App.Time.GetUtcNow()));
        }
    }

    private static Dictionary<string, string> Form(Sent sent, string concern)
    {
        var form = new Dictionary<string, string>
        {
            ["Form.ReferrerName"] = "PC Rhys Jones", ["Form.ReferrerOrganisation"] = "Northbridge Police", ["Form.ReferrerEmail"] = "rhys.jones@police.example",
            ["Form.ReferrerPhone"] = sent.ReferrerPhone, ["Form.Concern"] = concern, ["Form.Categories"] = "neglect",
            ["Form.InjurySeen"] = "no", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "yes",
        };
        for (var i = 0; i < sent.Children.Count; i++)
        {
            var c = sent.Children[i];
            var k = $"Form.Children[{i}].";
            form[k + "GivenName"] = c.Given;
            form[k + "FamilyName"] = c.Family;
            form[k + "Sex"] = "Female";
            form[k + "Postcode"] = "NB2 4QT";
            Date(form, k + "DateOfBirth.", c.Born);
            Date(form, k + "ExpectedDateOfBirth.", c.Expected);
        }
        return form;
    }

    private static void Date(Dictionary<string, string> form, string prefix, DateOnly? date)
    {
        if (date is not { } d) return;
        form[prefix + "Day"] = d.Day.ToString(CultureInfo.InvariantCulture);
        form[prefix + "Month"] = d.Month.ToString(CultureInfo.InvariantCulture);
        form[prefix + "Year"] = d.Year.ToString(CultureInfo.InvariantCulture);
    }

    private static JsonObject Json(Sent sent, string concern)
    {
        var body = PartnerApiTestHelpers.Referral();
        body["children"] = new JsonArray(sent.Children.Select(c => (JsonNode?)new JsonObject
        {
            ["givenName"] = c.Given,
            ["familyName"] = c.Family,
            ["dateOfBirth"] = c.Born?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["expectedDateOfBirth"] = c.Expected?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sex"] = "female",
            ["address"] = new JsonObject { ["postcode"] = "NB2 4QT" },
        }).ToArray());
        body["referrer"]!["phone"] = sent.ReferrerPhone;
        body["concern"] = concern;
        return body;
    }
}
