namespace Safeguard.Core.Work;

/// <summary>
/// What a manager is alerted about. Kept with work, not with the alerts, because each kind of late work names its alert
/// in the work catalogue; the alerts themselves (Oversight) read work, never the other way round.
/// </summary>
public enum AlertKind { ContactOverdue, FeedbackOverdue, FeedbackUndelivered, AllocationOverdue, InformationUnread }
