namespace Safeguard.Core.Returns.Validation;

/// <summary>
/// A whole-return rule's state for one check. It keeps only what the rule must remember (ids, counts, a set of codes),
/// never the children themselves.
/// </summary>
public abstract class ReturnTally
{
    public abstract void Add(CensusChild child);

    /// <summary>Whether the return fails, once every child has been added.</summary>
    public abstract bool Fails { get; }

    /// <summary>The children to fix when it fails; none when the rule is about the return as a whole (a share or a count).</summary>
    public virtual IEnumerable<ChildId> Children => [];
}

/// <summary>Children that share an identifier: every one of them is named, the first as well as the later ones.</summary>
internal sealed class DuplicateTally(Func<CensusChild, string?> key) : ReturnTally
{
    private readonly Dictionary<string, ChildId> _first = new(StringComparer.Ordinal);
    private readonly HashSet<string> _repeated = new(StringComparer.Ordinal);
    private readonly List<ChildId> _children = [];

    public override void Add(CensusChild child)
    {
        if (key(child) is not { Length: > 0 } id) return;
        if (_first.TryAdd(id, ChildId.Of(child))) return;
        if (_repeated.Add(id)) _children.Add(_first[id]);
        _children.Add(ChildId.Of(child));
    }

    public override bool Fails => _children.Count > 0;

    public override IEnumerable<ChildId> Children => _children;
}

/// <summary>More than <paramref name="most"/> (a fraction) of the children are counted: each of them is named.</summary>
internal sealed class ShareTally(Func<CensusChild, bool> counted, double most) : ReturnTally
{
    private readonly List<ChildId> _counted = [];
    private int _all;

    public override void Add(CensusChild child)
    {
        _all++;
        if (counted(child)) _counted.Add(ChildId.Of(child));
    }

    public override bool Fails => _all > 0 && (double)_counted.Count / _all > most;

    public override IEnumerable<ChildId> Children => _counted;
}

/// <summary>A rule about the return as a whole: a running value folded over the children, and a test of it at the end.</summary>
internal sealed class AggregateTally<T>(T seed, Func<T, CensusChild, T> add, Func<T, bool> fails) : ReturnTally
{
    private T _value = seed;

    public override void Add(CensusChild child) => _value = add(_value, child);

    public override bool Fails => fails(_value);
}
