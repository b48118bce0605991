using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// Safeguard on a real Kestrel port with its own database, and Debian's Chromium driven by Playwright.
/// </summary>
public class BrowserFixture : SafeguardAppFactory
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public ServerLog ServerLog { get; } = new();
    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(ServerLog));
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A page in a fresh browser context; <paramref name="javaScriptEnabled"/> false is a browser with JavaScript off.</summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScriptEnabled });
        // The machine has two cores shared by the whole suite; allow slow moments rather than flake.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        // Without JavaScript no script runs in the page, axe-core included: those journeys are checked with it on.
        if (javaScriptEnabled) await AxeOnEveryPage.WatchAsync(context, BaseUrl + "/");
        return await context.NewPageAsync();
    }

    /// <summary>axe-core finds no WCAG 2.2 A or AA violation on the page as it is now (say, with a dialog open).</summary>
    public static async Task NoAxeViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = AxeOnEveryPage.Rules },
        });
        var found = results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        found.ShouldBeEmpty($"axe-core on {page.Url}:\n{string.Join("\n", found)}");
    }

    /// <summary>
    /// Waits until the browser is on a page whose address matches and the page has been read to its end (its footer).
    /// It watches the address and the page itself, not Playwright's load states: under heavy CPU load Playwright now and
    /// then never reported a load state for a page the browser had shown, with the network idle, and any wait for one
    /// (WaitForURL included, even for the address it was already at) timed out after sign-in or a decision.
    /// </summary>
    public static async Task WaitForPageAsync(IPage page, Func<string, bool> address)
    {
        await WaitForAddressAsync(page, address);
        await page.Locator("footer.govuk-template__footer").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await AxeOnEveryPage.CheckedAsync(page);
    }

    /// <summary>Waits until the browser is at an address that matches (a page that is not Safeguard's, say).</summary>
    public static async Task WaitForAddressAsync(IPage page, Func<string, bool> address)
    {
        for (var waited = 0; !address(page.Url); waited++)
        {
            if (waited == 600) throw new TimeoutException($"After 60 s the browser is still at {page.Url}");
            await page.WaitForTimeoutAsync(100);
        }
    }

    public Task WaitForPageAsync(IPage page, string path) => WaitForPageAsync(page, url => url == BaseUrl + path);

    /// <summary>On the front-door contact form, answers "How did the contact come in?" (a partner's form does not ask).</summary>
    public static async Task SayItCameInByPhoneAsync(IPage page)
    {
        var phone = page.Locator("[name='Form.Method'][value='Phone']");
        if (await phone.CountAsync() > 0) await phone.CheckAsync();
    }

    /// <summary>After recording a contact: the decision page, or a failure that quotes the page's error summary.</summary>
    public static async Task ExpectDecisionPageAsync(IPage page)
    {
        var decision = new System.Text.RegularExpressions.Regex("/front-door/contacts/[0-9a-f-]{36}$");
        var errors = page.Locator(".govuk-error-summary");
        for (var waited = 0; waited < 600 && !decision.IsMatch(page.Url); waited++)
        {
            if (await errors.CountAsync() > 0) throw new Xunit.Sdk.XunitException($"The contact was not recorded: {await errors.InnerTextAsync()}");
            await page.WaitForTimeoutAsync(100);
        }
        await WaitForPageAsync(page, decision.IsMatch);
    }

    /// <summary>Fills in and sends the sign-in form, without waiting for what comes back.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await FillSignInAsync(page, email, password);
        await PressSignInAsync(page);
    }

    private static async Task FillSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
    }

    private static Task PressSignInAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

    private static bool IsSignInPost(IRequest request) =>
        request.Method == "POST" && new Uri(request.Url).AbsolutePath == "/sign-in";

    /// <summary>
    /// Signs in and waits for the page it leads to. A failure says which step failed (the browser never sent the form,
    /// the server did not answer, answered something other than a redirect, or the redirect was not followed) and
    /// quotes the requests still open, the page and the server's recent warnings and errors.
    /// </summary>
    public async Task SignInAsync(IPage page, string email, string password = Core.Seeding.DemoAccounts.Password)
    {
        await FillSignInAsync(page, email, password);
        var sent = false;
        var pending = new System.Collections.Concurrent.ConcurrentDictionary<IRequest, string>();
        void Watch(object? sender, IRequest request)
        {
            sent |= IsSignInPost(request);
            pending[request] = $"{request.Method} {request.Url}";
        }
        void Done(object? sender, IRequest request) => pending.TryRemove(request, out _);
        page.Request += Watch;
        page.RequestFinished += Done;
        page.RequestFailed += Done;
        Task<Exception> FailureAsync(string what) =>
            this.FailureAsync(page, email, $"{what}; requests not finished: {(pending.IsEmpty ? "none" : string.Join(", ", pending.Values))}");
        try
        {
            var answer = await AnswerToSignInAsync(page);
            if (answer is null) throw await FailureAsync(sent ? "the server did not answer within 60 s" : "the browser did not send the form");
            if (answer.Status != 302) throw await FailureAsync($"the server answered {answer.Status}, not a redirect");
            try
            {
                await WaitForPageAsync(page, url => !new Uri(url).AbsolutePath.StartsWith("/sign-in", StringComparison.Ordinal));
            }
            catch (TimeoutException)
            {
                throw await FailureAsync($"the browser did not follow the redirect to {await answer.HeaderValueAsync("location")}");
            }
        }
        finally
        {
            page.Request -= Watch;
            page.RequestFinished -= Done;
            page.RequestFailed -= Done;
        }
    }

    private static async Task<IResponse?> AnswerToSignInAsync(IPage page)
    {
        try
        {
            return await page.RunAndWaitForResponseAsync(() => PressSignInAsync(page), response => IsSignInPost(response.Request),
                new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private async Task<Exception> FailureAsync(IPage page, string email, string what)
    {
        var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
        return new Xunit.Sdk.XunitException(
            $"Signing in as {email} failed: {what}. At {page.Url}, the page says:\n{text}\nThe server logged:\n{ServerLog.Recent()}");
    }
}
