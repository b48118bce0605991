namespace Safeguard.Core.CaseNotes;

/// <summary>How often a child on a plan is visited, and a child in need plan reviewed (configuration section "Visits").</summary>
public sealed class VisitSettings
{
    public const string Section = "Visits";

    /// <summary>A child on a child protection plan is seen at least every this many working days.</summary>
    public int ChildProtectionWorkingDays { get; set; } = 10;

    /// <summary>A child in need plan is reviewed at least every this many months.</summary>
    public int ChildInNeedReviewMonths { get; set; } = 3;

    public int VisitCycle => Math.Max(1, ChildProtectionWorkingDays);
}
