using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Operations;
using Safeguard.Core.Seeding;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Api;
using Safeguard.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Safeguard.Web.Tests.BackingUp;

/// <summary>
/// The running app keeps taking partner referrals while its database is backed up; the backup, restored into a new
/// database, holds every referral acknowledged before the backup began, none sent after it ended, and each referral
/// it holds whole (its contact, work and events together).
/// </summary>
public sealed class BackupUnderWritesTests(SafeguardAppFactory app, ITestOutputHelper output) : AppTests(app)
{
    private enum Phase { Before, During, After }

    private sealed record Write(Guid Id, Phase Sent, Phase Acknowledged);

    [Fact]
    public async Task Backup_WhilePartnersKeepReferring_RestoresEveryReferralAcknowledgedBeforeIt_AndNoneHalfWritten()
    {
        var client = App.ApiClient((await App.CreateKeyAsync(DemoAccounts.Police)).Key);
        var folder = Path.Combine(Path.GetTempPath(), "safeguard-tests", "backups-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var target = await TestDatabase.CreateEmptyAsync();
        var phase = (int)Phase.Before;
        var writes = new ConcurrentBag<Write>();
        using var stop = new CancellationTokenSource();

        async Task KeepReferringAsync(int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var sent = (Phase)Volatile.Read(ref phase);
                var response = await client.PostReferralAsync(PartnerApiTestHelpers.Referral(given: $"Writer{writer}", family: $"Child{i}"));
                response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
                writes.Add(new Write((await response.JsonAsync()).GetProperty("id").GetGuid(), sent, (Phase)Volatile.Read(ref phase)));
            }
        }

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() => KeepReferringAsync(w))).ToList();
        async Task UntilAcknowledgedAsync(int count)
        {
            while (writes.Count < count)
            {
                // A refused referral fails the test here, instead of leaving it waiting for acknowledgements that never come.
                if (writers.FirstOrDefault(w => w.IsFaulted) is { } failed) await failed;
                await Task.Delay(20);
            }
        }

        await UntilAcknowledgedAsync(20);
        Volatile.Write(ref phase, (int)Phase.During);
        var backup = await new DatabaseBackups(TimeProvider.System)
            .BackupAsync(App.Database.Provider, App.Database.ConnectionString, Path.Combine(folder, "safeguard.backup"), force: false, CancellationToken.None);
        Volatile.Write(ref phase, (int)Phase.After);
        await UntilAcknowledgedAsync(writes.Count + 20);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var restore = await new DatabaseBackups(TimeProvider.System)
            .RestoreAsync(target.Provider, target.ConnectionString, backup.Output, null, force: false, CancellationToken.None);
        Directory.Delete(folder, recursive: true);

        output.WriteLine($"Referrals acknowledged before the backup {writes.Count(w => w.Acknowledged == Phase.Before)}, "
            + $"during it {writes.Count(w => w.Acknowledged == Phase.During)}, after it {writes.Count(w => w.Acknowledged == Phase.After)}.");
        restore.Verification.Checks.ShouldAllBe(c => c.Passed);
        await using var restored = target.CreateContext();
        var restoredContacts = (await restored.Contacts.Select(c => c.Id).ToListAsync()).ToHashSet();
        writes.Where(w => w.Acknowledged == Phase.Before).ShouldAllBe(w => restoredContacts.Contains(w.Id));
        writes.Where(w => w.Sent == Phase.After).ShouldNotBeEmpty();
        writes.Where(w => w.Sent == Phase.After).ShouldAllBe(w => !restoredContacts.Contains(w.Id));
        await ShouldHoldEachReferralWholeAsync(restored, writes.Select(w => w.Id).Where(restoredContacts.Contains).ToList());
        await using var live = App.CreateDbContext();
        (await live.Contacts.CountAsync(c => writes.Select(w => w.Id).Contains(c.Id))).ShouldBe(writes.Count);
    }

    /// <summary>No half of a transaction: each referral's contact has its received event, its work and its idempotency record, and no event names a missing contact.</summary>
    private static async Task ShouldHoldEachReferralWholeAsync(Core.Data.SafeguardDbContext restored, List<Guid> referrals)
    {
        var received = (await restored.Events.Where(e => e.Type == ContactReceived.Name).Select(e => e.SubjectId).ToListAsync()).ToHashSet();
        var worked = (await restored.WorkItems.Select(w => w.SubjectId).ToListAsync()).ToHashSet();
        var claimed = (await restored.IdempotencyRecords.Select(r => r.ContactId).ToListAsync()).ToHashSet();
        referrals.ShouldAllBe(id => received.Contains(id) && worked.Contains(id) && claimed.Contains(id));
        var contacts = (await restored.Contacts.Select(c => c.Id).ToListAsync()).ToHashSet();
        received.ShouldAllBe(id => id != null && contacts.Contains(id.Value));
        claimed.ShouldAllBe(id => contacts.Contains(id));
    }
}
