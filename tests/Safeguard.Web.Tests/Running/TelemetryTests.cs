using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Running;

/// <summary>
/// A collector that speaks OTLP over HTTP (protobuf) as far as a test needs: it keeps the body of every POST to
/// /v1/traces and /v1/metrics. Protobuf keeps strings as UTF-8 bytes, so a test can look for names in them.
/// </summary>
public sealed class OtlpListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<(string Path, byte[] Body)> Received { get; } = new();

    private OtlpListener(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<OtlpListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var listener = new OtlpListener(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            listener.Received.Enqueue(($"/v1/{signal}", body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return listener;
    }

    public bool Got(string path, string text) =>
        Received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed class TelemetryTests
{
    private sealed class ExportingApp(Uri endpoint) : SafeguardAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("OpenTelemetry:Endpoint", endpoint.ToString());
            builder.UseSetting("Instance:Name", "web-under-test");
            // Sweeps every second, so a job run is traced and counted while the test runs.
            builder.UseSetting("Notifications:DispatchIntervalSeconds", "1");
            builder.UseSetting("Notifications:SweepIntervalSeconds", "1");
            // Metrics exported every second too (the SDK reads this setting), not only when the app stops: a stop on a
            // busy machine may end before its final export does.
            builder.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "1000");
            // And traces: the batch of spans is sent every half second rather than every five.
            builder.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "500");
        }
    }

    [Fact]
    public async Task WithAnEndpointSet_RequestsAndJobsAreExportedByOtlp()
    {
        await using var listener = await OtlpListener.StartAsync();
        var app = new ExportingApp(listener.Endpoint);
        await app.InitializeAsync();
        var response = await app.CreateClient().GetAsync("/sign-in");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForAJobRunAsync(app);
        // Everything is waited for while the app runs (up to a minute), not left to the flush when it stops.
        for (var waited = 0; waited < 300 && !(listener.Got("/v1/traces", "web-under-test") && listener.Got("/v1/traces", "/sign-in")
                 && listener.Got("/v1/metrics", "http.server.request.duration") && listener.Got("/v1/metrics", "safeguard.jobs.runs")); waited++)
        {
            await Task.Delay(200);
        }
        await ((IAsyncLifetime)app).DisposeAsync();

        listener.Got("/v1/traces", "web-under-test").ShouldBeTrue("no trace came from this instance");
        listener.Got("/v1/traces", "/sign-in").ShouldBeTrue("the request was not traced");
        listener.Got("/v1/metrics", "http.server.request.duration").ShouldBeTrue("the request was not measured");
        listener.Got("/v1/metrics", "safeguard.jobs.runs").ShouldBeTrue("the job runs were not counted");
    }

    private static async Task WaitForAJobRunAsync(SafeguardAppFactory app)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var db = app.CreateDbContext();
            if (await db.JobLeases.AnyAsync(l => l.Name == "overdue-sweep")) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The overdue sweep never ran");
    }

    [Fact]
    public async Task WithoutAnEndpoint_NoTelemetryIsCollected()
    {
        var app = new SafeguardAppFactory();
        await app.InitializeAsync();
        try
        {
            app.Services.GetService<TracerProvider>().ShouldBeNull();
            app.Services.GetService<MeterProvider>().ShouldBeNull();
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
