using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Seeding;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Running;

/// <summary>
/// Two real app processes (the built Safeguard.Web.dll) on one database, as a council runs several instances: each
/// background job runs once a turn between them, each referrer's feedback is sent once, and a sign-in on one is a
/// sign-in on the other.
/// </summary>
public sealed class SeveralInstancesTests
{
    private const string RunTemplate = "The {Job} ran on {Instance} from {Started} to {Finished}";
    private const string FailureTemplate = "The {Job} failed on {Instance}; it runs again at its next turn";
    private const int Messages = 12;
    private static readonly string[] Jobs =
        ["overdue-sweep", "pattern-sweep", "competence-lapses", "leavers", "personal-supervision-check", "flow-watch",
         "duplicate-sweep", "performance-refresh"];

    private sealed record Run(string Job, string Instance, DateTimeOffset Started, DateTimeOffset Finished);

    [Fact]
    public async Task TwoProcessesOnOneDatabase_ShareTheWorkOnceAndTheSignIns()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var mail = Directory.CreateTempSubdirectory("safeguard-instances-mail-");
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Safeguard"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Notifications:DispatchIntervalSeconds"] = "1",
            ["Notifications:SweepIntervalSeconds"] = "2",
            ["Notifications:Smtp:PickupDirectory"] = mail.FullName,
            ["People:SweepIntervalSeconds"] = "2",
            ["Performance:RefreshIntervalMinutes"] = "1",
            ["Performance:Years"] = "1",
        };
        // The first instance makes and seeds the database; the second starts on it.
        await using var first = AppProcess.Start("web-a", new Dictionary<string, string>(settings) { ["Demo:SeedOnStart"] = "true" });
        await first.WaitUntilReadyAsync(TimeSpan.FromMinutes(10));
        await using var second = AppProcess.Start("web-b", new Dictionary<string, string>(settings) { ["Demo:SeedOnStart"] = "false" });
        await second.WaitUntilReadyAsync(TimeSpan.FromMinutes(10));

        await SignInOnOneIsASignInOnTheOtherAsync(first, second);
        var subjects = await QueueFeedbackAsync(database);
        await WaitForTurnsAndFeedbackAsync(database, subjects);
        await first.StopAsync();
        await second.StopAsync();

        first.Logged(FailureTemplate).Concat(second.Logged(FailureTemplate)).ShouldBeEmpty();
        var runs = first.Logged(RunTemplate).Concat(second.Logged(RunTemplate))
            .Select(s => new Run(s.GetProperty("Job").GetString()!, s.GetProperty("Instance").GetString()!,
                DateTimeOffset.Parse(s.GetProperty("Started").GetString()!, CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(s.GetProperty("Finished").GetString()!, CultureInfo.InvariantCulture)))
            .ToList();
        await using var db = database.CreateContext(TimeProvider.System);
        var leases = await db.JobLeases.AsNoTracking().ToDictionaryAsync(l => l.Name);
        foreach (var job in Jobs)
        {
            var ofJob = runs.Where(r => r.Job == job).OrderBy(r => r.Started).ToList();
            ofJob.ShouldNotBeEmpty($"{job} never ran");
            // Every run took the lease, and no run of a job began before the one before it had finished.
            // The lease counts a run when it starts, the log when it ends: one run of a job (only one instance holds its
            // lease) may have been started and cut short when the instances were stopped.
            leases[job].Runs.ShouldBeInRange(ofJob.Count, ofJob.Count + 1, $"{job}: runs counted by the lease and runs logged by the instances");
            for (var i = 1; i < ofJob.Count; i++)
            {
                ofJob[i].Started.ShouldBeGreaterThanOrEqualTo(ofJob[i - 1].Finished,
                    $"{job} ran on {ofJob[i].Instance} while {ofJob[i - 1].Instance} was running it");
            }
        }

        // Each referrer's feedback went out once, whichever instance claimed it.
        var sent = Directory.GetFiles(mail.FullName, "*.eml").Select(File.ReadAllText).ToList();
        foreach (var subject in subjects)
        {
            sent.Count(m => m.Contains(subject, StringComparison.Ordinal)).ShouldBe(1, subject);
        }
        mail.Delete(recursive: true);
    }

    private static async Task SignInOnOneIsASignInOnTheOtherAsync(AppProcess first, AppProcess second)
    {
        // One browser: its cookies for 127.0.0.1 go to both instances (cookies do not depend on the port).
        var cookies = new CookieContainer();
        using var onFirst = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = first.Address };
        using var onSecond = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = second.Address };
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = second.Address };

        // The form comes from the second instance and is posted to the first: the antiforgery token crosses too.
        var token = SafeguardAppFactory.AntiforgeryToken(await onSecond.GetStringAsync("/sign-in"));
        var signIn = await onFirst.PostAsync("/sign-in", new FormUrlEncodedContent([new("Email", "sam.okafor@northbridge.example"),
            new("Password", DemoAccounts.Password), new("__RequestVerificationToken", token)]));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.ToString().ShouldNotContain("sign-in");

        var home = await onSecond.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync()).ShouldContain("Sign out");
        (await stranger.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<List<string>> QueueFeedbackAsync(TestDatabase database)
    {
        await using var db = database.CreateContext(TimeProvider.System);
        var contactId = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var now = TimeProvider.System.GetUtcNow();
        var subjects = Enumerable.Range(1, Messages).Select(i => $"Outcome of your referral {Guid.NewGuid():N}").ToList();
        foreach (var subject in subjects)
        {
            db.FeedbackMessages.Add(new FeedbackMessage(contactId, "referrer@partner.example", subject, "We have decided what to do.", now));
        }
        await db.SaveChangesAsync();
        return subjects;
    }

    /// <summary>Waits (at most five minutes, the machine may be busy) for four turns of the sweeps and every message sent.</summary>
    private static async Task WaitForTurnsAndFeedbackAsync(TestDatabase database, List<string> subjects)
    {
        for (var i = 0; i < 600; i++)
        {
            await using var db = database.CreateContext(TimeProvider.System);
            var turns = await db.JobLeases.Where(l => l.Name == "overdue-sweep").Select(l => l.Runs).FirstOrDefaultAsync();
            var pending = await db.FeedbackMessages.CountAsync(m => subjects.Contains(m.Subject) && m.Status != FeedbackStatus.Sent);
            if (turns >= 4 && pending == 0) return;
            await Task.Delay(500);
        }
        throw new TimeoutException("The instances did not finish their work");
    }
}
