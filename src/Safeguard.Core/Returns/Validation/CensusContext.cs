using Safeguard.Core.Timescales;

namespace Safeguard.Core.Returns.Validation;

/// <summary>
/// What the rules know besides the child: the census year, the header as written, and the working-day calendar (rules
/// 8569Q, 8670Q and 8675Q count working days). One per check.
/// </summary>
public sealed class CensusContext(CensusYear year, CensusHeader header, IWorkingDayCalendar calendar)
{
    private readonly Dictionary<(DateOnly, int), DateOnly> _workingDaysBefore = [];

    public static CensusContext For(CensusYear year, CinCensusSettings settings, IWorkingDayCalendar calendar) =>
        new(year, CensusHeader.For(year, settings), calendar);

    public CensusYear Year => year;

    public CensusHeader Header => header;

    public DateOnly Start => year.Start;

    public DateOnly ReferenceDate => year.ReferenceDate;

    public bool Contains(DateOnly day) => year.Contains(day);

    /// <summary>The day <paramref name="workingDays"/> working days before <paramref name="day"/>, worked out once per check.</summary>
    public DateOnly WorkingDaysBefore(DateOnly day, int workingDays)
    {
        if (!_workingDaysBefore.TryGetValue((day, workingDays), out var before))
        {
            before = calendar.AddWorkingDays(day, -workingDays);
            _workingDaysBefore[(day, workingDays)] = before;
        }
        return before;
    }
}
