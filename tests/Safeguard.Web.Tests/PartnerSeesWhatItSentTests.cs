using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Records;
using Safeguard.Core.People;
using Safeguard.Web.Tests.Api;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>
/// A partner only ever sees what it sent (PartnerReferrals), on its pages and through the API, whatever the council's
/// person index later says; and a partner's form never chooses the record a child is linked to.
/// </summary>
public sealed class PartnerSeesWhatItSentTests(SafeguardAppFactory app) : AppTests(app)
{
    private const string PolicePartner = "pc.jones@police.example";
    private static readonly DateOnly Born = new(2016, 5, 14);

    private Dictionary<string, string> Referral(string given, string family, string concern) => new()
    {
        ["Form.Children[0].GivenName"] = given, ["Form.Children[0].FamilyName"] = family,
        ["Form.Children[0].DateOfBirth.Day"] = Born.Day.ToString(CultureInfo.InvariantCulture),
        ["Form.Children[0].DateOfBirth.Month"] = Born.Month.ToString(CultureInfo.InvariantCulture),
        ["Form.Children[0].DateOfBirth.Year"] = Born.Year.ToString(CultureInfo.InvariantCulture), ["Form.Children[0].Sex"] = "Male",
        ["Form.Children[0].AddressLine1"] = "7 Tanners Row", ["Form.Children[0].Town"] = "Northbridge", ["Form.Children[0].Postcode"] = "NB4 2LP",
        ["Form.ReferrerName"] = "PC Rhys Jones", ["Form.ReferrerEmail"] = "rhys.jones@police.example",
        ["Form.Concern"] = concern, ["Form.Categories"] = "neglect",
        ["Form.InjurySeen"] = "no", ["Form.ImmediateRisk"] = "no", ["Form.ParentsAware"] = "yes",
    };

    private async Task<Person> PersonAsync(string given, string family, bool withAddress = true)
    {
        await using var db = App.CreateDbContext();
        var person = new Person(given, family, Born, Sex.Male);
        if (withAddress) person.Addresses.Add(new PersonAddress("7 Tanners Row", "Northbridge", "NB4 2LP", new DateOnly(2020, 1, 1)));
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    private async Task<(Guid ContactId, Guid PersonId)> LinkedAsync(string concern)
    {
        await using var db = App.CreateDbContext();
        var contact = await db.Contacts.Include(c => c.Children).SingleAsync(c => c.Concern == concern);
        return (contact.Id, contact.Children.Single().PersonId);
    }

    /// <summary>The council renames the child's record, then merges it into another record with another name.</summary>
    private async Task RenameAndMergeAsync(Guid personId, string family)
    {
        var survivor = await PersonAsync("Alexander", $"{family}-Renamed", withAddress: false);
        await using var db = App.CreateDbContext();
        var person = await db.People.SingleAsync(p => p.Id == personId);
        person.GivenName = "Corrected";
        await db.SaveChangesAsync();
        await new PersonMerging(db).MergeAsync(survivor.Id, personId, "The same child, known by another name");
        (await db.ContactChildren.Where(cc => cc.PersonId == personId).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ThePartnerPages_ShowTheNameSent_AfterTheRecordIsRenamedAndMerged()
    {
        var partner = await App.SignInAsync(PolicePartner);
        const string concern = "Page: Sami Tranter was left alone overnight.";
        (await SafeguardAppFactory.PostFormAsync(partner, "/partner/referrals/new", Referral("Sami", "Tranter", concern)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (contactId, personId) = await LinkedAsync(concern);

        await RenameAndMergeAsync(personId, "Tranter");

        var list = await partner.GetStringAsync("/partner");
        var one = await partner.GetStringAsync($"/partner/referrals/{contactId}");
        foreach (var page in new[] { list, one })
        {
            page.ShouldContain("Sami Tranter");
            page.ShouldNotContain("Corrected");
            page.ShouldNotContain("Alexander");
        }
    }

    [Fact]
    public async Task TheApi_ReturnsTheNameSent_AfterTheRecordIsRenamedAndMerged()
    {
        var key = await App.CreateKeyAsync("Northbridge Police");
        var api = App.ApiClient(key.Key);
        var created = await api.PostReferralAsync(PartnerApiTestHelpers.Referral("Jonah", "Pellow", Born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        (await created.JsonAsync()).GetProperty("children")[0].GetProperty("givenName").GetString().ShouldBe("Jonah");
        await using (var db = App.CreateDbContext())
        {
            await RenameAndMergeAsync((await db.ContactChildren.SingleAsync(cc => cc.ContactId == id)).PersonId, "Pellow");
        }

        var one = await (await api.GetAsync($"/api/v1/referrals/{id}")).JsonAsync();
        var list = await (await api.GetAsync("/api/v1/referrals?since=2000-01-01T00:00:00Z&limit=500")).JsonAsync();

        var child = one.GetProperty("children").EnumerateArray().ShouldHaveSingleItem();
        (child.GetProperty("givenName").GetString(), child.GetProperty("familyName").GetString()).ShouldBe(("Jonah", "Pellow"));
        var listed = list.GetProperty("referrals").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        listed.GetProperty("children")[0].GetProperty("givenName").GetString().ShouldBe("Jonah");
        foreach (var json in new[] { one, listed })
        {
            var text = JsonSerializer.Serialize(json);
            text.ShouldNotContain("Corrected");
            text.ShouldNotContain("Alexander");
        }
    }

    [Theory]
    [InlineData("another person's id", true)]
    [InlineData("another person's id", false)]
    [InlineData("a random id", true)]
    [InlineData("a random id", false)]
    [InlineData("not an id", true)]
    [InlineData("not an id", false)]
    [InlineData("new", true)]
    public async Task APartnersForm_IgnoresAPostedRecord_AndLinksAsIfNoneWasPosted(string posted, bool matchesARecord)
    {
        var partner = await App.SignInAsync(PolicePartner);
        var family = "Quarm" + posted switch { "another person's id" => "ann", "a random id" => "ran", "not an id" => "nid", _ => "new" }
            + (matchesARecord ? "ton" : "ley");
        var match = matchesARecord ? await PersonAsync("Ezra", family) : null;
        var other = await PersonAsync("Other", $"{family}x");
        var concern = $"Ezra {family}: the partner posted {posted}.";
        var form = Referral("Ezra", family, concern);
        form["Form.Children[0].PersonId"] = posted switch
        {
            "another person's id" => other.Id.ToString(),
            "a random id" => Guid.NewGuid().ToString(),
            "not an id" => "'; drop table people; --",
            _ => posted,
        };
        form["Form.Children[0].Offered"] = other.Id.ToString();
        int peopleBefore;
        await using (var db = App.CreateDbContext()) peopleBefore = await db.People.CountAsync();

        var response = await SafeguardAppFactory.PostFormAsync(partner, "/partner/referrals/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, linked) = await LinkedAsync(concern);
        linked.ShouldNotBe(other.Id);
        await using var after = App.CreateDbContext();
        if (match is not null)
        {
            // The person index's own rule (the same names, date of birth and address) links it, as with nothing posted.
            linked.ShouldBe(match.Id);
            (await after.People.CountAsync()).ShouldBe(peopleBefore);
        }
        else
        {
            (await after.People.CountAsync()).ShouldBe(peopleBefore + 1);
            (await after.People.SingleAsync(p => p.Id == linked)).FamilyName.ShouldBe(family);
        }
    }
}
