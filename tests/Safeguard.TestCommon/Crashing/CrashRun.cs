using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;

namespace Safeguard.TestCommon.Crashing;

/// <summary>How big a crash run is, and what it may do to the database server.</summary>
/// <param name="RestartDatabase">Restarts the database server (PostgreSQL), run once while requests are in flight; null: never.</param>
public sealed record CrashRunOptions(int Rounds, int ReferralsPerRound, int DecisionsPerRound, int Seed, int Parallelism = 8,
    Func<Task>? RestartDatabase = null, Action<string>? Log = null);

/// <summary>
/// The crash harness: the real web process (<see cref="WebProcess"/>) on a database of its own, with an SMTP listener for
/// the feedback outbox. Each round sends a burst of partner API referrals and front-door decisions at once, SIGKILLs the
/// process after a random number of answers (seeded, printed), starts it again and resends every request of the burst
/// until each is acknowledged. Then the outbox is drained and <see cref="CrashChecks"/> looks for anything lost or doubled.
/// </summary>
public sealed class CrashRun(DatabaseProvider provider, string connectionString, CrashRunOptions options)
{
    private const string Worker = "tom.evans@northbridge.example";
    private readonly string _runId = $"crash{Guid.NewGuid():N}"[..13];
    private readonly CrashLedger _ledger = new();
    private readonly Random _random = new(options.Seed);

    private void Log(string line) => options.Log?.Invoke(line);

    public SafeguardDbContext CreateContext() =>
        new(DatabaseOptions.Build(provider, connectionString), new FixedActorContext(new Actor(Guid.Empty, "Crash harness")), TimeProvider.System);

    public async Task<CrashReport> RunAsync(string webDll)
    {
        var total = Stopwatch.StartNew();
        await using var smtp = SmtpListener.Start();
        await using var web = new WebProcess(webDll, Environment(smtp.Port));
        Log($"Crash run {_runId}: {provider}, seed {options.Seed}, {options.Rounds} rounds of {options.ReferralsPerRound} referrals "
            + $"+ {options.DecisionsPerRound} decisions, web process on port {web.Port}");
        // The first start migrates the database and seeds the demo council: minutes on a busy machine.
        await web.StartAsync(TimeSpan.FromMinutes(20));
        Log($"web process ready after {total.Elapsed.TotalSeconds:0} s (migrated and seeded)");
        var (key, organisationId) = await PartnerKeyAsync();
        using var partner = new PartnerClient(web.Address, key);
        using var worker = new FrontDoorClient(web.Address, Worker, DemoAccounts.Password);
        var restartDatabaseIn = options.RestartDatabase is null ? -1 : Math.Min(1, options.Rounds - 1);

        for (var round = 0; round < options.Rounds; round++)
        {
            var decisions = await DecisionTargetsAsync(partner, round);
            var referrals = Enumerable.Range(0, options.ReferralsPerRound)
                .Select(i => Referral($"{_runId}-r{round}-{i}", $"Burst{round}x{i}")).ToList();
            var jobs = referrals.Select(r => (Func<Task<Answer>>)(() => SendAsync(partner, r)))
                .Concat(decisions.Select(d => (Func<Task<Answer>>)(() => SendAsync(worker, d))))
                .OrderBy(_ => _random.Next()).ToList();
            var killAfter = _random.Next(jobs.Count);
            var extraDelay = _random.Next(30);

            var answered = 0;
            var burst = RunAllAsync(jobs, () => Interlocked.Increment(ref answered));
            while (Volatile.Read(ref answered) < killAfter && !burst.IsCompleted) await Task.Delay(1);
            await Task.Delay(extraDelay);
            web.Kill();
            var first = await burst;
            var acknowledged = first.Count(a => a is Answer.Recorded or Answer.AlreadyDone);
            _ledger.Kills++;
            _ledger.AcknowledgedBeforeKill += acknowledged;
            Log($"round {round + 1}: killed after {killAfter} answers (+{extraDelay} ms): {acknowledged} of {jobs.Count} acknowledged before the kill");

            var restarted = Stopwatch.StartNew();
            await web.StartAsync(TimeSpan.FromMinutes(5));
            Log($"round {round + 1}: web process ready again after {restarted.Elapsed.TotalSeconds:0.0} s");
            Task restart = Task.CompletedTask;
            if (round == restartDatabaseIn)
            {
                restart = Task.Run(async () =>
                {
                    await Task.Delay(_random.Next(50, 300));
                    Log($"round {round + 1}: restarting the database server while the resent burst is in flight");
                    await options.RestartDatabase!();
                    _ledger.DatabaseRestarts++;
                });
            }
            await ResendUntilAcknowledgedAsync(jobs);
            await restart;
        }

        Log("Draining the outbox");
        await DrainOutboxAsync(TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(2));
        web.Kill();
        await smtp.StopAsync();
        var report = await new CrashChecks(this, _ledger, _runId, organisationId).CheckAsync(smtp.Received);
        report.Seconds = total.Elapsed.TotalSeconds;
        report.Starts = web.Starts;
        return report;
    }

