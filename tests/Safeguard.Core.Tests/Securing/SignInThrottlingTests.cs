using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.Security.Throttling;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Securing;

/// <summary>The sign-in waits against a real database: per account, per address, growing, forgotten after a quiet window.</summary>
public sealed class SignInThrottlingTests : IAsyncLifetime
{
    private static readonly IPAddress Office = IPAddress.Parse("203.0.113.7");
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottleSettings _settings = new() { FreeFailuresPerAccount = 3, FreeFailuresPerAddress = 5 };

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<T> WithAsync<T>(Func<SignInThrottling, Task<T>> act)
    {
        await using var db = _database.CreateContext(_time);
        return await act(new SignInThrottling(db, Options.Create(_settings)));
    }

    private Task FailAsync(string email, IPAddress? address = null) =>
        WithAsync(async t => { await t.RecordFailureAsync(email, address ?? Office); return 0; });

    private Task<TimeSpan?> WaitAsync(string email, IPAddress? address = null) => WithAsync(t => t.WaitAsync(email, address ?? Office));

    [Fact]
    public async Task AfterTheFreeFailures_EachFailureDoublesTheWait_UpToTheCap()
    {
        await FailAsync("a@x.example");
        await FailAsync("a@x.example");
        (await WaitAsync("a@x.example")).ShouldBeNull();

        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 12; i++)
        {
            await FailAsync("a@x.example");
            var wait = await WaitAsync("a@x.example");
            waits.Add(wait);
            _time.Advance(wait!.Value);
        }

        waits.Take(5).ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(32)]);
        waits.Last().ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task TheAccountIsCountedByItsNormalisedEmail_AndAnUnknownOneTheSameWay()
    {
        await FailAsync("Someone@X.example");
        await FailAsync(" someone@x.example ");
        await FailAsync("SOMEONE@x.EXAMPLE");

        (await WaitAsync("someone@x.example", IPAddress.Parse("198.51.100.1"))).ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ManyAccountsFromOneAddress_MakeThatAddressWait_ButNotAnother()
    {
        for (var i = 0; i < 5; i++) await FailAsync($"user{i}@x.example");

        (await WaitAsync("fresh@x.example")).ShouldBe(TimeSpan.FromSeconds(2));
        (await WaitAsync("fresh@x.example", IPAddress.Parse("198.51.100.1"))).ShouldBeNull();
    }

    [Fact]
    public async Task AnIPv6Client_IsCountedByItsSlash64()
    {
        SignInThrottling.AddressKey(IPAddress.Parse("2001:db8:1:2:aaaa::1"))
            .ShouldBe(SignInThrottling.AddressKey(IPAddress.Parse("2001:db8:1:2:bbbb::9")));
        SignInThrottling.AddressKey(IPAddress.Parse("2001:db8:1:3::1"))
            .ShouldNotBe(SignInThrottling.AddressKey(IPAddress.Parse("2001:db8:1:2::1")));
        SignInThrottling.AddressKey(IPAddress.Parse("::ffff:203.0.113.7")).ShouldBe(SignInThrottling.AddressKey(Office));
    }

    [Fact]
    public async Task AQuietWindow_ForgetsTheFailures_AndPrunesTheirRows()
    {
        for (var i = 0; i < 3; i++) await FailAsync("quiet@x.example");
        (await WaitAsync("quiet@x.example")).ShouldNotBeNull();

        _time.Advance(TimeSpan.FromSeconds(3) + _settings.Window);
        await FailAsync("other@x.example", IPAddress.Parse("198.51.100.9"));

        (await WaitAsync("quiet@x.example")).ShouldBeNull();
        await using var db = _database.CreateContext(_time);
        (await db.SignInThrottles.Select(t => t.Key).ToListAsync()).ShouldBe(
            [SignInThrottling.AccountKey("other@x.example"), SignInThrottling.AddressKey(IPAddress.Parse("198.51.100.9"))], ignoreOrder: true);
    }

    [Fact]
    public async Task ACorrectPassword_ForgetsTheAccountsFailures_ButNotTheAddresses()
    {
        for (var i = 0; i < 5; i++) await FailAsync("mine@x.example");

        await WithAsync(async t => { await t.RecordSuccessAsync("MINE@x.example"); return 0; });

        (await WaitAsync("mine@x.example", IPAddress.Parse("198.51.100.1"))).ShouldBeNull();
        (await WaitAsync("mine@x.example")).ShouldNotBeNull("the address made five failures");
    }

    [Fact]
    public void TheGrowingDelayRule_Doubles_AndStopsAtTheCap()
    {
        var cap = TimeSpan.FromMinutes(15);

        Enumerable.Range(1, 5).Select(n => GrowingDelayRule.Delay(n, cap).TotalSeconds).ShouldBe([2, 4, 8, 16, 32]);
        GrowingDelayRule.Delay(10, cap).ShouldBe(cap);
        GrowingDelayRule.Delay(int.MaxValue, cap).ShouldBe(cap);
    }

    [Theory]
    [InlineData(1.2, "2 seconds")]
    [InlineData(59, "59 seconds")]
    [InlineData(64, "2 minutes")]
    [InlineData(900, "15 minutes")]
    public void TheWaitIsSaidRoundedUp(double seconds, string said) =>
        SignInWaits.Duration(TimeSpan.FromSeconds(seconds)).ShouldBe(said);
}
