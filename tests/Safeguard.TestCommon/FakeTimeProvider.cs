namespace Safeguard.TestCommon;

/// <summary>A clock the test sets and moves. Local time zone is Europe/London, as for the service.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private readonly Lock _gate = new();

    public FakeTimeProvider() : this(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => Safeguard.Core.Timescales.WorkingDayCalendar.UkTime;

    public void SetUtcNow(DateTimeOffset now)
    {
        lock (_gate) _now = now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }
}