    private Dictionary<string, string> Environment(int smtpPort) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        // The worker signs in with a password alone: two-factor sign-in has its own tests (TwoFactorSignInTests).
        ["Security__RequireTwoFactor"] = "false",
        ["Database__Provider"] = provider.ToString(),
        ["ConnectionStrings__Safeguard"] = connectionString,
        ["Database__MigrateOnStart"] = "true",
        ["Demo__SeedOnStart"] = "true",
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications__DispatchIntervalSeconds"] = "1",
        // The shortest lease: a message claimed by a killed process is due again after 10 s, not 5 minutes.
        ["Notifications__LeaseSeconds"] = "10",
        ["Notifications__EmailAlertsToManagers"] = "false",
        ["PartnerApi__RequestsPerMinute"] = "100000000",
        ["People__SweepEnabled"] = "false",
        ["Performance__RefreshEnabled"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "None",
    };

    private async Task<(string Key, Guid OrganisationId)> PartnerKeyAsync()
    {
        await using var db = CreateContext();
        var created = await new PartnerKeys(db).CreateAsync(DemoAccounts.Police, "Crash harness");
        return (created.Key, created.OrganisationId);
    }

    /// <summary>Contacts for this round's decisions, referred through the API before the burst, with their versions.</summary>
    private async Task<List<DecisionPost>> DecisionTargetsAsync(PartnerClient partner, int round)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < options.DecisionsPerRound; i++)
        {
            var post = Referral($"{_runId}-d{round}-{i}", $"Decide{round}x{i}");
            await SendUntilAcknowledgedAsync(() => SendAsync(partner, post));
            ids.Add(_ledger.Referrals[post.Key].Ids.First());
        }
        var versions = await ReadThroughRestartAsync(async () =>
        {
            await using var db = CreateContext();
            return await db.Contacts.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Version);
        });
        return ids.Select((id, i) => new DecisionPost(id, versions[id], i % 2 == 0 ? "ReferralToSocialCare" : "EarlyHelp",
            $"Crash round {round + 1}: decided by the harness")).ToList();
    }

    /// <summary>The harness's own read, tried again while the database server it restarted comes back.</summary>
    private static async Task<T> ReadThroughRestartAsync<T>(Func<Task<T>> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (Exception) when (attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private ReferralPost Referral(string key, string familyName)
    {
        var year = 2012 + _random.Next(12);
        var body = $$$"""
            {"children":[{"givenName":"Robin","familyName":"{{{Letters(familyName)}}}","dateOfBirth":"{{{year}}}-0{{{1 + _random.Next(9)}}}-1{{{_random.Next(9)}}}","sex":"female",
              "address":{"line1":"{{{1 + _random.Next(200)}}} Mill Lane","town":"Northbridge","postcode":"NB2 4QT"}}],
             "referrer":{"name":"DC Alex Moore","organisation":"Northbridge Police","role":"Detective constable",
              "email":"alex.moore@police.example","phone":"01234 567890"},
             "concern":"{{{_runId}}} {{{key}}}: officers attended a domestic incident; the child was present and distressed.",
             "categories":["domestic-abuse"],"injury":false,"immediateRisk":false,"parentsAware":true}
            """;
        return new ReferralPost(key, body);
    }

    /// <summary>Digits as letters (0 as a, 1 as b...): names are made of letters.</summary>
    private static string Letters(string name) => new(name.Select(c => char.IsAsciiDigit(c) ? (char)('a' + (c - '0')) : c).ToArray());

    private async Task<Answer> SendAsync(PartnerClient partner, ReferralPost post)
    {
        var (answer, id, status) = await partner.PostAsync(post);
        _ledger.Sent(post, answer, id, status);
        return answer;
    }

    private async Task<Answer> SendAsync(FrontDoorClient worker, DecisionPost post)
    {
        var (answer, status) = await worker.DecideAsync(post);
        _ledger.Sent(post, answer, status);
        return answer;
    }

    private async Task<List<Answer>> RunAllAsync(List<Func<Task<Answer>>> jobs, Action answered)
    {
        using var turns = new SemaphoreSlim(options.Parallelism);
        var tasks = jobs.Select(async job =>
        {
            await turns.WaitAsync();
            try
            {
                return await job();
            }
            finally
            {
                answered();
                turns.Release();
            }
        }).ToList();
        return (await Task.WhenAll(tasks)).ToList();
    }

    /// <summary>Every request of the burst again, each until it is acknowledged (a failed retry waits a moment).</summary>
    private async Task ResendUntilAcknowledgedAsync(List<Func<Task<Answer>>> jobs)
    {
        _ledger.Resent += jobs.Count;
        await RunAllAsync(jobs.Select(job => (Func<Task<Answer>>)(() => SendUntilAcknowledgedAsync(job))).ToList(), () => { });
    }

    private static async Task<Answer> SendUntilAcknowledgedAsync(Func<Task<Answer>> job)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var answer = await job();
            if (answer != Answer.None) return answer;
            if (waited.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("A request was not acknowledged within 3 minutes of retrying.");
            await Task.Delay(200);
        }
    }

    private async Task DrainOutboxAsync(TimeSpan timeout)
    {
        var ids = _ledger.Decisions.Keys.ToList();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            await using var db = CreateContext();
            var pending = await db.FeedbackMessages.CountAsync(m => ids.Contains(m.ContactId) && m.Status == FeedbackStatus.Pending);
            if (pending == 0) return;
            await Task.Delay(500);
        }
        Log($"The outbox was not drained within {timeout.TotalSeconds:0} s");
    }
}

