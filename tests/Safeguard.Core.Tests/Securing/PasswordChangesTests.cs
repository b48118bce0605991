using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Passwords;
using Safeguard.Core.Sessions;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Securing;

/// <summary>Changing and resetting passwords through the real Identity stores, on a real database.</summary>
public sealed class PasswordChangesTests : IAsyncLifetime
{
    private const string Temporary = "a-long-temporary-password";
    private const string Chosen = "kettle-orchard-lantern-9";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSafeguardCore(_database.Provider, _database.ConnectionString);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = _services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    private Task<StaffUser> UserAsync(Guid id) =>
        InScopeAsync(s => s.GetRequiredService<Safeguard.Core.Data.SafeguardDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id));

    private Task<Guid> AddAsync(string email) => InScopeAsync(async s =>
    {
        var result = await s.GetRequiredService<UserAdministration>()
            .AddAsync(new NewUser("Yusuf Demir", email, Temporary, [], null, null, null));
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        return result.UserId!.Value;
    });

    [Fact]
    public async Task AnAccountAnAdministratorAdds_MustChangeItsPassword()
    {
        var id = await AddAsync("yusuf@northbridge.example");

        (await UserAsync(id)).MustChangePassword.ShouldBeTrue();
    }

    [Fact]
    public async Task AnAdministratorCannotSetACommonPassword()
    {
        var result = await InScopeAsync(s => s.GetRequiredService<UserAdministration>()
            .AddAsync(new NewUser("Yusuf Demir", "yusuf@northbridge.example", "password1234", [], null, null, null)));

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldContain(("Password", CommonPasswordValidator.CommonMessage));
    }

    [Fact]
    public async Task Change_WithTheRightCurrentPassword_ClearsTheMark_ChangesTheStamp_AndEndsEverySession()
    {
        var id = await AddAsync("yusuf@northbridge.example");
        var before = await UserAsync(id);
        var sessions = await InScopeAsync(async s =>
            new[] { await s.GetRequiredService<SignInSessions>().StartAsync(id), await s.GetRequiredService<SignInSessions>().StartAsync(id) });

        var result = await InScopeAsync(s => s.GetRequiredService<PasswordChanges>().ChangeAsync(id, Temporary, Chosen));

        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        var after = await UserAsync(id);
        after.MustChangePassword.ShouldBeFalse();
        after.SecurityStamp.ShouldNotBe(before.SecurityStamp);
        (await InScopeAsync(s => s.GetRequiredService<SignInSessions>().CheckAsync(sessions[0], id))).ShouldBe(SessionState.Ended);
        (await InScopeAsync(s => s.GetRequiredService<SignInSessions>().CheckAsync(sessions[1], id))).ShouldBe(SessionState.Ended);
        (await InScopeAsync(s => s.GetRequiredService<UserManager<StaffUser>>().CheckPasswordAsync(after, Chosen))).ShouldBeTrue();
        await using var db = _database.CreateContext(_time);
        var recorded = await db.Events.SingleAsync(e => e.Type == PasswordChanged.Name && e.SubjectId == id);
        recorded.Summary.ShouldBe("Yusuf Demir changed their password; 2 sessions ended");
        recorded.Data!.ShouldNotContain(Chosen);
    }

    [Fact]
    public async Task Change_WithAWrongCurrentPassword_OrAWeakNewOne_ChangesNothing()
    {
        var id = await AddAsync("yusuf@northbridge.example");
        var before = await UserAsync(id);

        var wrong = await InScopeAsync(s => s.GetRequiredService<PasswordChanges>().ChangeAsync(id, "not-the-password", Chosen));
        var weak = await InScopeAsync(s => s.GetRequiredService<PasswordChanges>().ChangeAsync(id, Temporary, "qazwsxedcrfv"));
        var same = await InScopeAsync(s => s.GetRequiredService<PasswordChanges>().ChangeAsync(id, Temporary, Temporary));

        wrong.Errors.ShouldBe([(PasswordChanges.CurrentField, PasswordChanges.WrongCurrent)]);
        weak.Errors.ShouldBe([(PasswordChanges.NewField, CommonPasswordValidator.CommonMessage)]);
        same.Errors.ShouldBe([(PasswordChanges.NewField, PasswordChanges.SameAsCurrent)]);
        var after = await UserAsync(id);
        after.PasswordHash.ShouldBe(before.PasswordHash);
        after.MustChangePassword.ShouldBeTrue();
        await using var db = _database.CreateContext(_time);
        (await db.Events.AnyAsync(e => e.Type == PasswordChanged.Name)).ShouldBeFalse();
    }

    [Fact]
    public async Task Reset_MarksTheAccountAgain_ChecksTheNewPassword_AndEndsItsSessions()
    {
        var id = await AddAsync("yusuf@northbridge.example");
        (await InScopeAsync(s => s.GetRequiredService<PasswordChanges>().ChangeAsync(id, Temporary, Chosen))).Succeeded.ShouldBeTrue();
        var session = await InScopeAsync(s => s.GetRequiredService<SignInSessions>().StartAsync(id));

        var weak = await InScopeAsync(s => s.GetRequiredService<PasswordChanges>().ResetAsync(id, "yusuf-demir-2026", "Forgot it"));
        var reset = await InScopeAsync(s => s.GetRequiredService<PasswordChanges>().ResetAsync(id, "another-long-temporary-one", "Forgot it"));

        weak.Errors.ShouldBe([(PasswordChanges.NewField, CommonPasswordValidator.PersonalMessage)]);
        reset.Succeeded.ShouldBeTrue();
        (await UserAsync(id)).MustChangePassword.ShouldBeTrue();
        (await InScopeAsync(s => s.GetRequiredService<SignInSessions>().CheckAsync(session, id))).ShouldBe(SessionState.Ended);
        await using var db = _database.CreateContext(_time);
        (await db.Events.SingleAsync(e => e.Type == PasswordReset.Name)).Reason.ShouldBe("Forgot it");
    }
}
