using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Seeding;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Api;

/// <summary>POST /api/v1/referrals through the group-commit intake writer: concurrent partners, each its own actor.</summary>
public sealed class GroupCommitApiTests(SafeguardAppFactory app) : AppTests(app)
{
    [Fact]
    public async Task ConcurrentPosts_FromSeveralPartners_AreEachRecordedOnce_AsTheirOwnOrganisation()
    {
        var organisations = new[] { DemoAccounts.Police, DemoAccounts.Health, DemoAccounts.School };
        var clients = new List<(string Organisation, HttpClient Client)>();
        foreach (var organisation in organisations) clients.Add((organisation, App.ApiClient((await App.CreateKeyAsync(organisation)).Key)));

        var posts = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            var (organisation, client) = clients[i % clients.Count];
            var response = await client.PostReferralAsync(PartnerApiTestHelpers.Referral(given: "Batch", family: $"Child{i}"));
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
            // The 201 is sent only after the commit: another connection sees the referral at once.
            await using var fresh = App.CreateDbContext();
            (await fresh.Contacts.AnyAsync(c => c.Id == id)).ShouldBeTrue();
            return (organisation, id);
        }));

        posts.Select(p => p.id).Distinct().Count().ShouldBe(30);
        await using var db = App.CreateDbContext();
        foreach (var (organisation, id) in posts)
        {
            var actors = await db.Events.Where(e => e.SubjectId == id).Select(e => e.ActorName).Distinct().ToListAsync();
            actors.ShouldBe([$"{organisation} (API)"]);
        }
    }

    [Fact]
    public async Task ConcurrentPosts_WithOneIdempotencyKey_MakeOneReferral()
    {
        var client = App.ApiClient((await App.CreateKeyAsync(DemoAccounts.Police)).Key);
        var key = Guid.NewGuid().ToString();
        var body = PartnerApiTestHelpers.Referral(given: "Same", family: "Key");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostReferralAsync(body, key)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(7);
        var ids = new HashSet<string>();
        foreach (var response in responses) ids.Add(response.Headers.Location!.ToString());
        ids.Count.ShouldBe(1);
        await using var db = App.CreateDbContext();
        (await db.IdempotencyRecords.CountAsync(r => r.Key == key)).ShouldBe(1);
    }
}
