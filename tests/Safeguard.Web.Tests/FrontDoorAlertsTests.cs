using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Oversight;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

public sealed class FrontDoorAlertsTests(SafeguardAppFactory app) : AppTests(app)
{
    /// <summary>An open allocation (not yet due, so the sweep leaves it alone) on the front door tray, with an alert about it.</summary>
    private async Task<Alert> AlertAsync(string message)
    {
        await using var db = App.CreateDbContext();
        var team = await db.Teams.SingleAsync(t => t.Name == DemoAccounts.FrontDoorTeam);
        var now = App.Time.GetUtcNow();
        var subject = Guid.NewGuid();
        new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default())).Open(WorkKind.Allocation, subject, "Allocate test child", team.Id, Priority.Standard);
        var alert = new Alert(AlertKind.AllocationOverdue, subject, team.Id, message, now);
        db.Alerts.Add(alert);
        await db.SaveChangesAsync();
        return alert;
    }

    [Fact]
    public async Task Acknowledge_IsRefusedToASocialWorker()
    {
        var alert = await AlertAsync("Refused alert " + Guid.NewGuid());
        var client = await App.SignInAsRoleAsync(Roles.SocialWorker);

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/front-door/alerts/{alert.Id}/acknowledge", [], formPage: "/");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.Alerts.SingleAsync(a => a.Id == alert.Id)).AcknowledgedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Acknowledge_ByTheTeamManager_RecordsWhoAndWhen_AndTheAlertLeavesTheList()
    {
        var message = "Accepted alert " + Guid.NewGuid();
        var alert = await AlertAsync(message);
        var manager = DemoAccounts.All.First(a => a.Role == Roles.TeamManager && a.Team == DemoAccounts.FrontDoorTeam);
        var client = await App.SignInAsync(manager.Email);
        (await client.GetStringAsync("/front-door/alerts")).ShouldContain(message);

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/front-door/alerts/{alert.Id}/acknowledge",
            new() { ["returnUrl"] = "/front-door/alerts" }, formPage: "/front-door/alerts");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/front-door/alerts");
        await using var db = App.CreateDbContext();
        var saved = await db.Alerts.SingleAsync(a => a.Id == alert.Id);
        saved.AcknowledgedAt.ShouldNotBeNull();
        saved.AcknowledgedByUserId.ShouldBe(await App.UserIdAsync(manager.Email));
        (await db.Events.CountAsync(e => e.Type == AlertAcknowledged.Name && e.SubjectId == alert.Id)).ShouldBe(1);
        (await client.GetStringAsync("/front-door/alerts")).ShouldNotContain(message);
    }

    [Fact]
    public async Task Acknowledge_ByAnotherTeamsManager_IsNotFound_AndTheAlertStaysOpen()
    {
        var message = "Not your team's alert " + Guid.NewGuid();
        var alert = await AlertAsync(message);
        var manager = DemoAccounts.All.First(a => a.Role == Roles.TeamManager && a.Team == DemoAccounts.ChildProtectionTeam);
        var client = await App.SignInAsync(manager.Email);
        (await client.GetStringAsync("/front-door/alerts")).ShouldNotContain(message);

        var response = await SafeguardAppFactory.PostFormAsync(client, $"/front-door/alerts/{alert.Id}/acknowledge",
            new() { ["returnUrl"] = "/front-door/alerts" }, formPage: "/front-door/alerts");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = App.CreateDbContext();
        (await db.Alerts.SingleAsync(a => a.Id == alert.Id)).AcknowledgedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Acknowledge_WithoutAnAntiforgeryToken_IsRejected()
    {
        var alert = await AlertAsync("No token " + Guid.NewGuid());
        var manager = DemoAccounts.All.First(a => a.Role == Roles.TeamManager && a.Team == DemoAccounts.FrontDoorTeam);
        var client = await App.SignInAsync(manager.Email);

        var response = await client.PostAsync($"/front-door/alerts/{alert.Id}/acknowledge", new FormUrlEncodedContent([]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
