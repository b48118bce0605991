using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Assessments;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;

namespace Safeguard.TestCommon;

/// <summary>Child in need plans made through the services, as a worker and their manager make them.</summary>
public static class ChildInNeedTestData
{
    /// <summary>
    /// The allocated <paramref name="referral"/>'s assessment completed by <paramref name="worker"/> (seen yesterday, outcome a
    /// child in need plan) and authorised by <paramref name="manager"/> now: the plan it started.
    /// </summary>
    public static async Task<ChildPlan> PlanAfterAssessmentAsync(TestDatabase database, TimeProvider time, StaffUser manager, StaffUser worker,
        Referral referral)
    {
        Guid assessmentId;
        await using (var db = database.CreateContext(time, new Actor(worker.Id, worker.DisplayName)))
        {
            var assessment = await db.Assessments.AsNoTracking().SingleAsync(a => a.ReferralId == referral.Id);
            assessmentId = assessment.Id;
            var input = new AssessmentInput(assessment.Id, assessment.Version, referral.ReferralDate, true, ["3B"], "Neglect linked to the family's debts.",
                "She wants things at home to be calmer.", AssessmentOutcome.ChildInNeedPlan, null);
            var saved = await AllocationTestData.AssessmentService(db).SaveAsync(input, complete: true);
            if (saved.Outcome != AssessmentChange.Saved) throw new InvalidOperationException(string.Join("; ", saved.Errors.Select(e => e.Message)));
        }
        await using (var db = database.CreateContext(time, new Actor(manager.Id, manager.DisplayName)))
        {
            var version = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => a.Version).SingleAsync();
            var authorised = await AllocationTestData.AssessmentService(db).AuthoriseAsync(assessmentId, version);
            if (authorised.Outcome != AssessmentChange.Saved) throw new InvalidOperationException("The assessment was not authorised");
        }
        await using var read = database.CreateContext(time, Actor.System);
        return await read.ChildPlans.AsNoTracking().SingleAsync(p => p.ReferralId == referral.Id && p.Kind == PlanKind.ChildInNeed);
    }
}
