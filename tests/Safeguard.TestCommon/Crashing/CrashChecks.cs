using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.FrontDoor;

namespace Safeguard.TestCommon.Crashing;

/// <summary>What a crash run sent, what came back, and everything found lost or doubled (<see cref="Problems"/>).</summary>
public sealed class CrashReport
{
    public int Rounds { get; set; }
    public int Kills { get; set; }
    public int Starts { get; set; }
    public int DatabaseRestarts { get; set; }
    public int Requests { get; set; }
    public int Sends { get; set; }
    public int AcknowledgedBeforeKill { get; set; }
    public int Resent { get; set; }
    public int ReferralsAcknowledged { get; set; }
    public int ReferralsExactlyOnce { get; set; }
    public int DecisionsAcknowledged { get; set; }
    public int DecisionsExactlyOnce { get; set; }
    public int Lost { get; set; }
    public int Duplicates { get; set; }
    public int OutboxMessages { get; set; }
    public int OutboxDelivered { get; set; }
    public int OutboxLost { get; set; }

    /// <summary>Messages the SMTP server accepted more than once (same outbox row, same Message-ID).</summary>
    public int OutboxSentTwiceOnTheWire { get; set; }

    /// <summary>Messages delivered twice with different Message-IDs: a receiver could not tell them apart.</summary>
    public int OutboxDuplicates { get; set; }

    public double Seconds { get; set; }
    public List<string> Problems { get; } = [];

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"Rounds {Rounds}, SIGKILLs {Kills}, web process starts {Starts}, database server restarts {DatabaseRestarts}, {Seconds:0} s");
        text.AppendLine($"Requests {Requests} (referrals and decisions), sent {Sends} times in all; acknowledged before the kill {AcknowledgedBeforeKill}; resent {Resent}");
        text.AppendLine($"Referrals acknowledged {ReferralsAcknowledged}, found exactly once {ReferralsExactlyOnce}");
        text.AppendLine($"Decisions acknowledged {DecisionsAcknowledged}, found exactly once {DecisionsExactlyOnce}");
        text.AppendLine($"Lost {Lost}, duplicates {Duplicates}");
        text.AppendLine($"Outbox: {OutboxMessages} messages, delivered {OutboxDelivered}, lost {OutboxLost}, "
            + $"accepted twice by SMTP under one Message-ID {OutboxSentTwiceOnTheWire}, duplicates under different Message-IDs {OutboxDuplicates}");
        foreach (var problem in Problems.Take(50)) text.AppendLine("PROBLEM: " + problem);
        return text.ToString();
    }
}

/// <summary>The checks after a crash run, against the database and the mail the SMTP listener accepted.</summary>
public sealed class CrashChecks(CrashRun run, CrashLedger ledger, string runId, Guid organisationId)
{
    public async Task<CrashReport> CheckAsync(IReadOnlyList<ReceivedMail> mail)
    {
        var report = new CrashReport
        {
            Kills = ledger.Kills,
            Rounds = ledger.Kills,
            DatabaseRestarts = ledger.DatabaseRestarts,
            Requests = ledger.Referrals.Count + ledger.Decisions.Count,
            Sends = ledger.Referrals.Values.Sum(r => r.Sends) + ledger.Decisions.Values.Sum(d => d.Sends),
            AcknowledgedBeforeKill = ledger.AcknowledgedBeforeKill,
            Resent = ledger.Resent,
        };
        report.Problems.AddRange(ledger.WrongAnswers.Select(w => "answered wrongly: " + w));
        await using var db = run.CreateContext();
        await CheckReferralsAsync(db, report);
        await CheckDecisionsAsync(db, report);
        await CheckOutboxAsync(db, report, mail);
        return report;
    }

