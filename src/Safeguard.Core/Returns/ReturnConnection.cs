using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Returns;

/// <summary>
/// One connection held open for the whole of a return's reading, instead of one opened for each of its statements. On
/// SQLite it also gets a 64 MB page cache while the return reads (the default is 2 MB): the pages of the tables' person
/// indexes are read again by every page of children, and found in the cache they are not read back from the file.
/// Put back to the default when the return is done, as the connection goes back to the pool.
/// </summary>
internal sealed class ReturnConnection : IAsyncDisposable
{
    private const string Larger = "PRAGMA cache_size=-65536;";
    private const string Default = "PRAGMA cache_size=-2000;";

    private readonly SafeguardDbContext db;

    private ReturnConnection(SafeguardDbContext db) => this.db = db;

    public static async Task<ReturnConnection> OpenAsync(SafeguardDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync(Larger, ct);
        return new ReturnConnection(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync(Default);
        await db.Database.CloseConnectionAsync();
    }
}
