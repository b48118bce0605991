using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.TestIdentityProvider;
using Safeguard.Web.Pages.Account;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests;

/// <summary>
/// Council sign-in end to end against a real OpenID Connect server on a real port: Safeguard's handler reads the
/// provider's discovery document and redeems the code over HTTP; the test plays the browser between the two.
/// </summary>
public sealed class ExternalSignInTests(ExternalSignInTests.Factory app) : IClassFixture<ExternalSignInTests.Factory>
{
    private const string Scheme = "council";

    public sealed class Factory : SafeguardAppFactory
    {
        // The browser reaches Safeguard at https://localhost, so the handler's Secure correlation cookies come back.
        public static readonly Uri SafeguardAddress = new("https://localhost");

        private CouncilIdentityProvider? _provider;

        public CouncilIdentityProvider Provider => _provider ?? throw new InvalidOperationException("Not initialised");

        public override async Task InitializeAsync()
        {
            _provider = await CouncilIdentityProvider.StartAsync(new Uri(SafeguardAddress, "/signin-oidc").ToString());
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (_provider is not null) await _provider.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Provider.ConfigureSafeguard(builder, Scheme, "your council account");
            // The provider's tokens and Safeguard's protocol cookies are dated by the real clock the provider runs on;
            // the rest of Safeguard keeps the test's clock.
            builder.ConfigureServices(services =>
            {
                services.PostConfigure<OpenIdConnectOptions>(Scheme, o => o.TimeProvider = TimeProvider.System);
                // The test machine can be very busy: a slow answer from the provider is not what these tests are about.
                // (Configure, not PostConfigure: the handler makes its back channel client in its own PostConfigure.)
                services.Configure<OpenIdConnectOptions>(Scheme, o => o.BackchannelTimeout = TimeSpan.FromMinutes(5));
            });
        }

