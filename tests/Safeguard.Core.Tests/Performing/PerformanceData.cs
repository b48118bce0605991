using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Performing;

/// <summary>Contacts, referrals and plans for the measure tests, written through the real model.</summary>
internal static class PerformanceData
{
    /// <summary>UK local time on <paramref name="day"/> (2026 spring: GMT before 29 March, BST from then).</summary>
    public static DateTimeOffset Uk(DateOnly day, int hour, int minute = 0) => TimeLimits.UkLocal(day, new TimeOnly(hour, minute));

    public static async Task<Contact> ContactAsync(SafeguardDbContext db, Person child, DateTimeOffset receivedAt, DateTimeOffset? decidedAt = null,
        Guid? decidedBy = null, DateTimeOffset? feedbackSentAt = null)
    {
        var contact = new Contact("PC-" + Guid.NewGuid().ToString("N")[..8], receivedAt, ContactChannel.FrontDoor, "Worried about the child")
        {
            ReferrerName = "A teacher", Priority = Priority.Standard,
            DecisionDueAt = receivedAt.AddDays(1), FeedbackDueAt = TimeLimits.ReferrerFeedbackDue(receivedAt), FeedbackSentAt = feedbackSentAt,
        };
        contact.Children.Add(new ContactChild(child.Id));
        if (decidedAt is { } at) contact.RecordDecision(ScreeningOutcome.ReferralToSocialCare, "Needs an assessment", decidedBy, at, byManager: true);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact;
    }

    public static async Task<Referral> ReferralAsync(SafeguardDbContext db, Person child, DateOnly on, Guid teamId, bool reReferral = false)
    {
        var referral = new Referral(child.Id, null, on, "1A", teamId) { IsReReferral = reReferral };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral;
    }

    public static Task<Person> ChildAsync(SafeguardDbContext db, string given) => TestData.PersonAsync(db, given, "Measured", new DateOnly(2016, 5, 9));
}
