using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.Escalations;
using Safeguard.Core.Notifications;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Tests.Escalating;

/// <summary>The person raised with is emailed when a concern is raised, the raiser when it is answered: never its words.</summary>
public sealed class EscalationMailTests : MailTestBase
{
    private async Task<Actor> UserAsync(string name, string role)
    {
        await using var db = Db();
        var staffRole = await db.Roles.SingleOrDefaultAsync(r => r.Name == role) ?? db.Roles.Add(new StaffRole(role)).Entity;
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@test.example";
        var user = new StaffUser { Id = NewId.Next(), UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = name };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = staffRole.Id });
        await db.SaveChangesAsync();
        return new Actor(user.Id, name);
    }

    private EscalationRecords Service(SafeguardDbContext db)
    {
        var calendar = WorkingDayCalendar.Default();
        return new(db, new WorkItems(db, new WorkClocks(calendar)), calendar, new NeedToKnow(db), Microsoft.Extensions.Options.Options.Create(new EscalationSettings()),
            new SmtpNotifier(Options.Smtp));
    }

    [Fact]
    public async Task TheDirectorIsEmailedWhenItIsRaised_AndTheRaiserWhenItIsAnswered_WithoutItsWords()
    {
        var director = await UserAsync("David Clarke", Roles.Director);
        var worker = await UserAsync("Sam Okafor", Roles.SocialWorker);
        Guid id;
        await using (var db = Database.CreateContext(Time, worker))
        {
            id = (await Service(db).RaiseAsync(new EscalationInput(director.UserId, "Secret subject", "Secret concern", false, null))).Id!.Value;
        }
        await using (var db = Database.CreateContext(Time, director))
        {
            (await Service(db).RespondAsync(new EscalationResponseInput(id, 1, "Upheld", "Secret answer"))).Outcome.ShouldBe(EscalationChange.Done);
        }

        var mail = Smtp.Received;
        mail.Count.ShouldBe(2);
        mail[0].To.ShouldBe(["david.clarke@test.example"]);
        mail[0].Subject.ShouldBe("Safeguard: a concern has been raised with you");
        mail[0].Body.ShouldContain("by 10:00 on Wednesday 11 March 2026");
        mail[1].To.ShouldBe(["sam.okafor@test.example"]);
        mail[1].Subject.ShouldBe("Safeguard: your concern has been answered");
        mail.ShouldAllBe(m => !m.Raw.Contains("Secret"));
    }

    [Fact]
    public async Task AMailServerThatRefuses_DoesNotStopTheConcernBeingRaised()
    {
        var director = await UserAsync("David Clarke", Roles.Director);
        var worker = await UserAsync("Sam Okafor", Roles.SocialWorker);
        Smtp.RejectWith = "550 mailbox unavailable";

        await using var db = Database.CreateContext(Time, worker);
        var result = await Service(db).RaiseAsync(new EscalationInput(director.UserId, "Subject", "Concern", false, null));

        result.Outcome.ShouldBe(EscalationChange.Done);
        (await db.Escalations.CountAsync()).ShouldBe(1);
    }
}
