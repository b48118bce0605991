using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;
using Safeguard.Web.Api;

namespace Safeguard.Web.Infrastructure;

/// <summary>Everything the web host registers and the order of its middleware.</summary>
public static class SafeguardSetup
{
    public static void AddSafeguard(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = DatabaseOptions.ParseProvider(config["Database:Provider"]);
        var connection = config.GetConnectionString("Safeguard") ?? DatabaseOptions.DefaultSqliteConnection;
        if (provider == DatabaseProvider.Sqlite)
        {
            connection = DatabaseOptions.NormaliseSqlite(connection, builder.Environment.ContentRootPath);
        }

        builder.AddSafeguardLogging();
        var instance = new InstanceName(config);
        builder.Services.AddSingleton(instance);
        builder.Services.AddSingleton<BackgroundJobs>();
        builder.AddSafeguardTelemetry(instance);
        builder.AddTrustedProxies();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<SiteSettings>();
        builder.Services.AddScoped<IActorContext, HttpActorContext>();
        builder.Services.AddSafeguardCore(provider, connection, config["Calendar:BankHolidaysFile"])
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // In place of Identity's authenticator provider: codes checked on the injected clock, each accepted once.
            .AddTokenProvider<Core.Security.Authenticator.AuthenticatorCodeProvider<StaffUser>>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<PermissionClaimsFactory>();
        builder.AddSharedKeys();

        builder.Services.Configure<Core.Timescales.ScreeningClockOptions>(config.GetSection(Core.Timescales.ScreeningClockOptions.Section));
        builder.Services.Configure<Core.Workforce.CaseloadSettings>(config.GetSection(Core.Workforce.CaseloadSettings.Section));
        builder.Services.Configure<Core.Supervision.SupervisionSettings>(config.GetSection(Core.Supervision.SupervisionSettings.Section));
        builder.Services.Configure<Core.CaseNotes.VisitSettings>(config.GetSection(Core.CaseNotes.VisitSettings.Section));
        builder.Services.Configure<Core.Chronology.Patterns.PatternAlertSettings>(config.GetSection(Core.Chronology.Patterns.PatternAlertSettings.Section));
        builder.Services.Configure<Core.Oversight.Flow.FlowWatchSettings>(config.GetSection(Core.Oversight.Flow.FlowWatchSettings.Section));
        builder.Services.Configure<Core.Attachments.AttachmentSettings>(config.GetSection(Core.Attachments.AttachmentSettings.Section));
        builder.Services.Configure<Core.Escalations.EscalationSettings>(config.GetSection(Core.Escalations.EscalationSettings.Section));
        builder.Services.Configure<Core.Sessions.SessionSettings>(config.GetSection(Core.Sessions.SessionSettings.Section));
        builder.Services.Configure<Core.Audit.Chain.ChainAnchorSettings>(config.GetSection(Core.Audit.Chain.ChainAnchorSettings.Section));
        builder.Services.Configure<Core.Performance.PerformanceSettings>(config.GetSection(Core.Performance.PerformanceSettings.Section));
        builder.Services.Configure<TwoFactorSettings>(config.GetSection(TwoFactorSettings.Section));
        builder.Services.AddScoped<Pages.Account.SecondFactorStep>();
        builder.Services.Configure<Core.Security.Throttling.SignInThrottleSettings>(config.GetSection(Core.Security.Throttling.SignInThrottleSettings.Section));
        builder.Services.AddOptions<Core.Attachments.AttachmentSettings>()
            .Validate(s => s.MaxBytes > 0, "Attachments:MaxBytes must be a number of bytes above 0")
            .Validate(s => !string.Equals(s.Store, Core.Attachments.FolderAttachmentStore.StoreName, StringComparison.OrdinalIgnoreCase)
                || !string.IsNullOrWhiteSpace(s.Folder), "Attachments:Store is Folder, so Attachments:Folder must name the directory")
            .ValidateOnStart();
        // A relative folder is beside the app, as the SQLite file is.
        builder.Services.PostConfigure<Core.Attachments.AttachmentSettings>(s =>
        {
            if (s.Folder is { Length: > 0 } folder) s.Folder = Path.GetFullPath(folder, builder.Environment.ContentRootPath);
        });
        builder.AddFeedbackDelivery();

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(ConfigureCookie);
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = ServerSessions.KeepSessionOnRefresh;
        });
        ExternalSignIn.Register(builder.Services, config);

        builder.Services.AddSafeguardAuthorization();
        builder.Services.AddRazorPages(o =>
        {
            PageAccess.Apply(o.Conventions);
            o.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(DraftRestoreFilter)));
            o.Conventions.ConfigureFilter(new UnstorableTextPageFilter());
        });
        builder.Services.AddScoped<DraftRestoreFilter>();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "safeguard-af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddHostedService<DuplicateSweepService>();
        builder.Services.AddHostedService<PerformanceRefreshService>();
        builder.Services.AddSingleton<AnnexAJobSignal>();
        builder.Services.AddHostedService<AnnexAJobService>();
        builder.Services.AddHostedService<AuditSealingService>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        builder.AddPartnerApi();
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "safeguard-auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // The server ends a session after 30 idle minutes or 8 hours (ServerSessions); the cookie lasts no longer.
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        ServerSessions.Attach(o.Events);
        o.LoginPath = "/sign-in";
        o.LogoutPath = "/sign-out";
        o.AccessDeniedPath = "/forbidden";
        // A signed-in user without permission gets a real 403 (rendered by the status page), not a redirect.
        o.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    public static void UseSafeguard(this WebApplication app)
    {
        // First: the scheme and client address from a trusted proxy decide Secure cookies and HSTS below.
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseDatabaseUnavailableAnswer();
        app.UseTwoFactorGate();
        app.UseMustChangePassword();
        app.UseAuthorization();
        app.UseFormsWithNul();
        app.MapPartnerApi();
        app.MapSafeguardHealth();
        app.MapRazorPages();
    }
}
