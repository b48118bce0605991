namespace Safeguard.Core.Seeding;

/// <summary>
/// A clock the demo seeder moves through the past, so that the services it drives date their records, work items and
/// events as if each step had been recorded on its day.
/// </summary>
internal sealed class SeedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
