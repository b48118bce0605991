namespace Safeguard.Core.Timescales;

/// <summary>One England-and-Wales bank holiday (including substitute days) as listed in the data file.</summary>
public sealed record BankHoliday(DateOnly Date, string Title);
