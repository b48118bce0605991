using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Security;
using Safeguard.Web.Tests.Api;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Fuzzing;

/// <summary>
/// The app the fuzzer attacks: the page-access matrix's app (same seeded council, same made-once records behind the
/// route values), with every page of the matrix opened once by a role allowed it and its forms read, so that a page added
/// to the matrix is fuzzed without a change here. Clients are signed in once and reused: no app start per input.
/// </summary>
public sealed class FuzzApp : PageAccessTests.Fixture
{
    private readonly Dictionary<string, HttpClient> _signedIn = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);

    /// <summary>A staff member no fuzzing client signs in as: the administration pages' forms may change or disable them.</summary>
    private const string AdministeredUser = "ben.taylor@northbridge.example";

    public List<(string Role, string Path)> Pages { get; } = [];
    public List<FormTarget> Forms { get; } = [];
    public Dictionary<string, List<string>> QueryNames { get; } = [];
    public Dictionary<string, string> Tokens { get; } = [];
    public FuzzValues Values { get; private set; } = null!;
    public List<Guid> KnownIds { get; } = [];
    public CreatedPartnerKeyPair ApiKeys { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Thousands of API requests a minute from one key: the rate limit is tested in its own tests, not here.
        builder.UseSetting("PartnerApi:RequestsPerMinute", "100000000");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = CreateDbContext())
        {
            var sizes = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                .Select(p => p.GetMaxLength()).OfType<int>().Where(l => l > 1).Distinct().ToList();
            // Other people's, other teams' and other organisations' ids, the restricted child's among them.
            KnownIds.AddRange(await db.Users.OrderBy(u => u.Email).Select(u => u.Id).Take(6).ToListAsync());
            KnownIds.AddRange(await db.Teams.Select(t => t.Id).Take(4).ToListAsync());
            KnownIds.AddRange(await db.Organisations.Select(o => o.Id).Take(4).ToListAsync());
            KnownIds.AddRange(await db.People.OrderByDescending(p => p.IsRestricted).Select(p => p.Id).Take(4).ToListAsync());
            KnownIds.AddRange(await db.Contacts.OrderBy(c => c.Reference).Select(c => c.Id).Take(4).ToListAsync());
            Values = new FuzzValues(sizes, KnownIds);
        }
        ApiKeys = new(await this.CreateKeyAsync(Core.Seeding.DemoAccounts.Police), await this.CreateKeyAsync(Core.Seeding.DemoAccounts.Health));
        await DiscoverAsync();
    }

    private async Task DiscoverAsync()
    {
        var administered = (await UserIdAsync(AdministeredUser)).ToString();
        foreach (var (template, permission) in PageAccessTests.Pages)
        {
            var role = Roles.All.First(r => permission is null || permission.Split('|').Any(p => RolePermissions.For(r).Contains(p)));
            var path = await ResolveAsync(template.StartsWith("/admin/", StringComparison.Ordinal) ? template.Replace("{user}", administered) : template);
            var client = await ClientAsync(role);
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{role} could not open {path}: {(int)response.StatusCode}");
            Pages.Add((role, path));
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            if (!Tokens.ContainsKey(role) && SafeguardAppFactory.AntiforgeryToken(html) is { Length: > 0 } token) Tokens[role] = token;
            Forms.AddRange(FormDiscovery.PostTargets(role, path, html));
            QueryNames[path] = [.. FormDiscovery.QueryNames(html)];
        }
        var anonymous = CreateBrowserlikeClient();
        var signIn = await anonymous.GetStringAsync("/sign-in");
        _signedIn["Anonymous"] = anonymous;
        Tokens["Anonymous"] = SafeguardAppFactory.AntiforgeryToken(signIn);
        Forms.AddRange(FormDiscovery.PostTargets("Anonymous", "/sign-in", signIn));
        Pages.Add(("Anonymous", "/sign-in"));
    }

    /// <summary>The role's signed-in client, made once and reused.</summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        await _signIn.WaitAsync();
        try
        {
            if (!_signedIn.TryGetValue(role, out var client)) _signedIn[role] = client = await SignInAsRoleAsync(role);
            return client;
        }
        finally { _signIn.Release(); }
    }

    /// <summary>Signs the role in again after a form ended its session (a changed password, a signed-out session).</summary>
    public async Task<HttpClient> SignInAgainAsync(string role)
    {
        await _signIn.WaitAsync();
        try
        {
            var client = await SignInAsRoleAsync(role);
            _signedIn[role] = client;
            var page = await client.GetStringAsync("/");
            Tokens[role] = SafeguardAppFactory.AntiforgeryToken(page);
            return client;
        }
        finally { _signIn.Release(); }
    }
}

public sealed record CreatedPartnerKeyPair(Core.FrontDoor.CreatedPartnerKey Own, Core.FrontDoor.CreatedPartnerKey Other);
