using Safeguard.Core.Supervision;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding;

/// <summary>
/// The supervision cycles the demo and large seeds plan their supervision on: the default settings
/// (<see cref="SupervisionSettings"/>); the first case supervision is due within
/// <see cref="Timescales.TimeLimits.FirstSupervisionWorkingDays"/> of allocation.
/// </summary>
internal static class SeedSupervisionCycle
{
    private static readonly SupervisionSettings Defaults = new();

    public static int PersonalWorkingDays => Defaults.PersonalCycle;

    public static int CaseWorkingDays(CaseKind kind) => Defaults.CycleFor(kind);
}
