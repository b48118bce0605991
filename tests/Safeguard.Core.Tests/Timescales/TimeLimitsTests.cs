using Safeguard.Core.Timescales;

namespace Safeguard.Core.Tests.Timescales;

public class TimeLimitsTests
{
    private static readonly IWorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);
    private static readonly TimeSpan Gmt = TimeSpan.Zero;

    [Fact]
    public void ScreeningDecisionDue_ContactOnThursdayBeforeEaster_IsDueTuesdayAfter()
    {
        Calendar.ScreeningDecisionDue(new DateTimeOffset(2024, 3, 28, 10, 0, 0, Gmt))
            .ShouldBe(new DateTimeOffset(2024, 4, 2, 10, 0, 0, Bst));
    }

    [Fact]
    public void AssessmentDue_IsFortyFiveWorkingDaysAfterReferral()
    {
        Calendar.AssessmentDue(new DateTimeOffset(2024, 3, 4, 11, 0, 0, Gmt))
            .ShouldBe(new DateTimeOffset(2024, 5, 9, 11, 0, 0, Bst));
    }

    [Fact]
    public void InitialConferenceDue_IsTheEndOfTheFifteenthWorkingDayAfterStrategyDiscussion()
    {
        // Strategy discussion Monday 16 December 2024: Christmas Day and Boxing Day and New Year's Day skipped.
        Calendar.InitialConferenceTargetOn(new DateTimeOffset(2024, 12, 16, 15, 0, 0, Gmt)).ShouldBe(new DateOnly(2025, 1, 9));
        Calendar.InitialConferenceDue(new DateTimeOffset(2024, 12, 16, 15, 0, 0, Gmt))
            .ShouldBe(new DateTimeOffset(2025, 1, 9, 17, 0, 0, Gmt));
        // Held on Saturday 14 December 2024: counted from that day, the same target as a discussion on the Friday.
        Calendar.InitialConferenceTargetOn(new DateTimeOffset(2024, 12, 14, 10, 0, 0, Gmt))
            .ShouldBe(Calendar.InitialConferenceTargetOn(new DateTimeOffset(2024, 12, 13, 10, 0, 0, Gmt)));
    }

    [Fact]
    public void FirstCoreGroupDue_IsTenWorkingDaysAfterInitialConference()
    {
        Calendar.FirstCoreGroupDue(new DateTimeOffset(2024, 5, 1, 10, 0, 0, Bst))
            .ShouldBe(new DateTimeOffset(2024, 5, 16, 10, 0, 0, Bst)); // skips 6 May
    }

    [Fact]
    public void FirstReviewConferenceDue_OnAWeekend_IsBroughtBackToTheFriday()
    {
        // 3 months after Wednesday 8 May 2024 is Thursday 8 August; after 8 June 2024 (Saturday) is Sunday 8 September.
        Calendar.FirstReviewConferenceDue(new DateOnly(2024, 5, 8)).ShouldBe(new DateOnly(2024, 8, 8));
        Calendar.FirstReviewConferenceDue(new DateOnly(2024, 6, 8)).ShouldBe(new DateOnly(2024, 9, 6));
    }

    [Fact]
    public void FirstReviewConferenceDue_FromMonthEnd_ClampsToTheShorterMonth()
    {
        // 30 November 2023 + 3 months = 29 February 2024 (Thursday).
        Calendar.FirstReviewConferenceDue(new DateOnly(2023, 11, 30)).ShouldBe(new DateOnly(2024, 2, 29));
    }

    [Fact]
    public void NextReviewConferenceDue_IsSixMonthsAfterPreviousReview()
    {
        // 6 months after 26 June 2024 is Thursday 26 December 2024 (Boxing Day): brought back to Tuesday 24 December.
        Calendar.NextReviewConferenceDue(new DateOnly(2024, 6, 26)).ShouldBe(new DateOnly(2024, 12, 24));
    }

    [Fact]
    public void ReferrerFeedbackDue_IsFortyEightCalendarHours()
    {
        var received = new DateTimeOffset(2024, 6, 7, 16, 0, 0, Bst);

        TimeLimits.ReferrerFeedbackDue(received).ShouldBe(new DateTimeOffset(2024, 6, 9, 16, 0, 0, Bst));
    }
}
