using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests;

/// <summary>A migrated database, a real SMTP server on loopback and a test clock, for tests of outgoing mail.</summary>
public abstract class MailTestBase : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;
    protected SmtpListener Smtp { get; private set; } = default!;
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    protected NotificationOptions Options { get; } = new();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync();
        Smtp = SmtpListener.Start();
        Options.Smtp.Host = Smtp.Host;
        Options.Smtp.Port = Smtp.Port;
        Options.Smtp.TimeoutSeconds = 10;
        Options.Smtp.From = "frontdoor@council.example";
    }

    public async Task DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected SafeguardDbContext Db() => Database.CreateContext(Time);
}