    private async Task CheckReferralsAsync(Core.Data.SafeguardDbContext db, CrashReport report)
    {
        var keys = ledger.Referrals.Keys.ToList();
        var records = (await db.IdempotencyRecords.Where(r => r.OrganisationId == organisationId && keys.Contains(r.Key))
            .Select(r => new { r.Key, r.ContactId }).ToListAsync()).ToLookup(r => r.Key, r => r.ContactId);
        var contacts = await db.Contacts.Where(c => c.Concern.Contains(runId)).Select(c => new { c.Id, c.Concern }).ToListAsync();
        var received = (await db.Events.Where(e => e.Type == ContactReceived.Name && e.SubjectId != null)
                .Join(db.Contacts.Where(c => c.Concern.Contains(runId)), e => e.SubjectId, c => c.Id, (e, c) => c.Id).ToListAsync())
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (key, entry) in ledger.Referrals)
        {
            if (entry.Acknowledgements == 0) continue;
            report.ReferralsAcknowledged++;
            var stored = records[key].ToList();
            var withKey = contacts.Count(c => c.Concern.Contains(key + ":", StringComparison.Ordinal));
            var ok = true;
            if (stored.Count == 0 || withKey == 0)
            {
                report.Lost++;
                report.Problems.Add($"referral {key} was acknowledged as {string.Join(", ", entry.Ids)} but is not stored");
                continue;
            }
            if (stored.Count > 1 || withKey > 1)
            {
                report.Duplicates++;
                report.Problems.Add($"referral {key} is stored {Math.Max(stored.Count, withKey)} times");
                ok = false;
            }
            if (entry.Ids.Count > 1 || !entry.Ids.Contains(stored[0]))
            {
                report.Problems.Add($"referral {key} was acknowledged as {string.Join(", ", entry.Ids)} but stored as {stored[0]}");
                ok = false;
            }
            if (received.GetValueOrDefault(stored[0]) != 1)
            {
                report.Problems.Add($"referral {key} has {received.GetValueOrDefault(stored[0])} '{ContactReceived.Name}' events, not 1");
                ok = false;
            }
            if (ok) report.ReferralsExactlyOnce++;
        }
        var strays = contacts.Count - ledger.Referrals.Count;
        if (strays > 0)
        {
            report.Duplicates += strays;
            report.Problems.Add($"{contacts.Count} contacts were stored for {ledger.Referrals.Count} idempotency keys");
        }
    }

    private async Task CheckDecisionsAsync(Core.Data.SafeguardDbContext db, CrashReport report)
    {
        var ids = ledger.Decisions.Keys.ToList();
        var decided = await db.Contacts.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Status);
        var events = await CountBySubjectAsync(db, ContactDecided.Name, ids);
        var referrals = (await db.Referrals.Where(r => r.ContactId != null && ids.Contains(r.ContactId.Value)).Select(r => r.ContactId!.Value).ToListAsync())
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var messages = (await db.FeedbackMessages.Where(m => ids.Contains(m.ContactId)).Select(m => m.ContactId).ToListAsync())
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (id, entry) in ledger.Decisions)
        {
            if (entry.Recorded + entry.AlreadyDecided == 0) continue;
            report.DecisionsAcknowledged++;
            if (decided.GetValueOrDefault(id) != ContactStatus.Decided || events.GetValueOrDefault(id) == 0)
            {
                report.Lost++;
                report.Problems.Add($"the decision on {id} was acknowledged but the contact is {decided.GetValueOrDefault(id)}");
                continue;
            }
            var problems = new List<string>();
            if (entry.Recorded > 1) problems.Add($"was recorded (302) {entry.Recorded} times");
            if (events.GetValueOrDefault(id) != 1) problems.Add($"has {events.GetValueOrDefault(id)} '{ContactDecided.Name}' events");
            if (messages.GetValueOrDefault(id) != 1) problems.Add($"has {messages.GetValueOrDefault(id)} feedback messages");
            if (referrals.GetValueOrDefault(id) > 1) problems.Add($"has {referrals[id]} referrals");
            if (problems.Count == 0)
            {
                report.DecisionsExactlyOnce++;
                continue;
            }
            report.Duplicates++;
            report.Problems.Add($"the decision on {id} {string.Join("; ", problems)}");
        }
    }

    private async Task CheckOutboxAsync(Core.Data.SafeguardDbContext db, CrashReport report, IReadOnlyList<ReceivedMail> mail)
    {
        var ids = ledger.Decisions.Keys.ToList();
        var messages = await db.FeedbackMessages.Where(m => ids.Contains(m.ContactId)).Select(m => new { m.Id, m.Status }).ToListAsync();
        var messageIds = messages.Select(m => m.Id).ToList();
        var sentEvents = (await db.Events.Where(e => e.Type == FeedbackSent.Name && e.SubjectId != null && ids.Contains(e.SubjectId.Value))
            .Select(e => e.Data).ToListAsync());
        var delivered = mail.Where(m => m.Headers.ContainsKey("X-Safeguard-Reference"))
            .GroupBy(m => m.Headers["X-Safeguard-Reference"]).ToDictionary(g => g.Key, g => g.ToList());
        report.OutboxMessages = messages.Count;
        foreach (var message in messages)
        {
            var copies = delivered.GetValueOrDefault(message.Id.ToString()) ?? [];
            if (message.Status != FeedbackStatus.Sent || copies.Count == 0)
            {
                report.OutboxLost++;
                report.Problems.Add($"feedback message {message.Id} is {message.Status} and reached the SMTP server {copies.Count} times");
                continue;
            }
            report.OutboxDelivered++;
            if (copies.Count > 1)
            {
                var messageIdHeaders = copies.Select(c => c.Headers.GetValueOrDefault("Message-ID") ?? "").Distinct().ToList();
                if (messageIdHeaders.Count == 1 && messageIdHeaders[0].Length > 0) report.OutboxSentTwiceOnTheWire++;
                else
                {
                    report.OutboxDuplicates++;
                    report.Problems.Add($"feedback message {message.Id} was delivered {copies.Count} times under Message-IDs {string.Join(", ", messageIdHeaders)}");
                }
            }
            var events = sentEvents.Count(d => d != null && d.Contains(message.Id.ToString(), StringComparison.OrdinalIgnoreCase));
            if (events != 1) report.Problems.Add($"feedback message {message.Id} has {events} '{FeedbackSent.Name}' events, not 1");
        }
    }

    private static async Task<Dictionary<Guid, int>> CountBySubjectAsync(Core.Data.SafeguardDbContext db, string type, List<Guid> ids) =>
        (await db.Events.Where(e => e.Type == type && e.SubjectId != null && ids.Contains(e.SubjectId.Value)).Select(e => e.SubjectId!.Value).ToListAsync())
        .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
}
