namespace Safeguard.Core.Returns;

/// <summary>
/// The days a return covers, from <see cref="Start"/> to <see cref="ReferenceDate"/> inclusive, as at whose end everything
/// is reported: a census year, or the period an Ofsted Annex A is asked for.
/// </summary>
public readonly record struct ReturnPeriod(DateOnly Start, DateOnly ReferenceDate)
{
    public bool Contains(DateOnly day) => day >= Start && day <= ReferenceDate;

    /// <summary>Whether something from <paramref name="from"/> to <paramref name="to"/> (open when null) was open at any point in the period.</summary>
    public bool Overlaps(DateOnly from, DateOnly? to) => from <= ReferenceDate && (to is null || to >= Start);

    /// <summary>A date as the return knows it: one after the period's end had not happened yet.</summary>
    public DateOnly? AsAtReference(DateOnly? day) => day <= ReferenceDate ? day : null;
}
