using Safeguard.Core.Timescales;

namespace Safeguard.Core.Performance;

/// <summary>A period's first and last instants in UK local time, for the facts stamped with an instant (a contact's receipt).</summary>
internal static class PeriodInstants
{
    public static UkDays UkDays(this PerformancePeriod period) => new(period.From, period.To);

    public static DateTimeOffset Start(this PerformancePeriod period) => period.UkDays().Start;

    /// <summary>The first instant after the period (exclusive end).</summary>
    public static DateTimeOffset End(this PerformancePeriod period) => period.UkDays().End;
}
