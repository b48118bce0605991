namespace Safeguard.Core.Returns;

/// <summary>
/// A Children in Need census year, named by the year it ends in: 2026 is 1 April 2025 to 31 March 2026, whose reference
/// date (the census's ReferenceDate, and the day "as at" which everything is reported) is 31 March 2026.
/// </summary>
public readonly record struct CensusYear(int EndingIn)
{
    public DateOnly Start => new(EndingIn - 1, 4, 1);

    public DateOnly ReferenceDate => new(EndingIn, 3, 31);

    public bool Contains(DateOnly day) => day >= Start && day <= ReferenceDate;

    /// <summary>Whether something from <paramref name="from"/> to <paramref name="to"/> (open when null) was open at any point in the year.</summary>
    public bool Overlaps(DateOnly from, DateOnly? to) => from <= ReferenceDate && (to is null || to >= Start);

    /// <summary>A date as the census knows it: one after the reference date had not happened yet.</summary>
    public DateOnly? AsAtReference(DateOnly? day) => day <= ReferenceDate ? day : null;

    public ReturnPeriod Period => new(Start, ReferenceDate);

    public override string ToString() => $"{EndingIn - 1}-{EndingIn % 100:00}";
}