        public HttpClient CreateBrowser() =>
            CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = SafeguardAddress });
    }

    private static CouncilUser Verified(string email, string name) => new("idp|" + email, email, true, name);

    /// <summary>
    /// Chooses the council's account, goes to the provider, and submits the provider's self-posting answer
    /// (response_mode form_post) to Safeguard as a browser would; returns Safeguard's answer at the callback page.
    /// </summary>
    private async Task<HttpResponseMessage> SignInWithCouncilAsync(HttpClient safeguard, CouncilUser user)
    {
        app.Provider.SignInNextAs(user);
        var challenge = await SafeguardAppFactory.PostFormAsync(safeguard, "/sign-in?handler=External", new() { ["scheme"] = Scheme }, "/sign-in");
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authorize = challenge.Headers.Location!;
        authorize.GetLeftPart(UriPartial.Authority).ShouldBe(app.Provider.Authority.GetLeftPart(UriPartial.Authority));

        using var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await toProvider.GetAsync(authorize);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = (await Html.ParseAsync(answer)).Forms.Single();
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        var returned = await safeguard.PostAsync(new Uri(form.Action).PathAndQuery, new FormUrlEncodedContent(fields));

        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await safeguard.GetAsync(returned.Headers.Location!);
    }

    private static async Task<string> PageTextAsync(HttpResponseMessage response) => (await Html.ParseAsync(response)).Body!.TextContent;

    private async Task<SignInFailed?> LastRefusalAsync(string account)
    {
        await using var db = app.CreateDbContext();
        var failures = await db.Events.Where(e => e.Type == SignInFailed.Name).OrderBy(e => e.Id).Select(e => e.Data).ToListAsync();
        return failures.Select(data => EventCatalogue.Read(SignInFailed.Name, data)).OfType<SignInFailed>().LastOrDefault(f => f.Account == account);
    }

    [Fact]
    public async Task SignInPage_OffersTheCouncilAccount()
    {
        var page = await app.CreateBrowser().GetStringAsync("/sign-in");

        page.ShouldContain("Sign in with your council account");
    }

    [Fact]
    public async Task Pages_LetAFormLeadToTheProvider_SoTheCouncilButtonIsNotStoppedByTheBrowser()
    {
        var response = await app.CreateBrowser().GetAsync("/sign-in");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain($"form-action 'self' {app.Provider.Authority.GetLeftPart(UriPartial.Authority)};");
    }

    [Fact]
    public async Task Challenge_AsksForACodeWithPkceAndTheOpenIdEmailAndProfileScopes()
    {
        var challenge = await SafeguardAppFactory.PostFormAsync(app.CreateBrowser(), "/sign-in?handler=External", new() { ["scheme"] = Scheme }, "/sign-in");

        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        query["response_type"].ToString().ShouldBe("code");
        query["code_challenge_method"].ToString().ShouldBe("S256");
        query["code_challenge"].ToString().ShouldNotBeNullOrEmpty();
        query["scope"].ToString().Split(' ').ShouldBe(["openid", "email", "profile"], ignoreOrder: true);
        query["redirect_uri"].ToString().ShouldBe("https://localhost/signin-oidc");
    }

    [Fact]
    public async Task VerifiedCouncilIdentity_WithALocalAccount_SignsInWithTheLocalRoles()
    {
        var safeguard = app.CreateBrowser();
        var redemptions = app.Provider.TokenRequests;

        var callback = await SignInWithCouncilAsync(safeguard, Verified("grace.lee@northbridge.example", "Grace Lee (council)"));

        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        callback.Headers.Location!.ToString().ShouldBe("/");
        app.Provider.TokenRequests.ShouldBe(redemptions + 1);
        (await safeguard.GetStringAsync("/")).ShouldContain("Hello, Grace Lee");
        (await safeguard.GetAsync("/children")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await safeguard.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.CreateDbContext();
        (await db.UserLogins.AnyAsync(l => l.LoginProvider == Scheme && l.ProviderKey == "idp|grace.lee@northbridge.example")).ShouldBeTrue();
        (await db.Events.AnyAsync(e => e.Type == SignedIn.Name && e.Summary == "Grace Lee signed in with your council account")).ShouldBeTrue();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task CouncilIdentity_WithoutAVerifiedEmail_IsRefusedWithAMessageAndAudited(bool? emailVerified)
    {
        var email = emailVerified is null ? "sam.okafor@northbridge.example" : "hannah.wright@northbridge.example";
        var safeguard = app.CreateBrowser();

        var callback = await SignInWithCouncilAsync(safeguard, new CouncilUser("idp|" + email, email, emailVerified, "Someone"));

        callback.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PageTextAsync(callback)).ShouldContain(ExternalCallbackModel.EmailNotVerified);
        (await safeguard.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LastRefusalAsync(email))!.Refusal.ShouldBe(SignInRefusal.EmailNotVerified);
        await using var db = app.CreateDbContext();
        (await db.UserLogins.AnyAsync(l => l.ProviderKey == "idp|" + email)).ShouldBeFalse();
    }

    [Fact]
    public async Task LinkedCouncilIdentity_WhoseEmailIsNoLongerVerified_IsRefused()
    {
        var linked = Verified("daniel.osei@northbridge.example", "Daniel Osei");
        (await SignInWithCouncilAsync(app.CreateBrowser(), linked)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var safeguard = app.CreateBrowser();

        var callback = await SignInWithCouncilAsync(safeguard, linked with { EmailVerified = false });

        callback.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await safeguard.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LastRefusalAsync(linked.Email))!.Refusal.ShouldBe(SignInRefusal.EmailNotVerified);
    }

    [Fact]
    public async Task VerifiedCouncilIdentity_WithoutALocalAccount_IsRefusedAndAudited()
    {
        var safeguard = app.CreateBrowser();

        var callback = await SignInWithCouncilAsync(safeguard, Verified("stranger@elsewhere.example", "A Stranger"));

        callback.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PageTextAsync(callback)).ShouldContain(ExternalCallbackModel.NoAccount);
        (await safeguard.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LastRefusalAsync("stranger@elsewhere.example"))!.Refusal.ShouldBe(SignInRefusal.NoAccount);
    }

    [Fact]
    public async Task VerifiedCouncilIdentity_OfADisabledAccount_IsRefusedAndAuditedAndNotLinked()
    {
        const string email = "fatima.begum@northbridge.example";
        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.IsDisabled = true;
            await db.SaveChangesAsync();
        }
        var safeguard = app.CreateBrowser();

        var callback = await SignInWithCouncilAsync(safeguard, Verified(email, "Fatima Begum"));

        callback.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PageTextAsync(callback)).ShouldContain(ExternalCallbackModel.AccountDisabled);
        (await safeguard.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LastRefusalAsync(email))!.Refusal.ShouldBe(SignInRefusal.AccountDisabled);
        await using var check = app.CreateDbContext();
        (await check.UserLogins.AnyAsync(l => l.ProviderKey == "idp|" + email)).ShouldBeFalse();
    }

    [Fact]
    public async Task VerifiedCouncilIdentity_OfARetiredOrganisation_IsRefusedAndAudited()
    {
        const string email = "kate.ward@nhs.example";
        string organisation;
        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var retiring = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId);
            retiring.Retire(app.Time.GetUtcNow());
            organisation = retiring.Name;
            await db.SaveChangesAsync();
        }
        var safeguard = app.CreateBrowser();

        var callback = await SignInWithCouncilAsync(safeguard, Verified(email, "Kate Ward"));

        callback.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await safeguard.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refusal = (await LastRefusalAsync(email))!;
        refusal.Refusal.ShouldBe(SignInRefusal.OrganisationRetired);
        refusal.Organisation.ShouldBe(organisation);
    }

    [Fact]
    public async Task ForgedReturnFromTheProvider_EndsOnTheCallbackPage_NotAServerError()
    {
        var safeguard = app.CreateBrowser();
        var redemptions = app.Provider.TokenRequests;

        var returned = await safeguard.PostAsync("/signin-oidc", new FormUrlEncodedContent([new("code", "forged"), new("state", "forged")]));

        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var callback = await safeguard.GetAsync(returned.Headers.Location!);
        callback.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PageTextAsync(callback)).ShouldContain(ExternalCallbackModel.DidNotComplete);
        app.Provider.TokenRequests.ShouldBe(redemptions);
    }

    [Fact]
    public async Task SignIn_WithASchemeThatIsNotOffered_IsABadRequest()
    {
        var response = await SafeguardAppFactory.PostFormAsync(app.CreateBrowser(), "/sign-in?handler=External", new() { ["scheme"] = "Cookies" }, "/sign-in");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain(SignInModel.UnknownProvider);
    }
}
