using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.People;
using Safeguard.Web.Tests.Api;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>Which record a child is linked to from each door, and what the referrer sent kept beside it.</summary>
public sealed class ChildLinkingPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string FrontDoorWorker = "priya.shah@northbridge.example";
    private const string PolicePartner = "pc.jones@police.example";
    private static readonly DateOnly Born = new(2017, 9, 8);

    private Dictionary<string, string> Contact(string given, string family, DateOnly dob, string? nhs = null, string line1 = "12 Canal Walk",
        string postcode = "NB3 5RT") => new Dictionary<string, string>
    {
        ["Form.Children[0].GivenName"] = given, ["Form.Children[0].FamilyName"] = family,
        ["Form.Children[0].DateOfBirth.Day"] = dob.Day.ToString(), ["Form.Children[0].DateOfBirth.Month"] = dob.Month.ToString(),
        ["Form.Children[0].DateOfBirth.Year"] = dob.Year.ToString(), ["Form.Children[0].Sex"] = "Female",
        ["Form.Children[0].NhsNumber"] = nhs ?? "", ["Form.Children[0].AddressLine1"] = line1, ["Form.Children[0].Town"] = "Northbridge",
        ["Form.Children[0].Postcode"] = postcode,
        ["Form.ReferrerName"] = "Sue Black", ["Form.ReferrerOrganisation"] = "Hillside Nursery", ["Form.ReferrerEmail"] = "sue@hillside.example",
        ["Form.Concern"] = "The child came in with bruises on both arms and would not say how.", ["Form.Categories"] = "physical-abuse",
        ["Form.InjurySeen"] = "yes", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "no",
    }.ReceivedBy(App.Time.GetUtcNow());

    private async Task<Person> KnownAsync(string given, string family, string? nhs = null)
    {
        await using var db = App.CreateDbContext();
        var person = new Person(given, family, Born, Sex.Female) { NhsNumber = nhs };
        person.Addresses.Add(new PersonAddress("12 Canal Walk", "Northbridge", "NB3 5RT", new DateOnly(2021, 1, 1)));
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    private async Task<List<Guid>> LinkedAsync(string concern)
    {
        await using var db = App.CreateDbContext();
        return await db.ContactChildren.Where(cc => db.Contacts.Any(c => c.Id == cc.ContactId && c.Concern == concern)).Select(cc => cc.PersonId).ToListAsync();
    }

    [Fact]
    public async Task OfferedRecords_WithNoChoice_AreRefusedByTheChild_KeepingWhatWasTyped()
    {
        var client = await App.SignInAsync(FrontDoorWorker);
        var known = await KnownAsync("Nadia", "Quill", nhs: "4010232137");
        var form = Contact("Nadia", "Quill", Born, nhs: "4010232137");
        form["find"] = "0";
        var found = await Html.ParseAsync(await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new?handler=Find", form, "/front-door/contacts/new"));
        var offered = found.QuerySelector("[name='Form.Children[0].Offered']").ShouldNotBeNull().GetAttribute("value").ShouldNotBeNull();
        offered.ShouldContain(known.Id.ToString());
        // A strong match is offered, but nothing is chosen for the worker.
        found.QuerySelector("[data-testid=candidates-0]")!.TextContent.ShouldContain("Strong match");
        found.QuerySelectorAll("[name='Form.Children[0].PersonId'][checked]").ShouldBeEmpty();
        form.Remove("find");
        form["Form.Children[0].Offered"] = offered;

        var response = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Select the existing record or 'None of these'");
        page.QuerySelector(".govuk-error-summary a[href='#Form_Children_0__PersonId']").ShouldNotBeNull();
        var offer = page.QuerySelector("[data-testid=candidates-0]").ShouldNotBeNull();
        offer.ClassList.ShouldContain("govuk-form-group--error");
        offer.QuerySelector(".govuk-error-message")!.TextContent.ShouldContain("Select the existing record or 'None of these'");
        page.QuerySelector("#Form_Children_0__PersonId")!.GetAttribute("value").ShouldBe(known.Id.ToString());
        page.QuerySelector("[name='Form.Children[0].GivenName']")!.GetAttribute("value").ShouldBe("Nadia");
    }

    [Fact]
    public async Task NoneOfThese_IsHonoured_EvenAgainstAStrongMatch()
    {
        var client = await App.SignInAsync(FrontDoorWorker);
        var known = await KnownAsync("Olive", "Quartermain", nhs: "9990001006");
        var form = Contact("Olive", "Quartermain", Born, nhs: "9990001006");
        form["Form.Concern"] = "Olive: none of these was chosen.";
        form["Form.Children[0].Offered"] = known.Id.ToString();
        form["Form.Children[0].PersonId"] = LinkChoice.CreateNewValue;

        (await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var linked = (await LinkedAsync("Olive: none of these was chosen.")).ShouldHaveSingleItem();
        linked.ShouldNotBe(known.Id);
    }

    [Fact]
    public async Task ChoosingAKnownChild_WithoutJavaScript_RecordsWithTheRecordsDetails_AndKeepsWhatWasTyped()
    {
        var client = await App.SignInAsync(FrontDoorWorker);
        var known = await KnownAsync("Petra", "Quinlan");
        var form = Contact("Pet", "Quinlan", Born.AddDays(3));
        form["Form.Children[0].Sex"] = "";
        form["Form.Children[0].AddressLine1"] = "";
        form["Form.Children[0].Postcode"] = "";
        form["Form.Concern"] = "Petra: chosen from the records offered.";
        form["Form.Children[0].Offered"] = known.Id.ToString();
        form["Form.Children[0].PersonId"] = known.Id.ToString();

        var response = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LinkedAsync("Petra: chosen from the records offered.")).ShouldBe([known.Id]);
        await using var db = App.CreateDbContext();
        var child = await db.ContactChildren.SingleAsync(cc => cc.PersonId == known.Id);
        child.SentGivenName.ShouldBe("Pet");
        child.SentDateOfBirth.ShouldBe(Born.AddDays(3));
        // The work title names the child as the record does.
        (await db.WorkItems.AnyAsync(w => w.SubjectId == child.ContactId && w.Title.Contains("Petra Quinlan"))).ShouldBeTrue();
        var decision = await Html.ParseAsync(await client.GetAsync(response.Headers.Location!.ToString()));
        var asSent = decision.QuerySelector("[data-testid=as-sent]").ShouldNotBeNull().TextContent;
        asSent.ShouldContain("As sent");
        asSent.ShouldContain("Pet");
        asSent.ShouldContain("Petra");
    }

    [Fact]
    public async Task AnUnknownChosenRecord_IsAnErrorByTheChild_NotAServerError()
    {
        var client = await App.SignInAsync(FrontDoorWorker);
        var form = Contact("Quentin", "Quarry", Born);
        form["Form.Children[0].PersonId"] = Guid.NewGuid().ToString();

        var response = await SafeguardAppFactory.PostFormAsync(client, "/front-door/contacts/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The chosen record was not found");
    }

    [Theory]
    [InlineData("known")]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("new")]
    public async Task APartnersForm_NeverLinksToAPostedRecord(string posted)
    {
        var partner = await App.SignInAsync(PolicePartner);
        var other = await KnownAsync("Rosa", "Quennell");
        var concern = $"Rosa Quentin: a partner posted '{posted}' as the record.";
        var form = Contact("Rosa", "Quentin", Born.AddYears(1));
        form["Form.Concern"] = concern;
        form["Form.Children[0].PersonId"] = posted == "known" ? other.Id.ToString() : posted;

        var response = await SafeguardAppFactory.PostFormAsync(client: partner, "/partner/referrals/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var linked = (await LinkedAsync(concern)).ShouldHaveSingleItem();
        linked.ShouldNotBe(other.Id);
    }

    [Fact]
    public async Task APartner_SeesTheNamesItSent_EvenAfterTheRecordIsRenamed()
    {
        var partner = await App.SignInAsync(PolicePartner);
        var form = Contact("Sasha", "Quayle", Born.AddYears(2));
        form["Form.Concern"] = "Sasha: the name as sent by the police.";
        (await SafeguardAppFactory.PostFormAsync(partner, "/partner/referrals/new", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = App.CreateDbContext())
        {
            var personId = (await LinkedAsync("Sasha: the name as sent by the police.")).Single();
            var person = await db.People.SingleAsync(p => p.Id == personId);
            person.GivenName = "Alexandra";
            person.FamilyName = "Quayle-Smith";
            await db.SaveChangesAsync();
        }
        await using var read = App.CreateDbContext();
        var contactId = await read.Contacts.Where(c => c.Concern == "Sasha: the name as sent by the police.").Select(c => c.Id).SingleAsync();

        var list = await partner.GetStringAsync("/partner");
        var one = await partner.GetStringAsync($"/partner/referrals/{contactId}");

        list.ShouldContain("Sasha Quayle");
        list.ShouldNotContain("Alexandra");
        one.ShouldContain("Sasha Quayle");
        one.ShouldNotContain("Alexandra");
    }

    [Fact]
    public async Task TheApi_LinksOnAnAgreeingNhsNumber_ButANearMissMakesANewRecordForReview()
    {
        var key = await App.CreateKeyAsync("Northbridge Police");
        var api = App.ApiClient(key.Key);
        var known = await KnownAsync("Tamsin", "Quarrie", nhs: "4857773457");

        var agreeing = await api.PostReferralAsync(PartnerApiTestHelpers.Referral("Tamzin", "Quarry", Born.ToString("yyyy-MM-dd"), nhs: "485 777 3457"));
        var nearMiss = await api.PostReferralAsync(PartnerApiTestHelpers.Referral("Tamsim", "Quarrie", Born.AddDays(1).ToString("yyyy-MM-dd")));

        agreeing.StatusCode.ShouldBe(HttpStatusCode.Created);
        nearMiss.StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var db = App.CreateDbContext();
        var agreeingId = Guid.Parse(JsonNode.Parse(await agreeing.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        var nearMissId = Guid.Parse(JsonNode.Parse(await nearMiss.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        (await db.ContactChildren.SingleAsync(cc => cc.ContactId == agreeingId)).PersonId.ShouldBe(known.Id);
        var newPerson = (await db.ContactChildren.SingleAsync(cc => cc.ContactId == nearMissId)).PersonId;
        newPerson.ShouldNotBe(known.Id);
        var (first, second) = DuplicateCandidate.Order(known.Id, newPerson);
        (await db.DuplicateCandidates.CountAsync(c => c.PersonId1 == first && c.PersonId2 == second && c.Status == DuplicateStatus.Open)).ShouldBe(1);
    }
}
