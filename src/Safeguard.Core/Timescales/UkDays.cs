namespace Safeguard.Core.Timescales;

/// <summary>
/// Whole UK days, both included, and the instants they run between: from the first day's midnight to the midnight after
/// the last, in UK local time (so a contact received at 23:30 BST on 1 July counts on 1 July, not on 2 July in UTC).
/// </summary>
public readonly record struct UkDays(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => TimeLimits.UkLocal(From, TimeOnly.MinValue);

    /// <summary>The first instant after the last day (exclusive).</summary>
    public DateTimeOffset End => TimeLimits.UkLocal(To.AddDays(1), TimeOnly.MinValue);
}
