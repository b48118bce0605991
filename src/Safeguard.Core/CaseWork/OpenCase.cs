using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.CaseWork;

/// <summary>A child's case that is open and held by a worker: where a new contact about the child must also reach.</summary>
public sealed record OpenCase
{
    public Guid PersonId { get; init; }
    public Guid ReferralId { get; init; }
    public Guid WorkerId { get; init; }
    public Guid TeamId { get; init; }

    /// <summary>The allocated, open cases of <paramref name="personIds"/>, as one query (intake runs it once for a whole batch).</summary>
    public static IQueryable<OpenCase> Of(SafeguardDbContext db, IReadOnlyCollection<Guid> personIds) =>
        db.Referrals.AsNoTracking()
            .Where(r => personIds.Contains(r.PersonId) && r.Status == ReferralStatus.Allocated && r.AllocatedWorkerId != null)
            .Select(r => new OpenCase { PersonId = r.PersonId, ReferralId = r.Id, WorkerId = r.AllocatedWorkerId!.Value, TeamId = r.TeamId });
}
