using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding;

/// <summary>
/// The supervision cycles the demo and large seeds plan their supervision on: the defaults of issue 12 (child protection
/// every 20 working days, other cases every 30; personal supervision every 20; the first case supervision within
/// <see cref="Timescales.TimeLimits.FirstSupervisionWorkingDays"/> of allocation). Seed data only: the service's own
/// supervision settings decide when supervision is due.
/// </summary>
internal static class SeedSupervisionCycle
{
    public const int PersonalWorkingDays = 20;

    public static int CaseWorkingDays(CaseKind kind) => kind == CaseKind.ChildProtection ? 20 : 30;
}
