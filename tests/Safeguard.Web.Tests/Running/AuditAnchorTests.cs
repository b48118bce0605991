using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit.Chain;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Running;

/// <summary>The app with <c>AuditChain:AnchorPath</c> set: sealing every second, each seal that advances the chain anchors it.</summary>
public sealed class AnchoredAppFactory : SafeguardAppFactory
{
    public string AnchorFolder { get; } = Directory.CreateTempSubdirectory("safeguard-web-anchor").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AuditChain:AnchorPath", AnchorFolder);
        builder.UseSetting("AuditChain:SealIntervalSeconds", "1");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(AnchorFolder)) Directory.Delete(AnchorFolder, recursive: true);
    }
}

public sealed class AuditAnchorTests(AnchoredAppFactory app) : IClassFixture<AnchoredAppFactory>
{
    [Fact]
    public async Task TheAppsSealer_AnchorsTheChainsHead_AndVerifyHoldsIt()
    {
        var file = app.Services.GetRequiredService<ChainAnchoring>().File.ShouldNotBeNull();
        // The sealing service runs on its own timer: wait (up to a minute) for its first anchor.
        for (var i = 0; i < 600 && await file.ReadLastAsync(CancellationToken.None) is null; i++) await Task.Delay(100);

        var last = await file.ReadLastAsync(CancellationToken.None);
        await using var db = app.CreateDbContext();
        var verification = await new AuditChainVerifier(db).VerifyAsync(file, CancellationToken.None);

        last.ShouldNotBeNull().Kind.ShouldBe(AnchorKind.Seal);
        verification.Breaks.ShouldBe(0);
        verification.Anchor.Outcome.ShouldBe(AnchorOutcome.Holds);
        verification.Head.ShouldBeGreaterThanOrEqualTo(last.Position);
    }
}
