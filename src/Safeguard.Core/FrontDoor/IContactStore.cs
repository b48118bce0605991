using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// How <see cref="ContactIntake"/> reaches the database while it records contacts: its reads, a batch's transaction and
/// the batch's one save. What is checked, staged and recorded is decided in <see cref="ContactIntake"/> whichever store it
/// is given; a store only decides how each of those calls reaches the database. <see cref="ContactStore"/> is EF's
/// ordinary way; the partner API's group-commit writer gives its own (Safeguard.Core.Intake, docs/adr/0006).
/// </summary>
public interface IContactStore
{
    /// <summary>Runs a read.</summary>
    Task<List<T>> ListAsync<T>(IQueryable<T> query, CancellationToken ct);

    /// <summary>Starts a batch's transaction. The batch's checks (reads) follow, then <see cref="ChecksDoneAsync"/>.</summary>
    Task<IDbContextTransaction> BeginAsync(CancellationToken ct);

    /// <summary>The batch's checks are done: staging and the save follow.</summary>
    Task ChecksDoneAsync(CancellationToken ct);

    /// <summary>Saves everything staged (every pending change is an addition) and commits <paramref name="transaction"/>.</summary>
    Task SaveAndCommitAsync(IDbContextTransaction transaction, CancellationToken ct);
}

/// <summary>EF's ordinary way, awaited: the store of every <see cref="ContactIntake"/> except the group-commit writer's.</summary>
public sealed class ContactStore(SafeguardDbContext db) : IContactStore
{
    public Task<List<T>> ListAsync<T>(IQueryable<T> query, CancellationToken ct) => query.ToListAsync(ct);

    public Task<IDbContextTransaction> BeginAsync(CancellationToken ct) => db.Database.BeginTransactionAsync(ct);

    public Task ChecksDoneAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task SaveAndCommitAsync(IDbContextTransaction transaction, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
