using Safeguard.Core.Security.Authenticator;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Securing;

/// <summary>Each account's last accepted authenticator step, on a real database: only a later step is taken, and only once.</summary>
public sealed class AuthenticatorStepsTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<bool> TakeAsync(Guid userId, long step)
    {
        await using var db = _database.CreateContext(_time);
        return await new AuthenticatorSteps(db).TryTakeAsync(userId, step);
    }

    [Fact]
    public async Task AStep_IsTakenOnce_AnEarlierOneNever_AndALaterOneIs()
    {
        var user = Guid.NewGuid();

        (await TakeAsync(user, 100)).ShouldBeTrue();
        (await TakeAsync(user, 100)).ShouldBeFalse();
        (await TakeAsync(user, 99)).ShouldBeFalse();
        (await TakeAsync(user, 101)).ShouldBeTrue();
        (await TakeAsync(Guid.NewGuid(), 100)).ShouldBeTrue("another account's steps are its own");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheSameStepAtOnce_IsTakenByExactlyOne_TheFirstTimeAndAfter(bool taken)
    {
        for (var round = 0; round < 8; round++)
        {
            var user = Guid.NewGuid();
            if (taken) (await TakeAsync(user, 50)).ShouldBeTrue();
            using var start = new Barrier(2);
            var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await TakeAsync(user, 51);
            })));

            both.Count(t => t).ShouldBe(1, $"round {round + 1}");
        }
    }
}
