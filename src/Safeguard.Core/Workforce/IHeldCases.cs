namespace Safeguard.Core.Workforce;

/// <summary>
/// The cases a worker holds, as staff records need them: the allocations live in the Allocation area, which builds on
/// this one, so it implements this (Allocation/Leavers) rather than this area reading allocations itself.
/// </summary>
public interface IHeldCases
{
    /// <summary>How many cases <paramref name="workerId"/> holds now.</summary>
    Task<int> CountAsync(Guid workerId, CancellationToken ct = default);

    /// <summary>
    /// <paramref name="worker"/>'s leaving date changed from <paramref name="before"/> to their
    /// <see cref="StaffUser.EmploymentEndsOn"/>: opens, moves or closes the reallocation work for their cases. Adds the
    /// changes to the context for the caller to save with the staff record; returns how many cases are to be reallocated.
    /// </summary>
    Task<int> LeavingDateChangedAsync(StaffUser worker, DateOnly? before, CancellationToken ct = default);
}
