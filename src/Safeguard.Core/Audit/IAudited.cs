namespace Safeguard.Core.Audit;

/// <summary>An entity whose every change is written as an event in the same transaction.</summary>
public interface IAudited
{
    Guid Id { get; }

    /// <summary>The person whose record the change belongs to, so it appears in that person's history.</summary>
    Guid? AuditPersonId { get; }
}
