using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Watching;

/// <summary>A day's flow, written as bulk rows: contacts (some through a partner's API), referrals and assessments started.</summary>
public sealed record DayFlow(int Contacts, int Referrals, int Assessments, int PartnerApiContacts = 0);

/// <summary>Rows for the flow watch to count, written directly: only the dates matter to it.</summary>
public static class FlowTestData
{
    private static int _serial;

    /// <summary>
    /// Every working day from <paramref name="from"/> to <paramref name="to"/> gets <paramref name="flow"/>(day, n) (n counts the
    /// working days from 0), weekends and bank holidays nothing.
    /// </summary>
    public static async Task WriteAsync(SafeguardDbContext db, DateOnly from, DateOnly to, Func<DateOnly, int, DayFlow> flow,
        Guid? partnerId = null)
    {
        var calendar = WorkingDayCalendar.Default();
        var (_, assessmentTeam, _, police) = await TestData.CreateCouncilAsync(db);
        var child = new Person("Flow", "Child", new DateOnly(2015, 1, 1), Sex.Female);
        db.People.Add(child);
        var first = new Referral(child.Id, null, from.AddDays(-200), "1A", assessmentTeam.Id);
        db.Referrals.Add(first);
        var n = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            var f = flow(day, n++);
            for (var i = 0; i < f.Contacts; i++)
            {
                db.Contacts.Add(new Contact($"FLOW-{Interlocked.Increment(ref _serial):D7}", TimeLimits.UkLocal(day, new TimeOnly(9, 0).AddMinutes(i * 7)),
                    ContactChannel.FrontDoor, "A concern"));
            }
            for (var i = 0; i < f.PartnerApiContacts; i++)
            {
                db.Contacts.Add(new Contact($"FLOW-{Interlocked.Increment(ref _serial):D7}", TimeLimits.UkLocal(day, new TimeOnly(10, 0).AddMinutes(i * 11)),
                    ContactChannel.PartnerApi, "A concern") { ReferringOrganisationId = partnerId ?? police.Id });
            }
            for (var i = 0; i < f.Referrals; i++) db.Referrals.Add(new Referral(child.Id, null, day, "1A", assessmentTeam.Id));
            for (var i = 0; i < f.Assessments; i++) db.Assessments.Add(new Assessment(first.Id, child.Id, day, calendar.AddWorkingDays(day, 45)));
            if (n % 10 == 0) await db.SaveChangesAsync();
        }
        await db.SaveChangesAsync();
    }

    /// <summary>About 40 contacts, 20 referrals and 10 assessments started a working day, varying a little.</summary>
    public static DayFlow Normal(int n) => new(38 + n % 5, 19 + (n * 3) % 4, 9 + n % 3);
}
