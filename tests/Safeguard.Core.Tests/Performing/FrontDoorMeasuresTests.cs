using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Performance;
using Safeguard.Core.Performance.Measures;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;
using static Safeguard.Core.Tests.Performing.PerformanceData;

namespace Safeguard.Core.Tests.Performing;

/// <summary>Screening decisions within one working day, feedback within 48 hours and contacts received, worked out by hand.</summary>
public sealed class FrontDoorMeasuresTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero));
    private static readonly IWorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private static readonly DateOnly Monday = new(2026, 3, 30);
    private static readonly PerformancePeriod TwoWeeks = new(Monday, new DateOnly(2026, 4, 12));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    /// <summary>
    /// In the week from Monday 30 March 2026: one contact received on Thursday 2 April, before Good Friday and Easter
    /// Monday, decided on Tuesday 7 April (in time: its one working day ends then); one decided the next morning (in time);
    /// one decided a little after its working day ended (late). One received on the Sunday before the period is not counted.
    /// </summary>
    private async Task<(Guid FrontDoor, Guid Other, List<Guid> Counted)> ThreeContactsAsync(Core.Data.SafeguardDbContext db)
    {
        var (frontDoor, assessment, _, _) = await TestData.CreateCouncilAsync(db);
        var screener = await CaseloadQueries.CaseloadData.WorkerAsync(db, "Sara Screener", frontDoor.Id);
        var other = await CaseloadQueries.CaseloadData.WorkerAsync(db, "Otto Other", assessment.Id);
        var acrossEaster = await ChildAsync(db, "Easter");
        var nextMorning = await ChildAsync(db, "Morning");
        var late = await ChildAsync(db, "Late");
        var before = await ChildAsync(db, "Before");
        await ContactAsync(db, acrossEaster, Uk(new DateOnly(2026, 4, 2), 10), Uk(new DateOnly(2026, 4, 7), 9, 30), screener.Id);
        await ContactAsync(db, nextMorning, Uk(new DateOnly(2026, 4, 1), 10), Uk(new DateOnly(2026, 4, 2), 9, 30), screener.Id);
        await ContactAsync(db, late, Uk(new DateOnly(2026, 4, 1), 11), Uk(new DateOnly(2026, 4, 2), 11, 5), other.Id);
        await ContactAsync(db, before, Uk(new DateOnly(2026, 3, 29), 23, 30), Uk(new DateOnly(2026, 3, 30), 9), screener.Id);
        return (frontDoor.Id, assessment.Id, [acrossEaster.Id, nextMorning.Id, late.Id]);
    }

    [Fact]
    public async Task Decisions_TwoOfThreeInTime_AcrossABankHoliday_Is66Point7Percent()
    {
        await using var db = _database.CreateContext(_time);
        await ThreeContactsAsync(db);

        var series = await new DecisionsWithinOneWorkingDay(db, Calendar, _time).SeriesAsync(TwoWeeks, null);

        Assert.Equal(["30 Mar 2026", "6 Apr 2026"], series.Points.Select(p => p.Bucket.Label));
        Assert.Equal((2, 3), (series.Points[0].Numerator, series.Points[0].Denominator));
        Assert.Equal(66.7, series.Points[0].Values[0]);
        Assert.Null(series.Points[1].Values[0]);
    }

    [Fact]
    public async Task Decisions_ForATeam_CountOnlyThoseItsWorkersDecided()
    {
        await using var db = _database.CreateContext(_time);
        var (frontDoor, other, _) = await ThreeContactsAsync(db);
        var measure = new DecisionsWithinOneWorkingDay(db, Calendar, _time);

        var front = (await measure.SeriesAsync(TwoWeeks, frontDoor)).Points[0];
        var others = (await measure.SeriesAsync(TwoWeeks, other)).Points[0];

        Assert.Equal((2, 2, 100.0), (front.Numerator, front.Denominator, front.Values[0]));
        Assert.Equal((0, 1, 0.0), (others.Numerator, others.Denominator, others.Values[0]));
    }

    [Fact]
    public async Task Decisions_UndecidedPastItsWorkingDay_CountsAsLate_UndecidedStillInTime_IsNotCounted()
    {
        await using var db = _database.CreateContext(_time);
        var overdue = await ChildAsync(db, "Overdue");
        var waiting = await ChildAsync(db, "Waiting");
        await ContactAsync(db, overdue, Uk(new DateOnly(2026, 4, 16), 10));
        await ContactAsync(db, waiting, _time.GetUtcNow().AddHours(-1));
        var period = new PerformancePeriod(new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 20));

        var point = (await new DecisionsWithinOneWorkingDay(db, Calendar, _time).SeriesAsync(period, null)).Points[0];

        Assert.Equal((0, 1), (point.Numerator, point.Denominator));
    }

    [Fact]
    public async Task TheListBehindAFigure_HasExactlyTheChildrenCounted_AndSaysWhichWereInTime()
    {
        await using var db = _database.CreateContext(_time);
        var (_, _, counted) = await ThreeContactsAsync(db);
        var measure = new DecisionsWithinOneWorkingDay(db, Calendar, _time);
        var point = TwoWeeks.Buckets()[0];

        var list = await new PerformanceLists(db, new Core.People.Access.NeedToKnow(db)).ListAsync(measure, TwoWeeks, point, null, 1);

        Assert.Equal((2, 3), (list.Met, list.Total));
        Assert.Equal(counted.Order(), list.Rows.SelectMany(r => r.Children).Select(c => c.PersonId).Order());
        Assert.Equal(2, list.Rows.Count(r => r.Met));
        Assert.Contains(list.Rows, r => !r.Met && r.Children.Single().Name == "Late Measured");
    }

    [Fact]
    public async Task Feedback_SentWithin48Hours_InTime_SentAfter_Late_NotSentAndNotYetDue_NotCounted()
    {
        await using var db = _database.CreateContext(_time);
        var received = Uk(new DateOnly(2026, 4, 14), 10);
        await ContactAsync(db, await ChildAsync(db, "Told"), received, feedbackSentAt: received.AddHours(47));
        await ContactAsync(db, await ChildAsync(db, "Told late"), received, feedbackSentAt: received.AddHours(49));
        await ContactAsync(db, await ChildAsync(db, "Not yet due"), _time.GetUtcNow().AddHours(-2));
        var period = new PerformancePeriod(new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 19));

        var point = (await new FeedbackWithin48Hours(db, _time).SeriesAsync(period, null)).Points[0];

        Assert.Equal((1, 2, 50.0), (point.Numerator, point.Denominator, point.Values[0]));
    }

    [Fact]
    public async Task ContactsReceived_CountsEachContactInItsWeek_ByUkDate()
    {
        await using var db = _database.CreateContext(_time);
        await ThreeContactsAsync(db);

        var series = await new ContactsReceived(db).SeriesAsync(TwoWeeks, null);

        Assert.Equal([3.0, 0.0], series.Points.Select(p => p.Values[0]));
    }
}
