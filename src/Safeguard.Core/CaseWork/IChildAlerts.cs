namespace Safeguard.Core.CaseWork;

/// <summary>
/// The open alerts about children, for <see cref="ChildStatuses"/>. Alerts are raised and kept by Oversight, which reads
/// this area (and the front door, which reads this area too), so this area asks for them through this interface instead
/// of naming Oversight (docs/architecture.md).
/// </summary>
public interface IChildAlerts
{
    /// <summary>The open alerts about <paramref name="personIds"/>, earliest raised first.</summary>
    Task<IReadOnlyList<ChildAlert>> OpenAboutAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct);
}

public sealed record ChildAlert(Guid PersonId, AlertStatus Alert);
