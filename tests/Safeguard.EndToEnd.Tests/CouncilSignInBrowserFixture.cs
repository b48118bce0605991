using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.TestIdentityProvider;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// <see cref="BrowserFixture"/> with council sign-in turned on against a real OpenID Connect server on this machine
/// (<see cref="CouncilIdentityProvider"/>), as docs/operations.md, "Council sign-in", sets it up.
/// </summary>
public sealed class CouncilSignInBrowserFixture : BrowserFixture
{
    public const string Scheme = "council";
    public const string DisplayName = "your council account";

    private CouncilIdentityProvider? _provider;

    public CouncilIdentityProvider Provider => _provider ?? throw new InvalidOperationException("Not initialised");

    public override async Task InitializeAsync()
    {
        _provider = await CouncilIdentityProvider.StartAsync();
        await base.InitializeAsync();
        // Safeguard's port is known only now that it listens.
        Provider.RegisterRedirectUri(BaseUrl + "/signin-oidc");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Provider.ConfigureSafeguard(builder, Scheme, DisplayName);
        builder.ConfigureServices(services =>
        {
            // The provider's tokens and the handler's protocol cookies are dated by the real clock the provider runs on.
            services.PostConfigure<OpenIdConnectOptions>(Scheme, o => o.TimeProvider = TimeProvider.System);
            // Configure, not PostConfigure: the handler makes its back channel client in its own PostConfigure.
            services.Configure<OpenIdConnectOptions>(Scheme, o => o.BackchannelTimeout = TimeSpan.FromMinutes(5));
        });
    }
}
