using Safeguard.Core.Workforce;

namespace Safeguard.Core.Supervision;

/// <summary>
/// How often supervision is due (configuration section "Supervision"), in working days from the last session held:
/// case supervision per kind of case, and personal (one to one) supervision. The first case supervision is due within
/// <see cref="Timescales.TimeLimits.FirstSupervisionWorkingDays"/> of allocation (opened by the allocation service).
/// </summary>
public sealed class SupervisionSettings
{
    public const string Section = "Supervision";

    public int ChildProtectionWorkingDays { get; set; } = 20;
    public int ChildInNeedWorkingDays { get; set; } = 30;
    public int LookedAfterWorkingDays { get; set; } = 30;
    public int CourtWorkingDays { get; set; } = 20;

    /// <summary>Personal supervision: wellbeing, caseload and training.</summary>
    public int PersonalWorkingDays { get; set; } = 20;

    /// <summary>The case supervision cycle for <paramref name="kind"/>; never less than one working day.</summary>
    public int CycleFor(CaseKind kind) => Math.Max(1, kind switch
    {
        CaseKind.ChildProtection => ChildProtectionWorkingDays,
        CaseKind.LookedAfter => LookedAfterWorkingDays,
        CaseKind.Court => CourtWorkingDays,
        _ => ChildInNeedWorkingDays,
    });

    public int PersonalCycle => Math.Max(1, PersonalWorkingDays);
}
