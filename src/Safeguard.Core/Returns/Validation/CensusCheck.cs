namespace Safeguard.Core.Returns.Validation;

/// <summary>
/// One pass of DfE's rules over a census, shown a child at a time as the census is built: the rules for one child are
/// checked at once, the whole-return rules keep a tally and report at <see cref="Finish"/>.
/// </summary>
public sealed class CensusCheck
{
    private readonly CensusContext _context;
    private readonly List<(ReturnRule Rule, ReturnTally Tally)> _tallies;
    private readonly List<CensusFailure> _failures = [];

    public CensusCheck(CensusContext context)
    {
        _context = context;
        _tallies = CensusRules.WholeReturn.Select(rule => (rule, rule.Start(context))).ToList();
    }

    public void Add(CensusChild child)
    {
        _failures.AddRange(Check(_context, child));
        foreach (var (_, tally) in _tallies) tally.Add(child);
    }

    /// <summary>Every failure: the children's as they were added, then the whole return's.</summary>
    public IReadOnlyList<CensusFailure> Finish()
    {
        var failures = new List<CensusFailure>(_failures);
        foreach (var (rule, tally) in _tallies.Where(t => t.Tally.Fails))
        {
            var children = tally.Children.ToList();
            if (children.Count == 0) failures.Add(CensusFailure.Of(rule, null));
            else failures.AddRange(children.Select(child => CensusFailure.Of(rule, child)));
        }
        return failures;
    }

    /// <summary>The rules for one child, on their own.</summary>
    public static IEnumerable<CensusFailure> Check(CensusContext context, CensusChild child) =>
        CensusRules.EachChild.Where(rule => rule.Fails(context, child)).Select(rule => CensusFailure.Of(rule, ChildId.Of(child)));
}
