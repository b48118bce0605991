using static Safeguard.Core.Returns.Validation.RuleSeverity;

namespace Safeguard.Core.Returns.Validation;

/// <summary>DfE's rules about a child's date of death: nothing starts, ends or is referred after it, and it lies in the year.</summary>
public static partial class CensusRules
{
    private static IEnumerable<CensusRule> DeathRules() =>
    [
        new("4008", Error, "CIN Plan shown as starting after the child’s Date of Death.",
            (_, c) => c.DeathDate is { } died && CinPlans(c).Any(p => p.StartDate > died)),
        new("4009Q", Query, "CIN Plan cannot end after the child’s Date of Death",
            (_, c) => c.DeathDate is { } died && CinPlans(c).Any(p => p.EndDate > died)),
        new("8535Q", Query, "Child’s date of death should not be prior to the date of birth",
            // An unborn child due after the recorded death is left to the birth-date rules, as DfE's reference tool does.
            (_, c) => c.DeathDate is { } died && !(c.ExpectedBirthDate > died) && (c.BirthDate is not { } born || born > died)),
        new("8545Q", Query, "Please check: Child's date of death should be within the census year",
            (y, c) => c.DeathDate is { } died && !y.Contains(died)),
        new("8555Q", Query, "Child cannot be referred after its recorded date of death",
            (_, c) => c.DeathDate is { } died && c.Episodes.Any(e => e.ReferralDate > died)),
        new("8915", Error, "Child Protection Plan shown as starting after the child’s Date of Death",
            (_, c) => c.DeathDate is { } died && ProtectionPlans(c).Any(p => p.StartDate > died)),
        new("8920", Error, "Child Protection Plan cannot end after the child’s Date of Death",
            (_, c) => c.DeathDate is { } died && ProtectionPlans(c).Any(p => p.EndDate > died)),
    ];
}
