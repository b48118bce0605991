using Safeguard.Core.Audit;

namespace Safeguard.Core.Chronology.Patterns;

/// <summary>A pattern rule found something in the child's record: the alert, the rule and what it found.</summary>
public sealed record PatternAlertRaised(Guid AlertId, PatternRule Rule, string Details) : IEvent
{
    public static string Name => "pattern-alert.raised";

    public string Describe() => $"{PatternWords.Title(Rule)}: {Details}";
}

/// <summary>Someone acknowledged a pattern alert, saying what was done.</summary>
public sealed record PatternAlertAcknowledged(Guid AlertId, PatternRule Rule, string Note) : IEvent
{
    public static string Name => "pattern-alert.acknowledged";

    public string Describe() => $"{PatternWords.Title(Rule)} acknowledged: {Note}";
}
