using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;

namespace Safeguard.Core.Security.Throttling;

/// <summary>
/// Slows password guessing per client address and per account, with growing waits instead of a lockout. An account is
/// counted by the email typed, whether or not such an account exists, so the waits reveal nothing about who has one.
/// The trade-off: anyone can make an account's owner wait (never longer than <see cref="SignInThrottleSettings.LongestWait"/>
/// at a time), but no one can lock it.
/// </summary>
public sealed class SignInThrottling(SafeguardDbContext db, IOptions<SignInThrottleSettings> settings)
{
    private SignInThrottleSettings Settings => settings.Value;

    /// <summary>How long the attempt must still wait, or null when it may be checked now.</summary>
    public async Task<TimeSpan?> WaitAsync(string email, IPAddress? address, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        string[] keys = [AccountKey(email), AddressKey(address)];
        var until = await db.SignInThrottles.AsNoTracking()
            .Where(t => keys.Contains(t.Key) && t.WaitUntil != null)
            .Select(t => t.WaitUntil)
            .ToListAsync(ct);
        var longest = until.Max();
        return longest is { } end && end > now ? end - now : null;
    }

    /// <summary>Counts a failed attempt against the account and the address, and forgets keys long quiet.</summary>
    public async Task RecordFailureAsync(string email, IPAddress? address, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        await FailAsync(AccountKey(email), Settings.FreeFailuresPerAccount, now, ct);
        await FailAsync(AddressKey(address), Settings.FreeFailuresPerAddress, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance counted the first failure of the same key at the same moment: its row stands; one
            // failure less is counted, which changes nothing that matters.
            db.ChangeTracker.Clear();
        }
        await PruneAsync(now, ct);
    }

    /// <summary>A correct password forgets the account's failures (not the address's: one good account must not clear them).</summary>
    public Task RecordSuccessAsync(string email, CancellationToken ct = default)
    {
        var key = AccountKey(email);
        return db.SignInThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
    }

    private async Task FailAsync(string key, int free, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.SignInThrottles.SingleOrDefaultAsync(t => t.Key == key, ct);
        if (row is null)
        {
            row = new SignInThrottle(key, now);
            db.SignInThrottles.Add(row);
        }
        row.Fail(now, free, Settings);
    }

    /// <summary>Deletes keys whose failures are forgotten, so the table holds only recent trouble.</summary>
    private Task PruneAsync(DateTimeOffset now, CancellationToken ct)
    {
        var quietSince = now - Settings.Window;
        return db.SignInThrottles
            .Where(t => t.LastFailureAt < quietSince && (t.WaitUntil == null || t.WaitUntil < quietSince))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>The account's key: a hash of the email as Identity normalises it, so no typed address is stored here.</summary>
    public static string AccountKey(string email)
    {
        var normalised = email.Trim().ToUpperInvariant();
        return "account:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>The address's key; an IPv6 address counts by its /64 network, which one client commonly holds whole.</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null) return "address:unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }
        return "address:" + address;
    }
}
