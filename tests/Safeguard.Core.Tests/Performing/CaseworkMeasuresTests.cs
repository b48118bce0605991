using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Conferences;
using Safeguard.Core.Enquiries;
using Safeguard.Core.Performance;
using Safeguard.Core.Performance.Measures;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;
using static Safeguard.Core.Tests.Performing.PerformanceData;

namespace Safeguard.Core.Tests.Performing;

/// <summary>Assessments, re-referrals, strategy discussions, initial conferences and plans, worked out by hand.</summary>
public sealed class CaseworkMeasuresTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private static readonly IWorkingDayCalendar Calendar = WorkingDayCalendar.Default();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Assessments_AuthorisedOnTheDueDay_InTime_TheDayAfter_Late_OtherTeamsLeftOutForATeam()
    {
        await using var db = _database.CreateContext(_time);
        var (_, assessmentTeam, cpTeam, _) = await TestData.CreateCouncilAsync(db);
        var referred = new DateOnly(2026, 3, 2);
        var due = Calendar.AddWorkingDays(referred, TimeLimits.AssessmentWorkingDays);
        foreach (var (name, authorised, team) in new[] { ("Ontime", due, assessmentTeam.Id), ("Late", due.AddDays(1), assessmentTeam.Id), ("Elsewhere", due, cpTeam.Id) })
        {
            var child = await ChildAsync(db, name);
            var referral = await ReferralAsync(db, child, referred, team);
            db.Assessments.Add(new Assessment(referral.Id, child.Id, referred, due) { CompletedOn = due.AddDays(-3), AuthorisedOn = authorised });
        }
        await db.SaveChangesAsync();
        var period = new PerformancePeriod(new DateOnly(2025, 11, 1), new DateOnly(2026, 5, 31));
        var measure = new AssessmentsWithin45WorkingDays(db);

        var all = Sum(await measure.SeriesAsync(period, null));
        var oneTeam = Sum(await measure.SeriesAsync(period, assessmentTeam.Id));

        Assert.True(period.Monthly);
        Assert.Equal((2, 3), all);
        Assert.Equal((1, 2), oneTeam);
    }

    [Fact]
    public async Task ReReferrals_OneOfTwoReferralsInTheWeek_Is50Percent_AndTheListNamesBoth()
    {
        await using var db = _database.CreateContext(_time);
        var (_, team, _, _) = await TestData.CreateCouncilAsync(db);
        var again = await ChildAsync(db, "Again");
        var first = await ChildAsync(db, "First");
        await ReferralAsync(db, again, new DateOnly(2026, 5, 12), team.Id, reReferral: true);
        await ReferralAsync(db, first, new DateOnly(2026, 5, 13), team.Id);
        await ReferralAsync(db, first, new DateOnly(2026, 5, 18), team.Id, reReferral: true);
        var period = new PerformancePeriod(new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 17));
        var measure = new ReReferrals(db);

        var point = (await measure.SeriesAsync(period, null)).Points.Single();
        var list = await new PerformanceLists(db, new Core.People.Access.NeedToKnow(db)).ListAsync(measure, period, point.Bucket, null, 1);

        Assert.Equal((1, 2, 50.0), (point.Numerator, point.Denominator, point.Values[0]));
        Assert.Equal(["Again Measured", "First Measured"], list.Rows.Select(r => r.Children.Single().Name).Order());
    }

    [Fact]
    public async Task StrategyDiscussions_AllThreeAgencies_Met_PoliceAndHealthOnly_NotMet()
    {
        await using var db = _database.CreateContext(_time);
        var (_, team, _, _) = await TestData.CreateCouncilAsync(db);
        var worker = await CaseloadQueries.CaseloadData.WorkerAsync(db, "Stella Strategy", team.Id);
        foreach (var (name, agencies) in new[] { ("Full", new[] { Agency.Police, Agency.Health, Agency.Education }), ("Partial", new[] { Agency.Police, Agency.Health }) })
        {
            var child = await ChildAsync(db, name);
            var referral = await ReferralAsync(db, child, new DateOnly(2026, 5, 4), team.Id);
            var discussion = new StrategyDiscussion(child.Id, referral.Id, Uk(new DateOnly(2026, 5, 5), 14), worker.Id);
            db.StrategyDiscussions.Add(discussion);
            foreach (var agency in agencies) db.StrategyParticipants.Add(new StrategyParticipant(discussion.Id, agency, "Someone", "Officer"));
        }
        await db.SaveChangesAsync();

        var point = (await new StrategyDiscussionsWithAllAgencies(db).SeriesAsync(new PerformancePeriod(new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 10)), null)).Points.Single();

        Assert.Equal((1, 2), (point.Numerator, point.Denominator));
    }

    [Fact]
    public async Task InitialConferences_ByTheFifteenthWorkingDayAfterTheLatestDiscussion_InTime_OneDayLater_Late()
    {
        await using var db = _database.CreateContext(_time);
        var (_, team, _, _) = await TestData.CreateCouncilAsync(db);
        var worker = await CaseloadQueries.CaseloadData.WorkerAsync(db, "Carl Chair", team.Id);
        var firstHeld = Uk(new DateOnly(2026, 4, 1), 10);
        var latestHeld = Uk(new DateOnly(2026, 4, 20), 10);
        var target = Calendar.InitialConferenceTargetOn(latestHeld);
        foreach (var (name, heldOn) in new[] { ("Prompt", target), ("Slow", Calendar.AddWorkingDays(target, 1)) })
        {
            var child = await ChildAsync(db, name);
            var referral = await ReferralAsync(db, child, new DateOnly(2026, 3, 30), team.Id);
            db.StrategyDiscussions.Add(new StrategyDiscussion(child.Id, referral.Id, firstHeld, worker.Id));
            db.StrategyDiscussions.Add(new StrategyDiscussion(child.Id, referral.Id, latestHeld, worker.Id));
            db.ChildProtectionConferences.Add(new ChildProtectionConference(ConferenceKind.Initial, child.Id, referral.Id, Uk(heldOn, 11), worker.Id, worker.Id));
        }
        await db.SaveChangesAsync();

        var total = Sum(await new InitialConferencesWithin15WorkingDays(db, Calendar).SeriesAsync(new PerformancePeriod(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)), null));

        Assert.Equal((1, 2), total);
    }

    [Fact]
    public async Task ProtectionPlans_CountedAtEachWeeksEnd_WithSecondPlans_AndPlansOfTwoYears()
    {
        await using var db = _database.CreateContext(_time);
        var (_, _, team, _) = await TestData.CreateCouncilAsync(db);
        var longChild = await ChildAsync(db, "Long");
        var secondChild = await ChildAsync(db, "Second");
        var endedChild = await ChildAsync(db, "Ended");
        var referral = await ReferralAsync(db, longChild, new DateOnly(2024, 1, 2), team.Id);
        db.ChildPlans.Add(new ChildPlan(referral.Id, longChild.Id, PlanKind.ChildProtection, new DateOnly(2024, 3, 1), "Neglect"));
        db.ChildPlans.Add(new ChildPlan(referral.Id, secondChild.Id, PlanKind.ChildProtection, new DateOnly(2026, 5, 6), "Neglect", number: 2) { EndedOn = new DateOnly(2026, 5, 14) });
        db.ChildPlans.Add(new ChildPlan(referral.Id, endedChild.Id, PlanKind.ChildProtection, new DateOnly(2026, 1, 6), "Neglect") { EndedOn = new DateOnly(2026, 5, 10) });
        db.ChildPlans.Add(new ChildPlan(referral.Id, endedChild.Id, PlanKind.ChildInNeed, new DateOnly(2026, 1, 6), null));
        await db.SaveChangesAsync();
        var period = new PerformancePeriod(new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 17));

        var series = await new ChildrenOnProtectionPlans(db).SeriesAsync(period, null);

        // Week to 10 May: Long, Second (Ended ended on the 10th); week to 17 May: Long only (Second ended on the 14th).
        Assert.Equal([2.0, 1.0, 1.0], series.Points[0].Values);
        Assert.Equal([1.0, 0.0, 1.0], series.Points[1].Values);
    }

    private static (int Met, int Of) Sum(MeasureSeries series) => (series.Points.Sum(p => p.Numerator), series.Points.Sum(p => p.Denominator));
}
