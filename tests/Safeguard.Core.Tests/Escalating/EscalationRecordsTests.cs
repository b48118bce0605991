using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Escalations;
using Safeguard.Core.People.Access;
using Safeguard.Core.Security;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Escalating;

public sealed class EscalationRecordsTests : IAsyncLifetime
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default();
    private static readonly WorkClocks Clocks = new(Calendar);

    /// <summary>Thursday 2 April 2026, 10:00 BST: Good Friday (3 April) and Easter Monday (6 April) come next.</summary>
    private static readonly DateTimeOffset BeforeEaster = TimeLimits.UkLocal(new DateOnly(2026, 4, 2), new TimeOnly(10, 0));

    private readonly FakeTimeProvider _time = new(BeforeEaster);
    private TestDatabase _database = default!;
    private Team _assessment = default!;
    private Actor _director = default!;
    private Actor _delegate = default!;
    private Actor _manager = default!;
    private Actor _otherManager = default!;
    private Actor _worker = default!;
    private Actor _colleague = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await using var db = _database.CreateContext(_time, Actor.System);
        (_, _assessment, var childProtection, _) = await TestData.CreateCouncilAsync(db);
        _director = await UserAsync(db, "David Clarke", Roles.Director, null);
        _delegate = await UserAsync(db, "Omar Farouk", Roles.HeadOfService, null);
        _manager = await UserAsync(db, "Martin Hughes", Roles.TeamManager, _assessment.Id);
        _otherManager = await UserAsync(db, "Chloe Adams", Roles.TeamManager, childProtection.Id);
        _worker = await UserAsync(db, "Sam Okafor", Roles.SocialWorker, _assessment.Id, _manager.UserId);
        _colleague = await UserAsync(db, "Hannah Wright", Roles.SocialWorker, _assessment.Id, _manager.UserId);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static async Task<Actor> UserAsync(SafeguardDbContext db, string name, string role, Guid? teamId, Guid? managerId = null)
    {
        var staffRole = await db.Roles.SingleOrDefaultAsync(r => r.Name == role) ?? db.Roles.Add(new StaffRole(role)).Entity;
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@test.example";
        var user = new StaffUser
        {
            Id = NewId.Next(), UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, TeamId = teamId,
            ManagerId = managerId,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = staffRole.Id });
        await db.SaveChangesAsync();
        return new Actor(user.Id, name);
    }

    private SafeguardDbContext As(Actor actor) => _database.CreateContext(_time, actor);

    private static EscalationRecords Service(SafeguardDbContext db, EscalationSettings? settings = null) =>
        new(db, new WorkItems(db, Clocks), Calendar, new NeedToKnow(db),
            Options.Create(settings ?? new EscalationSettings { Delegates = ["omar.farouk@test.example"] }));

    private async Task<Guid> RaiseAsync(Actor raiser, Actor answerer, bool share, string subject = "Strategy discussions without health")
    {
        await using var db = As(raiser);
        var result = await Service(db).RaiseAsync(new EscalationInput(answerer.UserId, subject,
            "Strategy discussions in our team are held with the police only; health is never invited.", share, null));
        result.Outcome.ShouldBe(EscalationChange.Done, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Id!.Value;
    }

    private async Task<EscalationResult> RespondAsync(Actor answerer, Guid id, int version = 1, string outcome = nameof(EscalationOutcome.Upheld))
    {
        await using var db = As(answerer);
        return await Service(db).RespondAsync(new EscalationResponseInput(id, version, outcome, "Health will be invited to every strategy discussion from Monday."));
    }

    private async Task<EscalationView?> ReadAsync(Actor reader, Guid id)
    {
        await using var db = As(reader);
        return await Service(db).ReadAsync(id);
    }

    [Fact]
    public async Task Raise_OpensWorkForTheDirector_Due5WorkingDaysLater_NotCountingEaster()
    {
        var id = await RaiseAsync(_worker, _director, share: false);

        await using var db = As(Actor.System);
        var item = await db.WorkItems.SingleAsync(w => w.SubjectId == id);
        item.Kind.ShouldBe(WorkKind.Escalation);
        item.OwnerUserId.ShouldBe(_director.UserId);
        item.IsOpen.ShouldBeTrue();
        // Five weekdays would be Thursday 9 April; Good Friday and Easter Monday push it to Monday 13 April, same UK time.
        item.DueAt.ShouldBe(TimeLimits.UkLocal(new DateOnly(2026, 4, 13), new TimeOnly(10, 0)));
        (await db.Escalations.SingleAsync(e => e.Id == id)).DueAt.ShouldBe(item.DueAt);
        // Never on the raiser's team's tray: on the leadership team's.
        item.OwnerTeamId.ShouldNotBe(_assessment.Id);
        (await db.Teams.SingleAsync(t => t.Id == item.OwnerTeamId)).Kind.ShouldBe(TeamKind.Leadership);
        (await db.Events.CountAsync(e => e.SubjectId == id && e.Type == EscalationRaised.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task Raise_TheDaysToRespondAreASetting()
    {
        await using var db = As(_worker);
        var result = await Service(db, new EscalationSettings { WorkingDaysToRespond = 2 })
            .RaiseAsync(new EscalationInput(_director.UserId, "Subject", "Concern", false, null));

        (await db.Escalations.SingleAsync(e => e.Id == result.Id)).DueAt.ShouldBe(TimeLimits.UkLocal(new DateOnly(2026, 4, 8), new TimeOnly(10, 0)));
    }

    [Fact]
    public async Task Response_ClosesTheWork_AndTheRaiserReadsIt()
    {
        var id = await RaiseAsync(_worker, _director, share: false);
        _time.Advance(TimeSpan.FromDays(1));

        (await RespondAsync(_director, id)).Outcome.ShouldBe(EscalationChange.Done);

        var seen = await ReadAsync(_worker, id);
        seen.ShouldNotBeNull();
        seen.IsOpen.ShouldBeFalse();
        seen.Outcome.ShouldBe(EscalationOutcome.Upheld);
        seen.Response.ShouldBe("Health will be invited to every strategy discussion from Monday.");
        seen.RespondedBy.ShouldBe("David Clarke");
        seen.MayRespond.ShouldBeFalse();
        await using var db = As(Actor.System);
        (await db.WorkItems.SingleAsync(w => w.SubjectId == id)).IsOpen.ShouldBeFalse();
        (await db.Events.CountAsync(e => e.SubjectId == id && e.Type == EscalationResponded.Name)).ShouldBe(1);
        await using var mine = As(_worker);
        (await Service(mine).MineAsync()).Single().Outcome.ShouldBe(EscalationOutcome.Upheld);
    }

    [Fact]
    public async Task LineManager_ReadsIt_OnlyWhenTheRaiserChose()
    {
        var shared = await RaiseAsync(_worker, _director, share: true, "Shared");
        var notShared = await RaiseAsync(_worker, _director, share: false, "Not shared");

        (await ReadAsync(_manager, shared)).ShouldNotBeNull().Manager.ShouldBe("Martin Hughes");
        (await ReadAsync(_manager, notShared)).ShouldBeNull();
        await using var db = As(_manager);
        (await Service(db).SharedWithMeAsync()).Select(l => l.Subject).ShouldBe(["Shared"]);
    }

    [Fact]
    public async Task Colleagues_OtherManagers_AndOtherDelegates_CannotReadIt()
    {
        var id = await RaiseAsync(_worker, _director, share: true);

        (await ReadAsync(_colleague, id)).ShouldBeNull();
        (await ReadAsync(_otherManager, id)).ShouldBeNull();
        (await ReadAsync(_delegate, id)).ShouldBeNull(); // raised with the director, not with them
        (await ReadAsync(_director, id)).ShouldNotBeNull().MayRespond.ShouldBeTrue();
        (await RespondAsync(_colleague, id)).Outcome.ShouldBe(EscalationChange.NotFound);
        (await RespondAsync(_delegate, id)).Outcome.ShouldBe(EscalationChange.NotFound);
        await using var db = As(_colleague);
        (await Service(db).ToAnswerAsync()).ShouldBeNull();
        (await Service(db).SharedWithMeAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Delegate_AnswersWhatWasRaisedWithThem_AndTheDirectorSeesEveryOne()
    {
        var withDelegate = await RaiseAsync(_worker, _delegate, share: false, "To the delegate");
        await RaiseAsync(_colleague, _director, share: false, "To the director");

        await using (var db = As(_worker))
        {
            (await Service(db).AnswerersAsync()).Select(a => a.Name).ShouldBe(["David Clarke", "Omar Farouk"]);
        }
        await using (var db = As(_delegate))
        {
            (await Service(db).ToAnswerAsync()).ShouldNotBeNull().Select(l => l.Subject).ShouldBe(["To the delegate"]);
        }
        await using (var db = As(_director))
        {
            (await Service(db).ToAnswerAsync()).ShouldNotBeNull().Count.ShouldBe(2);
        }
        (await RespondAsync(_delegate, withDelegate, outcome: nameof(EscalationOutcome.ReferredElsewhere))).Outcome.ShouldBe(EscalationChange.Done);
    }

    [Fact]
    public async Task Reading_IsRecorded()
    {
        var id = await RaiseAsync(_worker, _director, share: false);

        await ReadAsync(_director, id);
        await ReadAsync(_colleague, id);

        await using var db = As(Actor.System);
        var views = await db.Events.Where(e => e.SubjectId == id && e.Type == EscalationViewed.Name).ToListAsync();
        views.Single().ActorUserId.ShouldBe(_director.UserId);
    }

    [Fact]
    public async Task Raise_WithoutWhatIsNeeded_SaysWhatIsMissing_AndSavesNothing()
    {
        await using var db = As(_worker);
        var result = await Service(db).RaiseAsync(new EscalationInput(null, " ", new string('x', Escalation.ConcernMaxLength + 1), null, null));

        result.Outcome.ShouldBe(EscalationChange.Invalid);
        result.Errors.Select(e => e.Field).ShouldBe(["AnswererId", "Subject", "Concern", "ShareWithManager"], ignoreOrder: true);
        (await db.Escalations.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnAnswer_FromAnOldVersion_IsRefused_AndASecondAnswer_IsTooLate()
    {
        var id = await RaiseAsync(_worker, _director, share: false);

        (await RespondAsync(_director, id, version: 0)).Outcome.ShouldBe(EscalationChange.ChangedElsewhere);
        (await RespondAsync(_director, id)).Outcome.ShouldBe(EscalationChange.Done);
        (await RespondAsync(_director, id)).Outcome.ShouldBe(EscalationChange.AlreadyAnswered);
    }

    [Fact]
    public async Task TwoAnswersAtOnce_OneIsSaved_TheOtherToldSomeoneElseChangedIt()
    {
        for (var round = 0; round < 4; round++)
        {
            var id = await RaiseAsync(_worker, _delegate, share: false, $"Round {round}");
            await using var a = As(_director);
            await using var b = As(_delegate);
            var first = Service(a);
            var second = Service(b);
            using var gate = new SemaphoreSlim(0, 2);
            async Task<EscalationResult> Answer(EscalationRecords service, string outcome)
            {
                await gate.WaitAsync();
                return await service.RespondAsync(new EscalationResponseInput(id, 1, outcome, "An answer"));
            }
            var tasks = new[] { Answer(first, nameof(EscalationOutcome.Upheld)), Answer(second, nameof(EscalationOutcome.NotUpheld)) };
            gate.Release(2);
            var results = await Task.WhenAll(tasks);

            results.Count(r => r.Outcome == EscalationChange.Done).ShouldBe(1, $"round {round}");
            results.Count(r => r.Outcome is EscalationChange.ChangedElsewhere or EscalationChange.AlreadyAnswered).ShouldBe(1, $"round {round}");
            await using var db = As(Actor.System);
            (await db.Events.CountAsync(e => e.SubjectId == id && e.Type == EscalationResponded.Name)).ShouldBe(1);
            (await db.Events.CountAsync(e => e.Type == WorkClosed.Name && db.WorkItems.Any(w => w.Id == e.SubjectId && w.SubjectId == id))).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Counts_ForAPeriod_ByAgeAndOutcome()
    {
        var old = await RaiseAsync(_worker, _director, share: false, "Old");
        _time.Advance(TimeSpan.FromDays(7)); // Thursday 9 April: 3 working days later (Easter)
        var answered = await RaiseAsync(_worker, _director, share: false, "Answered");
        await RaiseAsync(_colleague, _director, share: false, "New");
        await RespondAsync(_director, answered, outcome: nameof(EscalationOutcome.PartlyUpheld));
        _time.Advance(TimeSpan.FromDays(14)); // Thursday 23 April

        await using var db = As(_director);
        var counts = await new EscalationCounts(db, Calendar).ForPeriodAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));

        counts.Raised.ShouldBe(3);
        // "Old": 2 April to 23 April is 13 working days; "New": 9 April to 23 April is 10.
        counts.OpenByAge.Select(b => b.Count).ShouldBe([0, 1, 1, 0]);
        counts.AnsweredByOutcome.Single(o => o.Outcome == EscalationOutcome.PartlyUpheld).Count.ShouldBe(1);
        counts.Answered.ShouldBe(1);
        (await new EscalationCounts(db, Calendar).ForPeriodAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31))).Raised.ShouldBe(0);
        _ = old;
    }

    [Fact]
    public async Task ReadingOneAboutAChild_NamesTheChild_AndRecordsAViewOfTheirRecord()
    {
        Guid child;
        await using (var setup = As(Actor.System))
        {
            child = (await TestData.PersonAsync(setup, "Ruby", "Taylor", new DateOnly(2018, 5, 14))).Id;
        }
        Guid id;
        await using (var db = As(_worker))
        {
            id = (await Service(db).RaiseAsync(new EscalationInput(_director.UserId, "Ruby's plan", "A concern", false, child))).Id!.Value;
        }

        (await ReadAsync(_director, id)).ShouldNotBeNull().ChildName.ShouldBe("Ruby Taylor");

        await using var check = As(Actor.System);
        (await check.Events.CountAsync(e => e.PersonId == child && e.Type == RecordViewed.Name && e.ActorUserId == _director.UserId)).ShouldBe(1);
    }
}
