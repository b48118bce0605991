using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

/// <summary>A key just made: the only moment the whole key exists outside the partner's hands.</summary>
public sealed record CreatedPartnerKey(Guid Id, string Prefix, string Key, Guid OrganisationId, string OrganisationName, string Name);

/// <summary>A key that checked out: who is calling.</summary>
public sealed record VerifiedPartnerKey(Guid KeyId, string Prefix, Guid OrganisationId, string OrganisationName);

public sealed record PartnerKeySummary(string Prefix, string Name, string OrganisationName, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

public enum PartnerKeyCheck { Valid, Malformed, Unknown, Revoked, OrganisationRetired }

public sealed class UnknownOrganisationException(string name)
    : Exception($"There is no organisation called '{name}'. Names must match exactly; see `safeguard organisation list`.");

public sealed class RetiredOrganisationException(string name)
    : Exception($"{name} is retired and can no longer refer, so it cannot have a new key. Reinstate it first if that was a mistake.");

/// <summary>
/// Partner API keys: `sgk_{prefix}_{secret}`. Only the 8-character prefix (to find the key) and a SHA-256 hash of the
/// whole key are stored; the hash is compared in constant time. Used by the `safeguard partner-key` command and the API.
/// </summary>
public sealed class PartnerKeys(SafeguardDbContext db)
{
    public const string KeyStart = "sgk_";
    public const int PrefixLength = 8;
    public const int SecretLength = 40;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>
    /// How long a key that checked out is trusted without asking the database again. A key revoked in this process is
    /// forgotten at once; a key revoked from another process (the `safeguard partner-key revoke` command, another web
    /// server) stops working within this time.
    /// </summary>
    public static readonly TimeSpan VerifiedFor = TimeSpan.FromSeconds(5);

    /// <summary>Valid keys recently checked, by database and hash of the whole key (never the key itself).</summary>
    private static readonly ConcurrentDictionary<(string Database, string Hash), (VerifiedPartnerKey Key, long Until)> Verified = new();

    public async Task<CreatedPartnerKey> CreateAsync(string organisationName, string? name = null, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.Where(o => o.Name == organisationName).OrderBy(o => o.RetiredAt != null)
            .Select(o => new { o.Id, o.Name, o.RetiredAt }).FirstOrDefaultAsync(ct)
            ?? throw new UnknownOrganisationException(organisationName);
        if (organisation.RetiredAt is not null) throw new RetiredOrganisationException(organisation.Name);
        var prefix = Random(PrefixLength);
        var key = $"{KeyStart}{prefix}_{Random(SecretLength)}";
        var label = string.IsNullOrWhiteSpace(name) ? $"{organisation.Name} key" : name.Trim();
        label = Text.Clip.ToLength(label, 200);
        var entity = new PartnerApiKey(organisation.Id, prefix, Hash(key), label, db.Time.GetUtcNow());
        db.PartnerApiKeys.Add(entity);
        db.Record(new PartnerKeyCreated(entity.Id, prefix, organisation.Id, organisation.Name, label),
            subjectType: nameof(PartnerApiKey), subjectId: entity.Id);
        await db.SaveChangesAsync(ct);
        return new CreatedPartnerKey(entity.Id, prefix, key, organisation.Id, organisation.Name, label);
    }

    /// <summary>
    /// As <see cref="VerifyAsync"/>, but a key found valid within the last <see cref="VerifiedFor"/> is trusted without
    /// a query (the API authenticates every request with this). Only valid keys are remembered.
    /// </summary>
    public Task<(PartnerKeyCheck Result, VerifiedPartnerKey? Key)> VerifyRecentAsync(string? presented, CancellationToken ct = default)
    {
        if (TryPrefix(presented, out _)
            && Verified.TryGetValue((db.ConnectionString, Hash(presented!)), out var cached)
            && cached.Until > Environment.TickCount64)
        {
            return Task.FromResult<(PartnerKeyCheck, VerifiedPartnerKey?)>((PartnerKeyCheck.Valid, cached.Key));
        }
        return VerifyAsync(presented, ct);
    }

    /// <summary>Checks a presented key. The organisation is returned only when the result is <see cref="PartnerKeyCheck.Valid"/>.</summary>
    public async Task<(PartnerKeyCheck Result, VerifiedPartnerKey? Key)> VerifyAsync(string? presented, CancellationToken ct = default)
    {
        if (!TryPrefix(presented, out var prefix)) return (PartnerKeyCheck.Malformed, null);
        var hash = Hash(presented!);
        var cacheKey = (db.ConnectionString, hash);
        var stored = await db.PartnerApiKeys.AsNoTracking()
            .Where(k => k.Prefix == prefix)
            .Join(db.Organisations, k => k.OrganisationId, o => o.Id, (k, o) => new { k.Id, k.Hash, k.RevokedAt, k.OrganisationId, OrganisationName = o.Name, o.RetiredAt })
            .SingleOrDefaultAsync(ct);
        if (stored is null) return (PartnerKeyCheck.Unknown, null);
        if (!HashesEqual(hash, stored.Hash)) return (PartnerKeyCheck.Unknown, null);
        if (stored.RevokedAt is not null)
        {
            Verified.TryRemove(cacheKey, out _);
            return (PartnerKeyCheck.Revoked, null);
        }
        if (stored.RetiredAt is not null)
        {
            Verified.TryRemove(cacheKey, out _);
            return (PartnerKeyCheck.OrganisationRetired, null);
        }
        var verified = new VerifiedPartnerKey(stored.Id, prefix, stored.OrganisationId, stored.OrganisationName);
        if (Verified.Count > 10_000) Verified.Clear();
        Verified[cacheKey] = (verified, Environment.TickCount64 + (long)VerifiedFor.TotalMilliseconds);
        return (PartnerKeyCheck.Valid, verified);
    }

    /// <summary>Revokes the key with this prefix; false when there is none or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(string prefix, CancellationToken ct = default)
    {
        var key = await db.PartnerApiKeys.SingleOrDefaultAsync(k => k.Prefix == prefix.Trim(), ct);
        if (key is null || key.RevokedAt is not null) return false;
        key.RevokedAt = db.Time.GetUtcNow();
        db.Record(new PartnerKeyRevoked(key.Id, key.Prefix, key.Name), subjectType: nameof(PartnerApiKey), subjectId: key.Id);
        await db.SaveChangesAsync(ct);
        Forget(key.Prefix);
        return true;
    }

    public async Task<IReadOnlyList<PartnerKeySummary>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.PartnerApiKeys.AsNoTracking()
            .Join(db.Organisations, k => k.OrganisationId, o => o.Id, (k, o) => new { k.Prefix, k.Name, Organisation = o.Name, k.CreatedAt, k.RevokedAt })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Organisation).ThenBy(r => r.CreatedAt)
            .Select(r => new PartnerKeySummary(r.Prefix, r.Name, r.Organisation, r.CreatedAt, r.RevokedAt)).ToList();
    }

    /// <summary>Drops every cached verification of the key with this prefix (it was revoked in this process).</summary>
    private static void Forget(string prefix)
    {
        foreach (var entry in Verified)
        {
            if (entry.Value.Key.Prefix == prefix) Verified.TryRemove(entry.Key, out _);
        }
    }

    /// <summary>The prefix of a well-formed key (`sgk_` + 8 + `_` + secret), without touching the database.</summary>
    public static bool TryPrefix(string? presented, out string prefix)
    {
        prefix = "";
        if (presented is null || presented.Length < KeyStart.Length + PrefixLength + 1 + 32 || presented.Length > 200) return false;
        if (!presented.StartsWith(KeyStart, StringComparison.Ordinal) || presented[KeyStart.Length + PrefixLength] != '_') return false;
        foreach (var c in presented.AsSpan(KeyStart.Length))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        }
        prefix = presented.Substring(KeyStart.Length, PrefixLength);
        return true;
    }

    /// <summary>SHA-256 of the whole key, lower-case hex (64 characters).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
