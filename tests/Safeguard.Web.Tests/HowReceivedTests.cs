using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>"How did the contact come in?" and "When was it received?" on the front door's contact form.</summary>
public sealed class HowReceivedTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string FrontDoorWorker = "priya.shah@northbridge.example";

    private static Dictionary<string, string> Contact(string family, string? method = "Email") => new()
    {
        ["Form.Children[0].GivenName"] = "Nina", ["Form.Children[0].FamilyName"] = family,
        ["Form.Children[0].DateOfBirth.Day"] = "3", ["Form.Children[0].DateOfBirth.Month"] = "4", ["Form.Children[0].DateOfBirth.Year"] = "2017",
        ["Form.Children[0].Sex"] = "Female", ["Form.ReferrerName"] = "Sue Black", ["Form.ReferrerEmail"] = "sue@hillside.example",
        ["Form.Concern"] = "Nina said there is no food at home.", ["Form.Categories"] = "other",
        ["Form.InjurySeen"] = "no", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "yes",
        ["Form.Method"] = method ?? "",
    };

    private static Dictionary<string, string> With(Dictionary<string, string> form, string day, string month, string year, string time)
    {
        form["Form.ReceivedOn.Day"] = day;
        form["Form.ReceivedOn.Month"] = month;
        form["Form.ReceivedOn.Year"] = year;
        form["Form.ReceivedTime"] = time;
        return form;
    }

    [Fact]
    public async Task TheFormAsksHowAndWhen_WithTheDateAndTimeDefaultingToNow()
    {
        var client = await App.SignInAsync(FrontDoorWorker);
        var now = TimeZoneInfo.ConvertTime(App.Time.GetUtcNow(), Core.Timescales.WorkingDayCalendar.UkTime);

        var page = await Html.ParseAsync(await client.GetAsync("/front-door/contacts/new"));

        page.QuerySelectorAll("[name='Form.Method']").Select(r => r.GetAttribute("value"))
            .ShouldBe(["Phone", "Email", "InPerson", "Letter", "OnlineForm"]);
        page.QuerySelectorAll("[name='Form.Method']").ShouldAllBe(r => !r.HasAttribute("checked"));
        page.QuerySelector("[name='Form.ReceivedOn.Day']")!.GetAttribute("value").ShouldBe(now.Day.ToString());
        page.QuerySelector("[name='Form.ReceivedOn.Year']")!.GetAttribute("value").ShouldBe(now.Year.ToString());
        page.QuerySelector("[name='Form.ReceivedTime']")!.GetAttribute("value").ShouldBe(now.ToString("HH:mm"));
    }

    [Fact]
    public async Task WithoutAMethodOrATime_TheFormIsRefusedWithBothProblems_KeepingTheDate()
    {
        var client = await App.SignInAsync(FrontDoorWorker);

        var response = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new",
            With(Contact("Nomethod", method: null), "27", "2", "2026", ""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        summary.ShouldContain("Select how the contact came in");
        summary.ShouldContain("Enter the time the contact was received");
        page.QuerySelector("[name='Form.ReceivedOn.Day']")!.GetAttribute("value").ShouldBe("27");
    }

    [Theory]
    [InlineData("2", "3", "2026", "11:00", "The time received must be now or in the past")] // now is 2 March 2026 09:00
    [InlineData("2", "3", "2026", "25:61", "Enter the time received as hours and minutes, like 09:14 or 14:30")]
    [InlineData("2", "3", "2026", "nine", "Enter the time received as hours and minutes, like 09:14 or 14:30")]
    [InlineData("30", "2", "2026", "10:00", "Date received must be a real date")]
    [InlineData("20", "1", "2026", "10:00", "Date received must be within the last 30 days")]
    public async Task AWrongDateOrTime_IsRefusedWithAClearMessage_KeepingWhatWasTyped(string day, string month, string year, string time, string message)
    {
        var client = await App.SignInAsync(FrontDoorWorker);

        var response = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", With(Contact("Wrongtime"), day, month, year, time));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(message);
        page.QuerySelector("[name='Form.ReceivedTime']")!.GetAttribute("value").ShouldBe(time);
        page.QuerySelector("[name='Form.Method'][value='Email']")!.HasAttribute("checked").ShouldBeTrue();
        await using var db = App.CreateDbContext();
        (await db.Contacts.CountAsync(c => c.ReferrerName == "Sue Black" && c.Concern == "Nina said there is no food at home.")).ShouldBe(0);
    }

    [Fact]
    public async Task AContactReceivedLastFridayAfternoon_IsDueFromThen_AndTheDecisionPageSaysWhenAndHow()
    {
        var client = await App.SignInAsync(FrontDoorWorker);

        // Friday 27 February 2026 at 15:30, recorded on Monday 2 March at 09:00: due one working day after receipt.
        var response = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", With(Contact("Friday"), "27", "2", "2026", "3:30pm"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent);
        await using var db = App.CreateDbContext();
        var contact = await db.Contacts.SingleAsync(c => c.Children.Any(ch => db.People.Any(p => p.Id == ch.PersonId && p.FamilyName == "Friday")));
        contact.Method.ShouldBe(ContactMethod.Email);
        contact.ReceivedAt.ShouldBe(new DateTimeOffset(2026, 2, 27, 15, 30, 0, TimeSpan.Zero));
        contact.DecisionDueAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 15, 30, 0, TimeSpan.Zero));
        var page = await Html.ParseAsync(await client.GetAsync($"/front-door/contacts/{contact.Id}"));
        page.QuerySelector("[data-testid=received]")!.TextContent.ShouldBe("27 February 2026 at 15:30, by email");
    }
}
