using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>The home page's tray of a worker's and their team's open work: most urgent first, a page at a time.</summary>
public sealed class WorkTrayPagingTests(SafeguardAppFactory app) : AppTests(app)
{
    /// <summary>61 items given to a social worker: 60 standard ones due soon and a child protection one due latest.</summary>
    private async Task<(string Prefix, HttpClient Client)> BusyWorkerAsync()
    {
        var prefix = "Paging " + Guid.NewGuid().ToString("N")[..6];
        var account = DemoAccounts.ForRole(Roles.SocialWorker);
        await using (var db = App.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == account.Email);
            var work = new WorkItems(db, new WorkClocks(WorkingDayCalendar.Default()));
            var now = App.Time.GetUtcNow();
            for (var i = 0; i <= 60; i++)
            {
                var cp = i == 60;
                var item = work.Open(WorkKind.Visit, Guid.NewGuid(), cp ? $"{prefix} child protection visit" : $"{prefix} visit {i:00}", user.TeamId!.Value,
                    cp ? Priority.ChildProtection : Priority.Standard, clockFrom: now.AddMinutes(cp ? 10_000 : i));
                work.Reassign(item, user.TeamId!.Value, user.Id);
            }
            await db.SaveChangesAsync();
        }
        return (prefix, await App.SignInAsync(account.Email));
    }

    [Fact]
    public async Task TheFirstPage_ShowsTheChildProtectionItem_AndThePagesTogetherShowEveryItemOnce()
    {
        var (prefix, client) = await BusyWorkerAsync();

        var first = await client.GetStringAsync("/");
        first.ShouldContain($"{prefix} child protection visit");
        first.ShouldContain("govuk-pagination");
        first.ShouldContain("rel=\"next\"");

        var seen = new List<string>();
        for (var page = 1; page <= 20; page++)
        {
            var html = await client.GetStringAsync($"/?pageNumber={page}");
            seen.AddRange(System.Text.RegularExpressions.Regex.Matches(html, $"{prefix} [a-z ]*\\d*").Select(m => m.Value.Trim()));
            if (!html.Contains("rel=\"next\"", StringComparison.Ordinal)) break;
        }
        seen.Distinct().Count().ShouldBe(61, string.Join("|", seen.Take(8)));
        seen.Count.ShouldBe(61);
        seen.ShouldBeUnique();
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("99999")]
    [InlineData("99999999999999999999")]
    public async Task ABadPageNumber_ShowsAPage_NeverAnError(string pageNumber)
    {
        var (_, client) = await BusyWorkerAsync();

        var response = await client.GetAsync($"/?pageNumber={pageNumber}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"open-work\"");
    }
}

/// <summary>The front-door tray's pages (100 contacts a page).</summary>
public sealed class FrontDoorTrayPagingTests(SafeguardAppFactory app) : AppTests(app)
{
    [Fact]
    public async Task PageTwo_ShowsTheContactsAfterTheFirstHundred()
    {
        var family = "Pagetest" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = App.CreateDbContext())
        {
            var intake = TestCommon.TestData.Intake(db);
            for (var i = 0; i < 101; i++)
            {
                await intake.RecordAsync(TestCommon.TestData.Contact([TestCommon.TestData.Child("Child" + (char)('a' + i % 26), family)], ["neglect"]));
            }
        }
        var client = await App.SignInAsRoleAsync(Roles.FrontDoorWorker);

        var first = await client.GetStringAsync("/front-door");
        var second = await client.GetStringAsync("/front-door?pageNumber=2");

        second.ShouldNotBe(first);
        second.ShouldContain("aria-current=\"page\" aria-label=\"Page 2\"", Case.Insensitive);
        (await client.GetAsync("/front-door?pageNumber=abc")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
