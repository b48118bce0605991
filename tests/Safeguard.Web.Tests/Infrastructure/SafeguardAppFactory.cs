using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Seeding;
using Safeguard.Core.Security;
using Safeguard.TestCommon;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>
/// The real Safeguard web app on a real database of its own (SQLite or PostgreSQL), seeded with the demo council,
/// with a clock the test controls. Runs as in production ("Testing" environment: JSON logs, exception page).
/// </summary>
public class SafeguardAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised");

    /// <summary>The setting Security:RequireTwoFactor for this app (on in production, off for most tests).</summary>
    protected virtual bool RequireTwoFactor => false;
    /// <summary>Another app's database, when this app is a second instance on it; null: a database of its own.</summary>
    protected virtual TestDatabase? SharedDatabase => null;

    public virtual async Task InitializeAsync()
    {
        _database = SharedDatabase ?? await TestDatabase.CreateEmptyAsync();
        _ = Services; // start the host: migrations and demo seed run now
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null && SharedDatabase is null) await _database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Safeguard", Database.ConnectionString);
        builder.UseSetting("Demo:SeedOnStart", "true");
        builder.UseSetting("Demo:Enabled", "true");
        // The notification worker runs as in production, sending to a port where nothing listens (port 1 refuses).
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", "1");
        // Tests refresh the dashboard's daily figures themselves when they mean to (otherwise the page computes them now).
        builder.UseSetting("Performance:RefreshEnabled", "false");
        // Off, so tests sign in with a password alone; two-factor tests use TwoFactorAppFactory, where it is on.
        builder.UseSetting("Security:RequireTwoFactor", RequireTwoFactor ? "true" : "false");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    public SafeguardDbContext CreateDbContext() => Database.CreateContext(Time);

    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real sign-in form, as a person would.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = DemoAccounts.Password)
    {
        var client = CreateBrowserlikeClient();
        var response = await PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    public Task<HttpClient> SignInAsRoleAsync(string role) => SignInAsync(DemoAccounts.ForRole(role).Email);

    /// <summary>
    /// GETs the page as a browser would, then posts its form with the page's antiforgery token and hidden inputs (the
    /// version it showed, a one-time key) and the given fields, which win over hidden inputs of the same name.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path);
        var token = AntiforgeryToken(page);
        var body = Html.AsPosted(page, path, fields);
        body.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    /// <summary>A file a test uploads: the form field, the name the browser sends, its bytes and the type the browser claims.</summary>
    public sealed record UploadedFile(string Field, string FileName, byte[] Content, string ContentType = "application/octet-stream");

    /// <summary>
    /// GETs the page as a browser would, then posts a file-upload form (multipart/form-data) with the page's antiforgery
    /// token, the given fields and files. <paramref name="formPage"/>: the page the form is on, when not <paramref name="path"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string path, Dictionary<string, string> fields,
        IReadOnlyList<UploadedFile> files, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path);
        return await client.PostAsync(path, Multipart(AntiforgeryToken(page), fields, files));
    }

    /// <summary>A multipart/form-data body as a browser sends a file-upload form.</summary>
    public static MultipartFormDataContent Multipart(string antiforgeryToken, Dictionary<string, string> fields, IReadOnlyList<UploadedFile> files)
    {
        var body = new MultipartFormDataContent { { new StringContent(antiforgeryToken), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            body.Add(content, file.Field, file.FileName);
        }
        return body;
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"") is { Success: true } m
            ? m.Groups[1].Value
            : Regex.Match(html, "type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    public async Task<Guid> DemoChildIdAsync(string givenName)
    {
        await using var db = CreateDbContext();
        return await db.People.Where(p => p.GivenName == givenName).Select(p => p.Id).FirstAsync();
    }

    public async Task<Guid> UserIdAsync(string email)
    {
        await using var db = CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync();
    }
}

/// <summary>One app per test class; tests in a class share it.</summary>
public abstract class AppTests(SafeguardAppFactory app) : IClassFixture<SafeguardAppFactory>
{
    protected SafeguardAppFactory App { get; } = app;
}
