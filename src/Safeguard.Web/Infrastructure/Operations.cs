using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Safeguard.Core.Data;
using Safeguard.Core.Diagnostics;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Running Safeguard on a council's servers: behind its proxy, as several instances on one database, with logs and
/// telemetry for its monitoring (docs/operations.md).
/// </summary>
public static class Operations
{
    /// <summary>
    /// <c>ForwardedHeaders:KnownProxies:N</c> (addresses) and <c>ForwardedHeaders:KnownNetworks:N</c> (CIDR ranges): the proxies
    /// whose X-Forwarded-For and X-Forwarded-Proto are believed. None by default, and never every address: a header from
    /// anyone else is ignored.
    /// </summary>
    public static void AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            // With no proxy named the middleware would believe anyone: then it reads no header at all.
            o.ForwardedHeaders = o.KnownProxies.Count + o.KnownIPNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(Math.Max(365, builder.Configuration.GetValue("Hsts:MaxAgeDays", 365))));
    }

    /// <summary>
    /// The data-protection keys (which sign the sign-in, antiforgery and session cookies) are kept in the database under
    /// one application name, so a sign-in outlives a restart and every instance on the database accepts it.
    /// </summary>
    public static void AddSharedKeys(this WebApplicationBuilder builder) =>
        builder.Services.AddDataProtection()
            .SetApplicationName("Safeguard")
            .PersistKeysToDbContext<SafeguardDbContext>();

    /// <summary>
    /// <c>Logging:Format</c>: <c>json</c> (one JSON object a line, UTC timestamps, with scopes) or <c>plain</c>. Plain in
    /// Development, JSON everywhere else.
    /// </summary>
    public static void AddSafeguardLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "plain" : "json");
        if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)) return;
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.IncludeScopes = true;
        });
    }

    /// <summary>
    /// Traces (requests, outgoing HTTP, PostgreSQL commands, background jobs) and metrics (requests, outgoing HTTP, the
    /// runtime, PostgreSQL, Safeguard's own counts) exported by OTLP to <c>OpenTelemetry:Endpoint</c> or
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; <c>OpenTelemetry:Protocol</c> is <c>http/protobuf</c> (default) or <c>grpc</c>.
    /// Nothing is collected when neither is set.
    /// </summary>
    public static void AddSafeguardTelemetry(this WebApplicationBuilder builder, InstanceName instance)
    {
        var config = builder.Configuration;
        var endpoint = config["OpenTelemetry:Endpoint"] is { Length: > 0 } set ? set : config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return;
        var protocol = string.Equals(config["OpenTelemetry:Protocol"], "grpc", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.Grpc
            : OtlpExportProtocol.HttpProtobuf;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OpenTelemetry:ServiceName"] ?? "Safeguard", serviceInstanceId: instance.Value))
            .WithTracing(t => t
                .AddSource(SafeguardMetrics.Name, "Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(SafeguardMetrics.Name, "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .UseOtlpExporter(protocol, new Uri(endpoint));
    }
}
