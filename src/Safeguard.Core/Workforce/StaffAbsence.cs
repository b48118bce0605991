using Safeguard.Core.Data;

namespace Safeguard.Core.Workforce;

public enum AbsenceKind { AnnualLeave, Sickness, Training, Other }

/// <summary>A period a member of staff is away, shown to a manager choosing who to allocate a case to.</summary>
public sealed class StaffAbsence
{
    private StaffAbsence() { }

    public StaffAbsence(Guid userId, AbsenceKind kind, DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentException("An absence cannot end before it starts.", nameof(to));
        Id = NewId.Next();
        UserId = userId;
        Kind = kind;
        From = from;
        To = to;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public AbsenceKind Kind { get; private set; }
    public DateOnly From { get; private set; }

    /// <summary>The last day away (inclusive).</summary>
    public DateOnly To { get; private set; }
}
