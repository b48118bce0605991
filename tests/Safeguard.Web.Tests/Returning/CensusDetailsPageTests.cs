using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.People.Identifiers;
using Safeguard.Core.Security;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Infrastructure.AllocationArrange;

namespace Safeguard.Web.Tests.Returning;

/// <summary>
/// A child's census details through their page, as a form without JavaScript posts it: DfE's codes and the UPN's check
/// letter checked with GOV.UK errors that keep what was typed, a referral's primary need, two saves at once, a refused role.
/// </summary>
public sealed class CensusDetailsPageTests(SafeguardAppFactory app) : AppTests(app)
{
    private static string Url(Guid childId) => $"/children/{childId}/census";

    private static readonly string GoodUpn = Upn.CheckLetterFor("201250000007") + "201250000007";

    private static async Task<List<KeyValuePair<string, string>>> PostedAsync(HttpClient client, Guid childId, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(Url(childId));
        var body = Html.AsPosted(page, Url(childId), fields);
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(page)));
        return body;
    }

    private static Dictionary<string, string> Details(Guid referralId, string upn, string ethnicity = "WBRI") => new()
    {
        ["Upn"] = upn, ["UpnUnknownReason"] = "", ["FormerUpn"] = "", ["Ethnicity"] = ethnicity, ["Disabilities"] = "HEAR",
        ["DateOfDeath.Day"] = "", ["DateOfDeath.Month"] = "", ["DateOfDeath.Year"] = "", [$"PrimaryNeeds[{referralId}]"] = "N4",
    };

    [Fact]
    public async Task AManagerFixesTheCensusDetails_AfterBeingToldWhatIsWrong()
    {
        var referral = await ReferralAsync(App, "Censusfix");
        var manager = await App.SignInAsync(Martin);
        Html.Parse(await manager.GetStringAsync($"/children/{referral.PersonId}")).QuerySelectorAll("a").Select(a => a.GetAttribute("href"))
            .ShouldContain(Url(referral.PersonId));

        var wrongLetter = (GoodUpn[0] == 'A' ? "B" : "A") + GoodUpn[1..];
        var refused = await manager.PostAsync(Url(referral.PersonId), new FormUrlEncodedContent(
            await PostedAsync(manager, referral.PersonId, Details(referral.Id, wrongLetter, ethnicity: "XXXX"))));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = Html.Parse(await refused.Content.ReadAsStringAsync());
        var summary = errors.QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent;
        summary.ShouldContain("Enter a UPN of 13 characters with the right check letter");
        summary.ShouldContain("Select the child's ethnicity");
        errors.QuerySelector("#Upn").ShouldNotBeNull().GetAttribute("value").ShouldBe(wrongLetter);

        var saved = await manager.PostAsync(Url(referral.PersonId), new FormUrlEncodedContent(
            await PostedAsync(manager, referral.PersonId, Details(referral.Id, GoodUpn.ToLowerInvariant()))));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        await using var read = App.CreateDbContext();
        var child = await read.People.AsNoTracking().SingleAsync(p => p.Id == referral.PersonId);
        (child.Upn, child.Ethnicity, child.Disabilities, child.UpnUnknownReason).ShouldBe((GoodUpn, "WBRI", "HEAR", (string?)null));
        (await read.Referrals.AsNoTracking().SingleAsync(r => r.Id == referral.Id)).PrimaryNeedCode.ShouldBe("N4");
    }

    [Fact]
    public async Task TwoPeopleSavingAtOnce_OneIsKept_TheOtherIsToldItChanged()
    {
        var referral = await ReferralAsync(App, "Censustwice");
        var martin = await App.SignInAsync(Martin);
        var helen = await App.SignInAsync(Helen);
        var first = await PostedAsync(martin, referral.PersonId, Details(referral.Id, GoodUpn));
        var second = await PostedAsync(helen, referral.PersonId, Details(referral.Id, "", ethnicity: "MWBC"));

        var results = await Task.WhenAll(
            martin.PostAsync(Url(referral.PersonId), new FormUrlEncodedContent(first)),
            helen.PostAsync(Url(referral.PersonId), new FormUrlEncodedContent(second)));

        results.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Conflict], ignoreOrder: true);
        await using var read = App.CreateDbContext();
        var child = await read.People.AsNoTracking().SingleAsync(p => p.Id == referral.PersonId);
        // One person's details whole, never a mix of the two.
        new (string?, string?)[] { (GoodUpn, "WBRI"), (null, "MWBC") }.ShouldContain((child.Upn, child.Ethnicity));
    }

    [Fact]
    public async Task TheReasonsForNoUpn_AreDfEsTenCodesInDfEsWords()
    {
        var referral = await ReferralAsync(App, "Censusreasons");
        var manager = await App.SignInAsync(Martin);

        var options = Html.Parse(await manager.GetStringAsync(Url(referral.PersonId))).QuerySelectorAll("#UpnUnknownReason option")
            .Where(o => o.GetAttribute("value") is { Length: > 0 }).ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());

        options.Keys.ShouldBe(Enumerable.Range(1, 10).Select(n => $"UN{n}"));
        options.Values.ShouldAllBe(text => !text.Contains("see DfE", StringComparison.Ordinal));
        options["UN6"].ShouldBe("UN6: Child is not looked after, and the authority is unable to obtain the UPN");
        options["UN10"].ShouldBe("UN10: Request for assessment resulted in no further action before UPN or ULN known");
    }

    [Fact]
    public async Task APerformanceAnalyst_CannotChangeThem()
    {
        var referral = await ReferralAsync(App, "Censusrefused");
        var analyst = await App.SignInAsRoleAsync(Roles.PerformanceAnalyst);

        (await analyst.GetAsync(Url(referral.PersonId))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = Details(referral.Id, GoodUpn).Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        body.Add(new("Version", "1"));
        body.Add(new("__RequestVerificationToken", SafeguardAppFactory.AntiforgeryToken(await analyst.GetStringAsync("/"))));
        (await analyst.PostAsync(Url(referral.PersonId), new FormUrlEncodedContent(body))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var read = App.CreateDbContext();
        (await read.People.AsNoTracking().SingleAsync(p => p.Id == referral.PersonId)).Upn.ShouldBeNull();
    }

    /// <summary>Found by the fuzz suite: an empty Disabilities value binds as null, which the check then trimmed (a 500).</summary>
    [Fact]
    public async Task AnEmptyDisabilitiesValue_WithOtherMistakes_IsAnsweredWithTheErrors_NotAServerError()
    {
        var referral = await ReferralAsync(App, "Censusempty");
        var worker = await App.SignInAsync("jo.bennett@northbridge.example");
        var fields = new Dictionary<string, string>
        {
            ["Upn"] = "the child was seen t" + new string('x', 19_981), ["UpnUnknownReason"] = "", ["FormerUpn"] = "Fuzz", ["Ethnicity"] = "MWBA",
            ["Disabilities"] = "", ["DateOfDeath.Day"] = "2", ["DateOfDeath.Month"] = "2", ["DateOfDeath.Year"] = new string('\u00e9', 65),
            [$"PrimaryNeeds[{referral.Id}]"] = new string('a', 320), ["Seen"] = "970",
        };
        var refused = await worker.PostAsync(Url(referral.PersonId), new FormUrlEncodedContent(await PostedAsync(worker, referral.PersonId, fields)));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        var summary = Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary").ShouldNotBeNull().TextContent;
        summary.ShouldContain("Enter a UPN of 13 characters");
        summary.ShouldContain("The date of death must be a real date");
        summary.ShouldContain("Select the primary need");
        summary.ShouldNotContain("Select disabilities from the list");
    }
}
