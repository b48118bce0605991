using Safeguard.Core.Escalations;

namespace Safeguard.Web.Pages.Escalations.Shared;

/// <summary>What the escalations table partial shows: its lines (open first), the time overdue is judged at, and who is named.</summary>
public sealed record EscalationTable(IReadOnlyList<EscalationLine> Lines, DateTimeOffset Now, string Caption, string TestId, bool ShowRaisedBy,
    Func<EscalationLine, string>? AgeOf = null);
