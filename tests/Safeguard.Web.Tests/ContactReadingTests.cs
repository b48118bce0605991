using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.FrontDoor;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>The people who act on a contact can read it, and a worker deciding again sees why it came back.</summary>
public sealed class ContactReadingTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string SocialWorker = "sam.okafor@northbridge.example";
    private const string Worker = "tom.evans@northbridge.example";
    private const string Manager = "jo.bennett@northbridge.example";

    private async Task<Guid> NewContactAsync(string given, params string[] categories)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ContactIntake>();
        var child = TestData.Child(given, "Reader" + Guid.NewGuid().ToString("N")[..6], new DateOnly(2016, 2, 2));
        return (await intake.RecordAsync(TestData.Contact([child], categories))).Id;
    }

    [Fact]
    public async Task SocialWorker_CanReadAContact_AndTheViewIsAudited_ButCannotDecideIt()
    {
        var id = await NewContactAsync("Iris", "neglect");
        var socialWorker = await App.SignInAsync(SocialWorker);

        var page = await socialWorker.GetAsync($"/front-door/contacts/{id}");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await Html.ParseAsync(page);
        html.Body!.TextContent.ShouldContain("Neighbours heard a child screaming");
        html.QuerySelector("input[name=Outcome]").ShouldBeNull("no decision form for someone who cannot decide");
        await using var db = App.CreateDbContext();
        var reader = await App.UserIdAsync(SocialWorker);
        (await db.Events.CountAsync(e => e.Type == RecordViewed.Name && e.SubjectId == id && e.ActorUserId == reader)).ShouldBe(1);

        var decide = await SafeguardAppFactory.PostFormAsync(socialWorker, $"/front-door/contacts/{id}",
            new() { ["Outcome"] = "EarlyHelp", ["Reasons"] = "I should not be able to decide this" });

        decide.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id)).Status.ShouldBe(ContactStatus.AwaitingDecision);
        (await db.Events.CountAsync(e => e.SubjectId == id && e.ActorUserId == reader && e.Type != RecordViewed.Name)).ShouldBe(0);
    }

    [Theory]
    [InlineData("pc.jones@police.example")]
    [InlineData("alex.admin@northbridge.example")]
    public async Task PartnersAndAdministrators_CannotReadAContact(string email)
    {
        var id = await NewContactAsync("Jade", "neglect");
        var client = await App.SignInAsync(email);

        var response = await client.GetAsync($"/front-door/contacts/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = App.CreateDbContext();
        (await db.Events.CountAsync(e => e.Type == RecordViewed.Name && e.SubjectId == id)).ShouldBe(0);
    }

    [Fact]
    public async Task SocialWorker_StillCannotUseTheRestOfTheFrontDoor()
    {
        var socialWorker = await App.SignInAsync(SocialWorker);

        (await socialWorker.GetAsync("/front-door")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await socialWorker.GetAsync("/front-door/contacts/new")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReturnedDecision_ShowsTheWorkerTheReasonAndTheEarlierProposal_AndTheTraySaysItWasReturned()
    {
        var id = await NewContactAsync("Kit", "physical-abuse");
        var worker = await App.SignInAsync(Worker);
        var manager = await App.SignInAsync(Manager);
        (await SafeguardAppFactory.PostFormAsync(worker, $"/front-door/contacts/{id}",
            new() { ["Outcome"] = "NoFurtherAction", ["Reasons"] = "GP says the mark is a birthmark" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var returned = await SafeguardAppFactory.PostFormAsync(manager, $"/front-door/contacts/{id}?handler=Return",
            new() { ["ReturnReason"] = "Ask the school whether they have seen other marks" }, $"/front-door/contacts/{id}");

        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await Html.ParseAsync(await worker.GetAsync($"/front-door/contacts/{id}"));
        var block = page.QuerySelector("[data-testid=returned]").ShouldNotBeNull().TextContent;
        block.ShouldContain("Ask the school whether they have seen other marks");
        block.ShouldContain("Jo Bennett");
        block.ShouldContain("no further action");
        block.ShouldContain("GP says the mark is a birthmark");
        block.ShouldContain("Tom Evans");
        page.QuerySelector("input[name=Outcome]").ShouldNotBeNull("the worker can decide again");
        var tray = await Html.ParseAsync(await worker.GetAsync("/front-door"));
        var reference = (await App.CreateDbContext().Contacts.SingleAsync(c => c.Id == id)).Reference;
        tray.QuerySelector($"[data-reference='{reference}'] [data-testid=returned]").ShouldNotBeNull();
    }

    [Fact]
    public async Task ConfirmingAfterAnotherManagerReturnedIt_SavesNothing_AndSaysItWasReturned()
    {
        var id = await NewContactAsync("Lux", "physical-abuse");
        var worker = await App.SignInAsync(Worker);
        var manager = await App.SignInAsync(Manager);
        await SafeguardAppFactory.PostFormAsync(worker, $"/front-door/contacts/{id}",
            new() { ["Outcome"] = "NoFurtherAction", ["Reasons"] = "Explained by the GP" });
        await SafeguardAppFactory.PostFormAsync(manager, $"/front-door/contacts/{id}?handler=Return",
            new() { ["ReturnReason"] = "Check with the school" }, $"/front-door/contacts/{id}");

        var confirm = await SafeguardAppFactory.PostFormAsync(manager, $"/front-door/contacts/{id}?handler=Confirm", [], $"/front-door/contacts/{id}");

        confirm.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Html.ParseAsync(confirm)).QuerySelector("[data-testid=changed-elsewhere]").ShouldNotBeNull()
            .TextContent.ShouldContain("It was returned by Jo Bennett");
        await using var db = App.CreateDbContext();
        (await db.Contacts.SingleAsync(c => c.Id == id)).Status.ShouldBe(ContactStatus.AwaitingDecision);
        (await db.FeedbackMessages.CountAsync(m => m.ContactId == id)).ShouldBe(0);
    }
}
