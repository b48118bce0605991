using Safeguard.Core.Oversight;
using Safeguard.Core.Security;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Oversight;

/// <summary>A busy service's list of alerts is cut short; what is cut must never be the newest, nor a fall in the flow of work.</summary>
public sealed class ManagerAlertListTests : MailTestBase
{
    [Fact]
    public async Task PastTheLimit_AFlowAlertAndTheNewestAlertsShow_AndTheTotalCountsEveryOpenAlert()
    {
        Guid head;
        await using (var db = Db())
        {
            var team = db.Teams.Add(new Team("Assessment team", TeamKind.Assessment)).Entity;
            var now = Time.GetUtcNow();
            for (var i = 1; i <= 6; i++)
            {
                db.Alerts.Add(new Alert(AlertKind.CasesLeftUnallocated, Guid.NewGuid(), team.Id, $"Worker alert {i}", now.AddDays(-10 + i)));
            }
            // The flow alert is older than every other alert: ordering by age alone would cut it.
            db.Alerts.Add(new Alert(AlertKind.FlowDropped, Guid.NewGuid(), team.Id, "Assessments started fell", now.AddDays(-20)));
            await db.SaveChangesAsync();
            head = (await AllocationTestData.StaffAsync(db, "Head Service", Roles.HeadOfService, null)).Id;
        }

        await using var read = Db();
        var list = await new ManagerAlerts(read).ListForUserAsync(head, max: 3);

        list.Total.ShouldBe(7);
        list.Lines.Select(a => a.Message).ShouldBe(["Assessments started fell", "Worker alert 6", "Worker alert 5"]);
        var all = await new ManagerAlerts(read).ListForUserAsync(head, max: 100);
        (all.Total, all.Lines.Count).ShouldBe((7, 7));
    }
}
