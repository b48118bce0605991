namespace Safeguard.Core.Returns.Validation;

/// <summary>DfE's two kinds of failure: an error stops the return; a query must be amended or explained.</summary>
public enum RuleSeverity { Error, Query }

/// <summary>
/// One of DfE's CIN census validation rules, checked against one child as the census reports them. <see cref="Code"/>
/// and <see cref="Message"/> are DfE's own (CIN census 2025-26 validation rules), so a failure reads as COLLECT would report it.
/// </summary>
public sealed record CensusRule(string Code, RuleSeverity Severity, string Message, Func<CensusYear, CensusChild, bool> Fails);

/// <summary>A child that failed a rule.</summary>
public sealed record CensusFailure(string LaChildId, string Code, RuleSeverity Severity, string Message)
{
    /// <summary>The child's record, where the failure can be fixed.</summary>
    public Guid PersonId { get; init; }
}
