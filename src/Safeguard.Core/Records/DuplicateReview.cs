using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

using Safeguard.Core.People;

namespace Safeguard.Core.Records;

public sealed record DuplicateLine(Guid Id, Guid PersonId1, string Name1, Guid PersonId2, string Name2, double Score, string Band,
    DuplicateFoundBy FoundBy, DateTimeOffset FoundAt);

public sealed record DuplicateSide(PersonSummary Person, IReadOnlyList<string> OtherNames, IReadOnlyList<AddressLine> Addresses,
    int Contacts, int Referrals);

public sealed record DuplicateReviewView(Guid Id, DuplicateStatus Status, double Score, string Band, DuplicateFoundBy FoundBy,
    DateTimeOffset FoundAt, IReadOnlyList<string> Explanation, DuplicateSide First, DuplicateSide Second, string? Reason,
    string? ResolvedByName, Guid? MergeId);

public sealed record MergeView(Guid Id, Guid SurvivorId, string SurvivorName, Guid MergedId, string MergedName, DateTimeOffset MergedAt,
    string MergedByName, string Reason, IReadOnlyDictionary<string, int> Moved, DateTimeOffset? UnmergedAt, string? UnmergedByName,
    string? UnmergeReason);

/// <summary>The duplicate review queue: open pairs best first, one pair side by side, and the "not the same person" decision.</summary>
public sealed class DuplicateReview(SafeguardDbContext db)
{
    public async Task<IReadOnlyList<DuplicateLine>> OpenAsync(int max = 200, CancellationToken ct = default)
    {
        var hidden = new People.Access.NeedToKnow(db).Hidden();
        return await db.DuplicateCandidates.AsNoTracking()
            .Where(c => c.Status == DuplicateStatus.Open && !hidden.Contains(c.PersonId1) && !hidden.Contains(c.PersonId2))
            .Join(db.People.Where(p => p.MergedIntoPersonId == null), c => c.PersonId1, p => p.Id, (c, p1) => new { c, p1 })
            .Join(db.People.Where(p => p.MergedIntoPersonId == null), x => x.c.PersonId2, p => p.Id, (x, p2) => new { x.c, x.p1, p2 })
            .OrderByDescending(x => x.c.Score).ThenBy(x => x.c.FoundAt)
            .Take(max)
            .Select(x => new DuplicateLine(x.c.Id, x.p1.Id, x.p1.GivenName + " " + x.p1.FamilyName, x.p2.Id, x.p2.GivenName + " " + x.p2.FamilyName,
                x.c.Score, x.c.Band, x.c.FoundBy, x.c.FoundAt))
            .ToListAsync(ct);
    }

    public async Task<DuplicateReviewView?> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.DuplicateCandidates.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var explanation = (JsonSerializer.Deserialize<List<string>>(c.Explanation) ?? []).Select(People.Matching.MatchWords.WithoutWeight).ToList();
        return new DuplicateReviewView(c.Id, c.Status, c.Score, c.Band, c.FoundBy, c.FoundAt, explanation,
            await SideAsync(c.PersonId1, ct), await SideAsync(c.PersonId2, ct), c.Reason, c.ResolvedByName, c.MergeId);
    }

    private async Task<DuplicateSide> SideAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new PersonSummary(p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.NhsNumber, p.School, p.MergedIntoPersonId))
            .SingleAsync(ct);
        var names = await db.PersonNames.AsNoTracking().Where(n => n.PersonId == personId)
            .Select(n => n.GivenName + " " + n.FamilyName).ToListAsync(ct);
        var addresses = await db.PersonAddresses.AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.From)
            .Select(a => new AddressLine(a.Line1, a.Town, a.Postcode, a.From, a.To)).ToListAsync(ct);
        var contacts = await db.ContactChildren.CountAsync(x => x.PersonId == personId, ct);
        var referrals = await db.Referrals.CountAsync(x => x.PersonId == personId, ct);
        return new DuplicateSide(person, names, addresses, contacts, referrals);
    }

    /// <summary>Records that the pair are different people; the pair is never queued again.</summary>
    public async Task NotDuplicateAsync(Guid id, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new PersonIndexException("Enter why these are not the same person");
        var c = await db.DuplicateCandidates.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new PersonIndexException("The possible duplicate does not exist");
        if (c.Status != DuplicateStatus.Open) throw new PersonIndexException("This possible duplicate has already been decided");
        c.MarkNotDuplicate(db.Actor, reason, db.Time.GetUtcNow());
        foreach (var (person, other) in new[] { (c.PersonId1, c.PersonId2), (c.PersonId2, c.PersonId1) })
        {
            db.Record(new NotDuplicate(c.Id, person, other), person, nameof(Person), other, reason.Trim());
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<MergeView?> MergeAsync(Guid mergeId, CancellationToken ct = default)
    {
        var m = await db.PersonMerges.AsNoTracking().SingleOrDefaultAsync(x => x.Id == mergeId, ct);
        if (m is null) return null;
        var names = await db.People.AsNoTracking().Where(p => p.Id == m.SurvivorId || p.Id == m.MergedId)
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var moved = (JsonSerializer.Deserialize<Dictionary<string, List<Guid>>>(m.Moved) ?? []).ToDictionary(x => x.Key, x => x.Value.Count);
        return new MergeView(m.Id, m.SurvivorId, names[m.SurvivorId], m.MergedId, names[m.MergedId], m.MergedAt, m.MergedByName, m.Reason,
            moved, m.UnmergedAt, m.UnmergedByName, m.UnmergeReason);
    }
}
