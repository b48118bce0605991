using Safeguard.Core.FrontDoor;
using Safeguard.Core.Oversight.Flow;
using Safeguard.Core.Performance;
using Safeguard.Core.Performance.Measures;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Watching;

/// <summary>
/// The flow watch and the dashboard count contacts and referrals by one definition (<see cref="ContactCounting"/>,
/// <see cref="CaseWork.ReferralCounting"/>), so a drop the watch alerts on is the drop the dashboard's chart shows.
/// </summary>
public sealed class FlowAndDashboardCountTests : MailTestBase
{
    // Across the clocks going forward (Sunday 29 March 2026), with contacts either side of UK midnight in summer time.
    private static readonly DateOnly From = new(2026, 3, 16);
    private static readonly DateOnly To = new(2026, 4, 10);

    [Fact]
    public async Task EveryDay_TheFlowCountsEqualTheDashboardsContactsAndReferrals()
    {
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, From, To, (day, n) => FlowTestData.Normal(n) with { PartnerApiContacts = n % 3 });
            // 00:30 BST on Wednesday 1 April is 23:30 UTC on 31 March: both must count it on 1 April.
            db.Contacts.Add(new Contact("EDGE-0001", TimeLimits.UkLocal(new DateOnly(2026, 4, 1), new TimeOnly(0, 30)), ContactChannel.FrontDoor, "A concern"));
            await db.SaveChangesAsync();
        }

        await using var read = Db();
        var period = new PerformancePeriod(From, To);
        var days = Measure.Days(From, To).ToList();
        var flow = new FlowCounts(read);
        var contacts = new ContactsReceived(read);
        var referrals = new ReferralsMade(read);
        var dashboardContacts = contacts.DailyFigures(await contacts.FactsAsync(period, null), days);
        var dashboardReferrals = referrals.DailyFigures(await referrals.FactsAsync(period, null), days);
        var flowContacts = await flow.ForAsync(FlowStage.ContactsReceived, From, To);
        var flowReferrals = await flow.ForAsync(FlowStage.Referrals, From, To);

        foreach (var day in days)
        {
            Assert.Equal((day, dashboardContacts.GetValueOrDefault(day).Count), (day, flowContacts.On(day)));
            Assert.Equal((day, dashboardReferrals.GetValueOrDefault(day).Count), (day, flowReferrals.On(day)));
        }

        var firstOfApril = new DateOnly(2026, 4, 1);
        Assert.Equal(FlowTestData.Normal(CountWorkingDays(From, firstOfApril)).Contacts + CountWorkingDays(From, firstOfApril) % 3 + 1,
            flowContacts.On(firstOfApril));
        Assert.Equal(0, flowContacts.On(new DateOnly(2026, 3, 29)));
    }

    /// <summary>The working days before <paramref name="day"/> from <see cref="From"/>: FlowTestData's n for that day.</summary>
    private static int CountWorkingDays(DateOnly from, DateOnly day)
    {
        var calendar = WorkingDayCalendar.Default();
        var n = 0;
        for (var d = from; d < day; d = d.AddDays(1)) if (calendar.IsWorkingDay(d)) n++;
        return n;
    }
}
