using Microsoft.Extensions.DependencyInjection;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>Moves the app's clock, so it has an app of its own.</summary>
public sealed class OverdueTests(SafeguardAppFactory app) : AppTests(app)
{
    [Fact]
    public async Task ContactLeftUndecidedPastItsClock_ShowsAsOverdueOnTheTray()
    {
        var client = await App.SignInAsync("priya.shah@northbridge.example");
        var form = new Dictionary<string, string>
        {
            ["Form.Children[0].GivenName"] = "Zoe", ["Form.Children[0].FamilyName"] = "Latecomer",
            ["Form.Children[0].DateOfBirth.Day"] = "1", ["Form.Children[0].DateOfBirth.Month"] = "1", ["Form.Children[0].DateOfBirth.Year"] = "2016",
            ["Form.Children[0].Sex"] = "Female", ["Form.ReferrerName"] = "A neighbour", ["Form.Concern"] = "Zoe is often outside alone at night.",
            ["Form.Categories"] = "neglect", ["Form.InjurySeen"] = "no", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "not-known",
            ["Form.Method"] = "Phone",
        };
        foreach (var (key, value) in FrontDoorTests.ReceivedAt(App.Time.GetUtcNow())) form[key] = value;
        var recorded = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", form);
        recorded.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect,
            (await Html.ParseAsync(recorded)).QuerySelector(".govuk-error-summary")?.TextContent);
        var before = await Html.ParseAsync(await client.GetAsync("/front-door"));

        App.Time.Advance(TimeSpan.FromDays(2)); // Monday 09:00 -> Wednesday 09:00: one working day has passed
        App.Time.Advance(TimeSpan.FromMinutes(1));
        client = await App.SignInAsync("priya.shah@northbridge.example"); // the 8-hour session has ended
        var after = await Html.ParseAsync(await client.GetAsync("/front-door"));

        Row(before).QuerySelector("[data-testid=overdue]").ShouldBeNull();
        var late = Row(after).QuerySelector("[data-testid=overdue]").ShouldNotBeNull();
        late.TextContent.ShouldContain("late");
        Row(after).ClassList.ShouldContain("sg-overdue");
    }

    [Fact]
    public async Task OverdueContact_AlertsTheFrontDoorManagerOnTheirTray()
    {
        App.Time.Advance(TimeSpan.FromDays(7)); // every demo contact is now past its clock
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Core.Oversight.OverdueSweep>().RunAsync();
        }
        var manager = await App.SignInAsync("jo.bennett@northbridge.example");
        var worker = await App.SignInAsync("priya.shah@northbridge.example");

        var managersTray = await Html.ParseAsync(await manager.GetAsync("/front-door"));
        var workersTray = await Html.ParseAsync(await worker.GetAsync("/front-door"));

        managersTray.QuerySelector("#manager-alerts-title").ShouldNotBeNull();
        managersTray.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("late");
        workersTray.QuerySelector("#manager-alerts-title").ShouldBeNull();
    }

    private static AngleSharp.Dom.IElement Row(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=tray] tbody tr").Single(r => r.TextContent.Contains("Zoe Latecomer"));
}
