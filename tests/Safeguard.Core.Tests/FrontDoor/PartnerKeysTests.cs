using Microsoft.EntityFrameworkCore;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Tests.Timescales;
using Safeguard.Core.Timescales;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

public sealed class PartnerKeysTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private readonly FakeTimeProvider _time = new();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Create_StoresOnlyPrefixAndHash_AndTheKeyVerifies()
    {
        await using var db = _database.CreateContext(_time);
        var council = await TestData.CreateCouncilAsync(db);

        var created = await new PartnerKeys(db).CreateAsync(council.Police.Name, "MASH system");

        created.Key.ShouldMatch("^sgk_[a-z0-9]{8}_[a-z0-9]{40}$");
        created.Key.ShouldStartWith($"sgk_{created.Prefix}_");
        var stored = await db.PartnerApiKeys.AsNoTracking().SingleAsync(k => k.Prefix == created.Prefix);
        stored.Hash.ShouldBe(PartnerKeys.Hash(created.Key));
        stored.Hash.ShouldNotContain(created.Key[13..]);
        var (check, key) = await new PartnerKeys(db).VerifyAsync(created.Key);
        check.ShouldBe(PartnerKeyCheck.Valid);
        key!.OrganisationId.ShouldBe(council.Police.Id);
        key.OrganisationName.ShouldBe(council.Police.Name);
    }

    [Fact]
    public async Task VerifyRecent_TrustsAValidKeyBriefly_ButForgetsItWhenRevokedHere()
    {
        await using var db = _database.CreateContext(_time);
        var council = await TestData.CreateCouncilAsync(db);
        var keys = new PartnerKeys(db);
        var created = await keys.CreateAsync(council.Police.Name);

        (await keys.VerifyRecentAsync(created.Key)).Result.ShouldBe(PartnerKeyCheck.Valid);
        (await keys.VerifyRecentAsync(created.Key)).Key!.OrganisationId.ShouldBe(council.Police.Id);
        (await keys.VerifyRecentAsync(created.Key[..^1] + (created.Key[^1] == 'a' ? 'b' : 'a'))).Result.ShouldBe(PartnerKeyCheck.Unknown);
        (await keys.RevokeAsync(created.Prefix)).ShouldBeTrue();
        (await keys.VerifyRecentAsync(created.Key)).Result.ShouldBe(PartnerKeyCheck.Revoked);
    }

    [Fact]
    public async Task Verify_WrongSecretOrRevoked_IsRefused()
    {
        await using var db = _database.CreateContext(_time);
        var council = await TestData.CreateCouncilAsync(db);
        var keys = new PartnerKeys(db);
        var created = await keys.CreateAsync(council.Police.Name);

        (await keys.VerifyAsync(created.Key[..^1] + (created.Key[^1] == 'a' ? 'b' : 'a'))).Result.ShouldBe(PartnerKeyCheck.Unknown);
        (await keys.VerifyAsync("sgk_short")).Result.ShouldBe(PartnerKeyCheck.Malformed);
        (await keys.VerifyAsync(null)).Result.ShouldBe(PartnerKeyCheck.Malformed);
        (await keys.RevokeAsync(created.Prefix)).ShouldBeTrue();
        (await keys.VerifyAsync(created.Key)).Result.ShouldBe(PartnerKeyCheck.Revoked);
        (await keys.RevokeAsync(created.Prefix)).ShouldBeFalse();
        (await keys.ListAsync()).Single(k => k.Prefix == created.Prefix).RevokedAt.ShouldBe(_time.GetUtcNow());
    }

    [Fact]
    public async Task Create_UnknownOrganisation_Throws()
    {
        await using var db = _database.CreateContext(_time);

        await Should.ThrowAsync<UnknownOrganisationException>(() => new PartnerKeys(db).CreateAsync("Nobody Police"));
    }

    [Fact]
    public async Task Intake_WithIdempotencyKey_RecordsOnceAndReplays()
    {
        await using var db = _database.CreateContext(_time);
        var council = await TestData.CreateCouncilAsync(db);
        var intake = TestData.Intake(db);
        var claim = new IdempotencyClaim(council.Police.Id, "abc-123", new string('a', 64));

        var first = await intake.RecordAsync(TestData.Contact(TestData.Child()), claim);
        var again = await intake.RecordAsync(TestData.Contact(TestData.Child()), claim);
        var different = await intake.RecordAsync(TestData.Contact(TestData.Child()), claim with { RequestHash = new string('b', 64) });

        first.Result.ShouldBe(IntakeResult.Recorded);
        again.Result.ShouldBe(IntakeResult.Replayed);
        again.ContactId.ShouldBe(first.ContactId);
        different.Result.ShouldBe(IntakeResult.KeyReused);
        different.ContactId.ShouldBe(first.ContactId);
        (await db.Contacts.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Intake_ConcurrentSameKey_MakesOneContact()
    {
        await using (var setup = _database.CreateContext(_time))
        {
            await TestData.CreateCouncilAsync(setup);
        }
        Guid organisation;
        await using (var read = _database.CreateContext(_time))
        {
            organisation = await read.Organisations.Select(o => o.Id).FirstAsync();
        }
        var claim = new IdempotencyClaim(organisation, "race", new string('c', 64));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var db = _database.CreateContext(_time);
            return await TestData.Intake(db).RecordAsync(TestData.Contact(TestData.Child()), claim);
        }));

        results.Count(r => r.Result == IntakeResult.Recorded).ShouldBe(1);
        results.Select(r => r.ContactId).Distinct().Count().ShouldBe(1);
        await using var check = _database.CreateContext(_time);
        (await check.Contacts.CountAsync()).ShouldBe(1);
    }
}

/// <summary>`safeguard partner-key` run as a process against a real database.</summary>
public sealed class PartnerKeyCliTests(CalendarCliTests.CliFixture cli) : IClassFixture<CalendarCliTests.CliFixture>, IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string[] Db => ["--provider", _database.Provider.ToString(), "--connection", _database.ConnectionString];

    [Fact]
    public async Task Create_PrintsTheKeyAsTheLastLine_AndItVerifies()
    {
        string organisation;
        await using (var db = _database.CreateContext())
        {
            organisation = (await TestData.CreateCouncilAsync(db)).Police.Name;
        }

        var result = cli.Run(["partner-key", "create", "--organisation", organisation, "--name", "MASH system", .. Db]);

        result.ExitCode.ShouldBe(0, result.StdErr);
        var key = result.StdOut.TrimEnd().Split('\n').Last().Trim();
        key.ShouldMatch("^sgk_[a-z0-9]{8}_[a-z0-9]{40}$");
        await using (var db = _database.CreateContext())
        {
            (await new PartnerKeys(db).VerifyAsync(key)).Result.ShouldBe(PartnerKeyCheck.Valid);
        }
        var list = cli.Run(["partner-key", "list", .. Db]);
        list.StdOut.ShouldContain(key[4..12]);
        list.StdOut.ShouldNotContain(key);
        cli.Run(["partner-key", "revoke", "--prefix", key[4..12], .. Db]).ExitCode.ShouldBe(0);
        await using (var db = _database.CreateContext())
        {
            (await new PartnerKeys(db).VerifyAsync(key)).Result.ShouldBe(PartnerKeyCheck.Revoked);
        }
    }

    [Fact]
    public void Create_UnknownOrganisation_ExitsTwoWithAClearMessage()
    {
        var result = cli.Run(["partner-key", "create", "--organisation", "Nobody Police", .. Db]);

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("There is no organisation called 'Nobody Police'");
        result.StdErr.ShouldNotContain(" at ");
        result.StdOut.ShouldBeEmpty();
    }
}
