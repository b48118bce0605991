namespace Safeguard.Core.Returns.Validation;

/// <summary>DfE's two kinds of failure: an error stops the return; a query must be amended or explained.</summary>
public enum RuleSeverity { Error, Query }

/// <summary>
/// One of DfE's CIN census validation rules. <see cref="Code"/> and <see cref="Message"/> are DfE's own (CIN census 2025-26
/// validation rules), so a failure reads as COLLECT would report it.
/// </summary>
public abstract record DfeRule(string Code, RuleSeverity Severity, string Message);

/// <summary>A rule checked against one child as the census reports them.</summary>
public sealed record CensusRule(string Code, RuleSeverity Severity, string Message, Func<CensusContext, CensusChild, bool> Fails)
    : DfeRule(Code, Severity, Message);

/// <summary>
/// A rule over the whole return (the same id twice, a share or a count over all children): <see cref="Start"/> makes a
/// tally for one check, which is shown every child in turn and then says whether the return fails.
/// </summary>
public sealed record ReturnRule(string Code, RuleSeverity Severity, string Message, Func<CensusContext, ReturnTally> Start)
    : DfeRule(Code, Severity, Message);

/// <summary>
/// A failure of a rule: by a child (<see cref="LaChildId"/> and <see cref="PersonId"/>, the record where it can be fixed),
/// or by the return as a whole (both null), e.g. too few disability codes used.
/// </summary>
public sealed record CensusFailure(string? LaChildId, string Code, RuleSeverity Severity, string Message)
{
    public Guid? PersonId { get; init; }

    public static CensusFailure Of(DfeRule rule, ChildId? child) =>
        new(child?.LaChildId, rule.Code, rule.Severity, rule.Message) { PersonId = child?.PersonId };
}

/// <summary>A child a failure names: enough to list and link them, without keeping the whole child.</summary>
public readonly record struct ChildId(string LaChildId, Guid PersonId)
{
    public static ChildId Of(CensusChild child) => new(child.LaChildId, child.PersonId);
}
