using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Core.Oversight;
using Safeguard.Core.Oversight.Flow;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Watching;

public sealed class FlowWatchTests : MailTestBase
{
    private FlowWatchSettings Settings { get; } = new() { RecipientRoles = [], RecipientEmails = [] };

    private FlowWatch Watch(SafeguardDbContext db) =>
        new(db, WorkingDayCalendar.Default(), Microsoft.Extensions.Options.Options.Create(Settings), new SmtpNotifier(Options.Smtp));

    /// <summary>Moves the clock to 18:30 UK time on <paramref name="day"/> (after the check time) and runs the watch.</summary>
    private async Task<IReadOnlyList<Alert>> RunAtEndOfAsync(DateOnly day)
    {
        Time.SetUtcNow(TimeLimits.UkLocal(day, new TimeOnly(18, 30)));
        await using var db = Db();
        return await Watch(db).RunAsync();
    }

    private static readonly DateOnly NormalFrom = new(2026, 1, 5);
    private static readonly DateOnly DropDay = new(2026, 3, 9);

    [Fact]
    public async Task AssessmentsStartedFallingToATenth_AlertOnTheFirstFullWorkingDayOfTheDrop_AndNotBefore()
    {
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, NormalFrom, DropDay.AddDays(4),
                (day, n) => day < DropDay ? FlowTestData.Normal(n) : FlowTestData.Normal(n) with { Assessments = 1 });
        }

        (await RunAtEndOfAsync(DropDay.AddDays(-3))).ShouldBeEmpty();
        Time.SetUtcNow(TimeLimits.UkLocal(DropDay, new TimeOnly(12, 0)));
        await using (var db = Db()) (await Watch(db).RunAsync()).ShouldBeEmpty();

        var raised = await RunAtEndOfAsync(DropDay);

        var alert = raised.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AlertKind.FlowDropped);
        alert.Message.ShouldBe("Assessments started fell to 1 on Monday 9 March 2026, against a usual 10 for a Monday: 10% of usual.");
        await using var check = Db();
        var judged = await check.FlowChecks.SingleAsync(c => c.Id == alert.SubjectId);
        (judged.Stage, judged.Day, judged.Count, judged.Status).ShouldBe((FlowStage.AssessmentsStarted, DropDay, 1, FlowStatus.Dropped));
        (await check.Events.CountAsync(e => e.Type == FlowAlertRaised.Name && e.SubjectId == alert.Id)).ShouldBe(1);
        (await check.FlowChecks.Where(c => c.Day < DropDay).AnyAsync(c => c.Status == FlowStatus.Dropped || c.Status == FlowStatus.Stopped)).ShouldBeFalse();
    }

    [Fact]
    public async Task ANormalChristmas_HolidaysAndLowerVolumesBetweenThem_RaisesNothing()
    {
        // Christmas 2026: Friday 25 December, Boxing Day substitute Monday 28 December, New Year's Day Friday 1 January.
        var christmasFrom = new DateOnly(2026, 12, 21);
        var christmasTo = new DateOnly(2027, 1, 1);
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, new DateOnly(2026, 10, 5), new DateOnly(2027, 1, 15), (day, n) =>
            {
                var normal = FlowTestData.Normal(n);
                if (day < christmasFrom || day > christmasTo) return normal;
                // Christmas Eve and New Year's Eve are half days; the rest of the fortnight runs at 50 to 60%.
                var share = day.Day is 24 or 31 ? 0.25 : n % 2 == 0 ? 0.5 : 0.6;
                return new DayFlow((int)(normal.Contacts * share), (int)(normal.Referrals * share), (int)Math.Round(normal.Assessments * share));
            });
        }

        var raised = new List<Alert>();
        for (var day = new DateOnly(2026, 12, 14); day <= new DateOnly(2027, 1, 15); day = day.AddDays(1))
        {
            raised.AddRange(await RunAtEndOfAsync(day));
        }

        raised.ShouldBeEmpty();
        await using var check = Db();
        var days = await check.FlowChecks.Select(c => c.Day).Distinct().ToListAsync();
        days.Count.ShouldBe(22);
        days.ShouldNotContain(new DateOnly(2026, 12, 25));
        days.ShouldNotContain(new DateOnly(2026, 12, 28));
        days.ShouldNotContain(new DateOnly(2027, 1, 1));
        (await check.FlowChecks.CountAsync(c => c.Status == FlowStatus.Dropped || c.Status == FlowStatus.Stopped)).ShouldBe(0);
        (await check.FlowChecks.CountAsync(c => c.Stage == FlowStage.ContactsReceived && c.Status == FlowStatus.Normal)).ShouldBe(22);
    }

    [Fact]
    public async Task ChristmasEveAtAQuarterOfUsual_AlertsWhenQuietDaysAreNotAllowedFor()
    {
        Settings.QuietDayFactor = 1.0;
        var christmasEve = new DateOnly(2026, 12, 24);
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, new DateOnly(2026, 10, 5), christmasEve,
                (day, n) => day == christmasEve ? new DayFlow(10, 5, 2) : FlowTestData.Normal(n));
        }

        var raised = await RunAtEndOfAsync(christmasEve);

        raised.Select(a => a.Kind).ShouldContain(AlertKind.FlowDropped);
    }

    [Fact]
    public async Task NoAssessmentStartedForAWorkingDayWhileContactsArrive_RaisesAStop_OnceOnly()
    {
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, NormalFrom, DropDay,
                (day, n) => day < DropDay ? FlowTestData.Normal(n) : FlowTestData.Normal(n) with { Assessments = 0 });
        }

        var first = await RunAtEndOfAsync(DropDay);
        var second = await RunAtEndOfAsync(DropDay);
        Time.Advance(TimeSpan.FromHours(3));
        await using (var db = Db()) (await Watch(db).RunAsync()).ShouldBeEmpty();

        var alert = first.ShouldHaveSingleItem();
        second.ShouldBeEmpty();
        alert.Kind.ShouldBe(AlertKind.FlowStopped);
        alert.Message.ShouldStartWith("No assessments started on Monday 9 March 2026, against a usual 10 for a Monday, while");
        await using var check = Db();
        (await check.Alerts.CountAsync(a => a.Kind == AlertKind.FlowStopped)).ShouldBe(1);
        (await check.Events.CountAsync(e => e.Type == FlowAlertRaised.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task APartnerWhoseApiReferralsStopForAWorkingDay_RaisesAnAlertNamingThem_OnceOnly()
    {
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, NormalFrom, DropDay,
                (day, n) => FlowTestData.Normal(n) with { PartnerApiContacts = day < DropDay ? 7 + n % 3 : 0 });
        }

        var first = await RunAtEndOfAsync(DropDay);
        var second = await RunAtEndOfAsync(DropDay);

        var alert = first.ShouldHaveSingleItem();
        second.ShouldBeEmpty();
        alert.Kind.ShouldBe(AlertKind.PartnerReferralsStopped);
        alert.Message.ShouldStartWith("No referrals arrived through the API from Police ");
        alert.Message.ShouldEndWith("on Monday 9 March 2026, against a usual 8 for a Monday.");
        await using var check = Db();
        (await check.Alerts.CountAsync(a => a.Kind == AlertKind.PartnerReferralsStopped)).ShouldBe(1);
        (await check.FlowChecks.SingleAsync(c => c.Id == alert.SubjectId)).OrganisationId.ShouldNotBeNull();
    }

    [Fact]
    public async Task AfterARestart_MissedWorkingDaysAreCaughtUp_EachOnce()
    {
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, NormalFrom, DropDay.AddDays(4),
                (day, n) => day < DropDay ? FlowTestData.Normal(n) : FlowTestData.Normal(n) with { Assessments = 1 });
        }
        (await RunAtEndOfAsync(DropDay.AddDays(-3))).ShouldBeEmpty();

        // Down from Friday evening to Thursday morning: Monday to Wednesday are checked on the first run after.
        Time.SetUtcNow(TimeLimits.UkLocal(DropDay.AddDays(3), new TimeOnly(8, 0)));
        await using (var db = Db())
        {
            var raised = await Watch(db).RunAsync();
            raised.Count.ShouldBe(3);
        }

        await using var check = Db();
        (await check.FlowChecks.Where(c => c.Stage == FlowStage.AssessmentsStarted && c.Day >= DropDay).Select(c => c.Day).ToListAsync())
            .Order().ShouldBe([DropDay, DropDay.AddDays(1), DropDay.AddDays(2)]);
    }

    [Fact]
    public async Task ContactsFallingToHalf_AreUsualByDefault_ButAlertWhenTheSensitivityIsRaised()
    {
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, NormalFrom, DropDay,
                (day, n) => day < DropDay ? FlowTestData.Normal(n) : FlowTestData.Normal(n) with { Contacts = 16 });
        }
        await using (var db = Db()) (await Watch(db).ReplayAsync(DropDay, DropDay)).ShouldAllBe(j => j.Alert == null);

        Settings.DropBelow = 0.6;
        var raised = await RunAtEndOfAsync(DropDay);

        raised.ShouldHaveSingleItem().Message.ShouldStartWith("Contacts received fell to 16");
    }

    [Fact]
    public async Task AFallThatOrdinaryChanceExplains_IsNotAnAlert_UnlessTheChanceAllowedIsRaised()
    {
        // 1 assessment started against a usual 6 happens by chance about once in 58 working days (Poisson): not an alert by default.
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, NormalFrom, DropDay, (day, n) => FlowTestData.Normal(n) with { Assessments = day < DropDay ? 6 : 1 });
        }
        await using (var db = Db()) (await Watch(db).ReplayAsync(DropDay, DropDay)).ShouldAllBe(j => j.Alert == null);
        FlowDropRule.ChanceOfAtMost(1, 6).ShouldBe(0.0174, 0.0001);

        Settings.MaxChance = 0.05;
        var raised = await RunAtEndOfAsync(DropDay);

        raised.ShouldHaveSingleItem().Message.ShouldStartWith("Assessments started fell to 1");
    }

    [Fact]
    public async Task AFallThatTheStagesOwnSpreadExplains_IsNotAnAlert_UnlessEveryStageIsTakenAsChanceAlone()
    {
        // Assessments started swing between 5 and 15 from one week to the next (brothers and sisters assessed together): a usual
        // 10, but 1 is far less unlikely than Poisson says.
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, NormalFrom, DropDay,
                (day, n) => FlowTestData.Normal(n) with { Assessments = day == DropDay ? 1 : day.DayNumber / 7 % 2 == 0 ? 5 : 15 });
        }
        await using (var db = Db()) (await Watch(db).ReplayAsync(DropDay, DropDay)).ShouldAllBe(j => j.Alert == null);
        FlowDropRule.ChanceOfAtMost(1, 10, 2).ShouldBe(0.00586, 0.00001);
        FlowDropRule.ChanceOfAtMost(1, 10, 1).ShouldBe(FlowDropRule.ChanceOfAtMost(1, 10));

        Settings.SpreadWeeks = 0;
        var raised = await RunAtEndOfAsync(DropDay);

        raised.ShouldHaveSingleItem().Message.ShouldStartWith("Assessments started fell to 1 on Monday 9 March 2026, against a usual 10");
    }

    [Fact]
    public async Task ALowDayInTheSummerHolidays_WhenVolumesRunAtThreeQuarters_RaisesNothing_UnlessTheSummerIsNotAllowedFor()
    {
        var low = new DateOnly(2026, 8, 11);
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, new DateOnly(2026, 5, 4), low, (day, n) =>
            {
                var normal = FlowTestData.Normal(n);
                if (day == low) return normal with { Contacts = 11 };
                return day >= new DateOnly(2026, 7, 22) ? normal with { Contacts = 30 } : normal;
            });
        }
        await using (var db = Db())
        {
            var judged = (await Watch(db).ReplayAsync(low, low)).Single(j => j.Stage == FlowStage.ContactsReceived);
            (judged.Day.Count, judged.Day.Status).ShouldBe((11, FlowStatus.Normal));
            judged.Day.Usual!.Value.ShouldBeInRange(38, 42);
            judged.Day.Expected!.Value.ShouldBe(judged.Day.Usual.Value * 0.75, 0.001);
        }

        Settings.SummerFrom = "";
        var raised = await RunAtEndOfAsync(low);

        raised.ShouldHaveSingleItem().Message.ShouldStartWith("Contacts received fell to 11 on Tuesday 11 August 2026");
    }

    [Fact]
    public async Task AlertsAreEmailedToTheRolesAndAddressesInTheSettings_WithALinkToTheChart()
    {
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, NormalFrom, DropDay,
                (day, n) => day < DropDay ? FlowTestData.Normal(n) : FlowTestData.Normal(n) with { Assessments = 1 });
            await AllocationTestData.StaffAsync(db, "Head Service", Roles.HeadOfService, null);
            await AllocationTestData.StaffAsync(db, "Team Manager", Roles.TeamManager, null);
        }
        Settings.RecipientRoles = [Roles.HeadOfService];
        Settings.RecipientEmails = ["flow-watch@council.example"];
        Settings.SiteAddress = "https://safeguard.council.example/";

        var alert = (await RunAtEndOfAsync(DropDay)).ShouldHaveSingleItem();

        var recipients = Smtp.Received.SelectMany(m => m.To).ToList();
        recipients.Count.ShouldBe(2);
        recipients.ShouldContain("flow-watch@council.example");
        recipients.ShouldContain(r => r.StartsWith("head.service."));
        recipients.ShouldNotContain(r => r.StartsWith("team.manager."));
        var mail = Smtp.Received[0];
        mail.Body.ShouldContain("Assessments started fell to 1 on Monday 9 March 2026");
        mail.Body.ShouldContain($"https://safeguard.council.example/oversight/flow/alerts/{alert.Id}");
    }

    [Fact]
    public async Task WithNoRolesSet_OnlyTheAddressesInTheSettingsAreEmailed()
    {
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, NormalFrom, DropDay,
                (day, n) => day < DropDay ? FlowTestData.Normal(n) : FlowTestData.Normal(n) with { Assessments = 1 });
            await AllocationTestData.StaffAsync(db, "Head Service", Roles.HeadOfService, null);
        }
        Settings.RecipientRoles = [];
        Settings.RecipientEmails = ["director.office@council.example"];

        (await RunAtEndOfAsync(DropDay)).ShouldHaveSingleItem();

        Smtp.Received.SelectMany(m => m.To).ShouldBe(["director.office@council.example"]);
    }

    [Fact]
    public async Task FlowAlerts_ShowToHeadsOfServiceAmongTheManagersAlerts_NotToTheFrontDoorTeam_UntilAcknowledged()
    {
        await using (var db = Db())
        {
            await FlowTestData.WriteAsync(db, NormalFrom, DropDay,
                (day, n) => day < DropDay ? FlowTestData.Normal(n) : FlowTestData.Normal(n) with { Assessments = 1 });
        }
        var alert = (await RunAtEndOfAsync(DropDay)).ShouldHaveSingleItem();
        Guid head;
        await using (var db = Db())
        {
            head = (await AllocationTestData.StaffAsync(db, "Head Service", Roles.HeadOfService, null)).Id;
            (await new ManagerAlerts(db).ForUserAsync(head)).ShouldContain(a => a.Id == alert.Id);
            (await new ManagerAlerts(db).ForTeamAsync(alert.TeamId)).ShouldNotContain(a => a.Id == alert.Id);
            (await new ManagerAlerts(db).AcknowledgeAsync(alert.Id, head)).ShouldBeTrue();
        }
        await using var check = Db();
        (await new ManagerAlerts(check).ForUserAsync(head)).ShouldNotContain(a => a.Id == alert.Id);
    }
}
