using static Safeguard.Core.Returns.Validation.RuleSeverity;

namespace Safeguard.Core.Returns.Validation;

/// <summary>DfE's rules over the whole return: the header, the same id on two children, and shares and counts over all children.</summary>
public static partial class CensusRules
{
    private static IEnumerable<ReturnRule> ReturnRules() =>
    [
        new("100", Error, "Reference Date is incorrect",
            y => new AggregateTally<bool>(y.Header.ReferenceDate != new DateOnly(y.Header.Year, 3, 31), (wrong, _) => wrong, wrong => wrong)),
        new("1520", Error, "More than one record with the same UPN.", _ => new DuplicateTally(c => c.Upn)),
        new("8510", Error, "More than one child record with the same LA Child ID", _ => new DuplicateTally(c => c.LaChildId)),
        new("2883", Error, "There are more child protection plans starting than initial conferences taking place",
            y => new AggregateTally<(int Plans, int Conferences)>((0, 0),
                (n, c) => (n.Plans + ProtectionPlans(c).Count(p => y.Contains(p.StartDate)), n.Conferences + InitialConferences(c).Count(y.Contains)),
                n => n.Plans > n.Conferences)),
        new("2886Q", Query, "Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)",
            _ => new ShareTally(c => c.Sex == "U" && c.ExpectedBirthDate is null, 0.02)),
        new("2887Q", Query, "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return",
            _ => new AggregateTally<(int Children, HashSet<string> Codes)>((0, new HashSet<string>(StringComparer.Ordinal)),
                (n, c) =>
                {
                    n.Codes.UnionWith(Disabled(c));
                    return (n.Children + 1, n.Codes);
                },
                n => n.Children > 0 && n.Codes.Count <= 7)),
        new("2888Q", Query, "Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.",
            _ => new AggregateTally<(bool AnyDisabled, bool AnyWithTwo)>((false, false),
                (n, c) => (n.AnyDisabled || Disabled(c).Any(), n.AnyWithTwo || Disabled(c).Skip(1).Any()),
                n => n.AnyDisabled && !n.AnyWithTwo)),
    ];

    private static IEnumerable<string> Disabled(CensusChild c) => c.Disabilities.Where(d => d != "NONE");
}