/// <summary>Every request sent and every answer received, by Idempotency-Key and by contact.</summary>
public sealed class CrashLedger
{
    public sealed class ReferralEntry
    {
        public int Sends;
        public int Acknowledgements;
        public readonly HashSet<Guid> Ids = [];
    }

    public sealed class DecisionEntry
    {
        public int Sends;
        public int Recorded;
        public int AlreadyDecided;
    }

    public ConcurrentDictionary<string, ReferralEntry> Referrals { get; } = new();
    public ConcurrentDictionary<Guid, DecisionEntry> Decisions { get; } = new();
    public ConcurrentBag<string> WrongAnswers { get; } = [];
    public int Kills;
    public int DatabaseRestarts;
    public int AcknowledgedBeforeKill;
    public int Resent;

    public void Sent(ReferralPost post, Answer answer, Guid? id, int status)
    {
        var entry = Referrals.GetOrAdd(post.Key, _ => new ReferralEntry());
        lock (entry)
        {
            entry.Sends++;
            if (answer is Answer.Recorded or Answer.AlreadyDone)
            {
                entry.Acknowledgements++;
                entry.Ids.Add(id!.Value);
            }
        }
        if (answer == Answer.Wrong) WrongAnswers.Add($"referral {post.Key}: {status}");
    }

    public void Sent(DecisionPost post, Answer answer, int status)
    {
        var entry = Decisions.GetOrAdd(post.ContactId, _ => new DecisionEntry());
        lock (entry)
        {
            entry.Sends++;
            if (answer == Answer.Recorded) entry.Recorded++;
            if (answer == Answer.AlreadyDone) entry.AlreadyDecided++;
        }
        if (answer == Answer.Wrong) WrongAnswers.Add($"decision {post.ContactId}: {status}");
    }
}
